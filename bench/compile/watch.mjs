// Watch-mode recompile timing: a fresh `node` that opens a CompileSession on the bench's four
// typestep workflows (copied to .generated/watch/, so edits never touch the sources), then edits one
// workflow file N times, alternating a string literal, and times each `session.update([file])` up
// to the result (ASL formatted by prettier, schemas built): what `typestep compile --watch` does
// per save, before writing files. Each edit is checked: only the edited file is recompiled, and its
// ASL holds the new literal. For scale, under the same load: `compile({ files: [file] })` of the
// edited file alone in the same warm process, what a watch without a session would run per save.
//
//   node bench/compile/watch.mjs [--edits N (20)] [--json]
//
// With --json it prints one `WATCH_RESULT {…}` line (what index.mjs reads); without it, a summary.

import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

// This measures the compiler's work: the build cache would answer every compile after the first
// (it is timed apart, in the cold compiles of index.mjs).
process.env.TYPESTEP_NO_BUILD_CACHE = '1';

/** The target for one recompile of one changed workflow. */
export const WATCH_TARGET_MS = 50;

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const EDITED = 'assign-offer.ts';
const LITERAL = "'WELCOME'";

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));

async function main(args) {
  const edits = Number(args[args.indexOf('--edits') + 1]) || 20;
  if (args.includes('--edits') && !(edits >= 1)) throw new Error('--edits takes a number ≥ 1');
  const result = await measureWatch(Math.max(1, edits));
  if (args.includes('--json')) process.stdout.write(`WATCH_RESULT ${JSON.stringify(result)}\n`);
  else printSummary(result);
}

/** Opens the session, then times `edits` recompiles of one edited workflow. */
export async function measureWatch(edits) {
  const dir = here('./.generated/watch');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = here('./workflows/typestep');
  for (const name of readdirSync(sources).filter((entry) => entry.endsWith('.ts'))) copyFileSync(join(sources, name), join(dir, name));
  const file = join(dir, EDITED);
  const original = readFileSync(file, 'utf8');
  if (!original.includes(LITERAL)) throw new Error(`${EDITED} no longer holds ${LITERAL}: pick another literal to edit`);

  const started = performance.now();
  const { compile, CompileSession } = await import('@typestep/compiler');
  const imported = performance.now();
  const session = await CompileSession.open({ files: [join(dir, '*.ts')] });
  const opened = performance.now();
  if (session.result.diagnostics.length > 0) throw new Error(`the bench workflows do not compile:\n${session.result.diagnostics.join('\n')}`);
  const workflows = session.result.workflows.length;

  const wallMs = [];
  const cpuMs = [];
  for (let edit = 0; edit < edits; edit += 1) {
    const literal = `'WELCOME${edit % 2 === 0 ? 'A' : 'B'}'`;
    writeFileSync(file, original.replace(LITERAL, literal));
    const cpu = process.cpuUsage();
    const begin = performance.now();
    const update = await session.update([file]);
    wallMs.push(performance.now() - begin);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    if (update.recompiled.length !== 1 || update.workflows.length !== 1 || !update.workflows[0].text.includes(literal.slice(1, -1))) {
      throw new Error(`edit ${edit}: expected ${EDITED} alone recompiled with ${literal}; got ${JSON.stringify(update.recompiled)} and ${update.diagnostics.join('\n')}`);
    }
  }
  // What each save would cost without a session: a new project for the edited file (lib and dsl declarations parsed again).
  const freshMs = [];
  for (let run = 0; run < Math.min(5, edits); run += 1) {
    const begin = performance.now();
    const fresh = await compile({ files: [file] });
    freshMs.push(performance.now() - begin);
    if (fresh.workflows.length !== 1) throw new Error(`compile() of ${EDITED} gave ${fresh.workflows.length} workflows`);
  }
  writeFileSync(file, original);
  return {
    edits,
    freshMs,
    freshMedianMs: percentile(freshMs, 0.5),
    workflows,
    edited: EDITED,
    importMs: imported - started,
    openMs: opened - imported,
    wallMs,
    cpuMs,
    medianMs: percentile(wallMs, 0.5),
    p90Ms: percentile(wallMs, 0.9),
    cpuMedianMs: percentile(cpuMs, 0.5),
    firstMs: wallMs[0],
  };
}

/** The value below which a `fraction` of `values` lie (nearest rank). */
export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

function printSummary(result) {
  const ms = (value) => `${value.toFixed(1)} ms`;
  const verdict = result.medianMs <= WATCH_TARGET_MS ? 'met' : 'NOT MET';
  console.log(`watch: ${result.edits} edits of ${result.edited}; session of ${result.workflows} workflows opened in ${ms(result.openMs)} (import ${ms(result.importMs)})`);
  console.log(`recompile: median ${ms(result.medianMs)}, p90 ${ms(result.p90Ms)}, first ${ms(result.firstMs)}; CPU median ${ms(result.cpuMedianMs)}`);
  console.log(`compile() of the edited file alone in this warm process: median ${ms(result.freshMedianMs)} (${(result.freshMedianMs / result.medianMs).toFixed(1)}× the recompile)`);
  console.log(`target ≤ ${WATCH_TARGET_MS} ms (median): ${verdict}`);
}
