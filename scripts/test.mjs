// The test command: unit tests (uvu), the conformance corpus and the type-level tests, summed up in
// one last line, `tests: N passed, M failed[, K skipped]`; exits non-zero on any failure. Without
// ../shared/conformance the corpus counts as 1 skipped (TYPESTEP_REQUIRE_CONFORMANCE=1: a failure).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Every compile in the tests runs the compiler: a result the build cache kept from an earlier run
// would hide what a change to the compiler does. The build cache's own tests turn it on for
// themselves (packages/compiler/test/build-cache).
const env = { ...process.env, TYPESTEP_NO_BUILD_CACHE: '1' };

function runStep(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      text += chunk;
    });
    child.on('close', (code) => resolve({ code, text: text.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

const unit = await runStep(['--import', 'tsx', 'scripts/run-uvu.mjs']);
const total = Number(/Total:\s+(\d+)/.exec(unit.text)?.[1] ?? NaN);
const ok = Number(/Passed:\s+(\d+)/.exec(unit.text)?.[1] ?? NaN);
const skip = Number(/Skipped:\s+(\d+)/.exec(unit.text)?.[1] ?? 0);
if (Number.isNaN(total) || Number.isNaN(ok)) {
  console.log('unit tests did not report a summary');
  broken = true;
} else {
  passed += ok;
  // uvu's Total counts the tests that ran; skipped ones (s.skip) are counted apart.
  failed += total - ok;
  skipped += skip;
}
if (unit.code !== 0 && failed === 0) broken = true;

const conformance = await runStep(['--import', 'tsx', 'packages/runtime/conformance/main.ts', ...process.argv.slice(2)]);
const line = /conformance: (\d+) passed, (\d+) failed, (\d+) known-failing/.exec(conformance.text);
if (conformance.code === 0 && /^conformance: skipped/m.test(conformance.text)) {
  // The corpus lives outside the repository (../shared/conformance); a fresh clone counts it as one skipped suite.
  skipped += 1;
} else if (!line) {
  console.log('the conformance runner did not report a summary');
  broken = true;
} else {
  passed += Number(line[1]);
  failed += Number(line[2]);
  skipped += Number(line[3]);
}

// Type-level tests: each .ts in packages/compiler/test/types must type-check
// (lines that must not are marked // @ts-expect-error; an unused marker is an
// error). One tsc run; one passed or failed per fixture file.
const typesDir = 'packages/compiler/test/types';
const typeFixtures = readdirSync(join(root, typesDir)).filter((name) => name.endsWith('.ts')).sort();
const typeCheck = await runStep(['node_modules/typescript/bin/tsc', '--noEmit', '--pretty', 'false', '-p', `${typesDir}/tsconfig.json`]);
const filesWithErrors = new Set([...typeCheck.text.matchAll(/^(.+?\.ts)\(\d+,\d+\): error/gm)].map((match) => match[1].split('/').pop()));
const typeFailures = typeFixtures.filter((name) => filesWithErrors.has(name));
// Errors outside the fixture files themselves (a generated file, the config) fail the step as a whole.
const strayErrors = typeCheck.code !== 0 && typeFailures.length === 0;
console.log(`type-level tests: ${typeFixtures.length - typeFailures.length} passed, ${typeFailures.length + (strayErrors ? 1 : 0)} failed${typeFailures.length ? ` (${typeFailures.join(', ')})` : ''}`);
passed += typeFixtures.length - typeFailures.length;
failed += typeFailures.length + (strayErrors ? 1 : 0);

if (broken) failed = Math.max(failed, 1);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
