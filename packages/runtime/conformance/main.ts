/**
 * The conformance runner: runs every case of the AWS-recorded corpus and
 * compares status, output or error/cause, and the state path; for cases that
 * carry a recorded history, also the history, event for event (history mode).
 *
 *   node --import tsx packages/runtime/conformance/main.ts [--cases DIR] [--verbose] [--filter TEXT]
 *
 * Cases listed in known-failures.json (id → one-line reason) may fail; any
 * other failure fails the run, and a listed case that passes is reported so
 * the list can shrink. The last line is machine-readable for the test script:
 * `conformance: P passed, F failed, K known-failing`, or `conformance: skipped — …`
 * when the default corpus folder is absent (TYPESTEP_REQUIRE_CONFORMANCE=1 makes
 * that a failure instead).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCases, runCase, type CaseOutcome } from './run-case.js';
import { conformanceCasesDir } from './cases-dir.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const { dir: casesDir, named: explicitCasesDir } = conformanceCasesDir(option('--cases'));
const verbose = args.includes('--verbose');
const filter = option('--filter');

if (!existsSync(casesDir)) {
  // A fresh clone has no corpus beside it: skip, unless the folder was named or CI requires it.
  if (!explicitCasesDir && process.env.TYPESTEP_REQUIRE_CONFORMANCE !== '1') {
    console.log('conformance: skipped — ../shared/conformance not found (set TYPESTEP_REQUIRE_CONFORMANCE=1 to require it)');
    process.exit(0);
  }
  const why = explicitCasesDir ? '' : ' and TYPESTEP_REQUIRE_CONFORMANCE=1 requires it';
  console.log(`conformance: FAILED — the corpus folder ${casesDir} is absent${why}; pass --cases DIR (or set TYPESTEP_CONFORMANCE).`);
  console.log('conformance: 0 passed, 1 failed, 0 known-failing');
  process.exit(1);
}

const known: Record<string, string> = JSON.parse(readFileSync(join(here, 'known-failures.json'), 'utf8'));
const cases = loadCases(casesDir).filter((c) => !filter || c.id.includes(filter));
const outcomes: CaseOutcome[] = [];
for (const testCase of cases) outcomes.push(await runCase(testCase));

const areas = new Map<string, { passed: number; failed: number; historyPassed: number; historyTotal: number }>();
let unexpected = 0;
let knownFailing = 0;
const nowPassing: string[] = [];
for (const outcome of outcomes) {
  const area = areas.get(outcome.area) ?? { passed: 0, failed: 0, historyPassed: 0, historyTotal: 0 };
  areas.set(outcome.area, area);
  if (outcome.history) {
    area.historyTotal++;
    if (outcome.history.passed) area.historyPassed++;
  }
  if (outcome.passed) {
    area.passed++;
    if (known[outcome.id]) nowPassing.push(outcome.id);
    continue;
  }
  area.failed++;
  if (known[outcome.id]) {
    knownFailing++;
    if (verbose) console.log(`  known  ${outcome.id}: ${outcome.reason}`);
  } else {
    unexpected++;
    console.log(`  FAIL   ${outcome.id}: ${outcome.reason}`);
  }
}

console.log('\nconformance by area (passed/total, then history mode passed/total):');
for (const [area, { passed, failed, historyPassed, historyTotal }] of [...areas].sort()) {
  const history = historyTotal ? `   history ${String(historyPassed).padStart(4)}/${historyTotal}` : '';
  console.log(`  ${area.padEnd(22)} ${String(passed).padStart(4)}/${String(passed + failed).padEnd(4)}${history}`);
}
for (const id of nowPassing) console.log(`  now passing, remove from known-failures.json: ${id}`);
const passed = outcomes.filter((o) => o.passed).length;
// A case reaches history mode only once its status, output, error/cause and states matched.
const resultsPassed = outcomes.filter((o) => o.passed || o.history).length;
const withHistory = outcomes.filter((o) => o.history);
const historyPassed = withHistory.filter((o) => o.history!.passed).length;
console.log(`\nresults (status, output, error/cause, states): ${resultsPassed}/${outcomes.length}; history mode: ${historyPassed}/${withHistory.length}`);
console.log(`${passed}/${outcomes.length} cases pass; ${knownFailing} known failures; ${unexpected} unexpected failures.`);
console.log(`conformance: ${passed} passed, ${unexpected} failed, ${knownFailing} known-failing`);
process.exitCode = unexpected > 0 ? 1 : 0;
