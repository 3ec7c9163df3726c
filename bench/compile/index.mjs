// bench/compile: typestep's compiler against @ts2asl/convert.
//
//   npx tsc -b && node bench/compile/index.mjs      (or: npm run bench:compile)
//   options: --cold-runs N (7)  --rounds N (5)  --count N (50)  --edits N (20)  --no-timing  --json FILE
//
// 1. Compiles each workflow pair with both tools (in this process) and runs both outputs in
//    typestep's runtime on the same inputs: outputs must equal the typestep workflow run natively.
//    Counts states and state transitions (…StateEntered events) per execution.
// 2. Cold compile: a fresh `node` per run that imports the compiler and compiles one workflow file.
//    typestep three ways: the workflow unchanged since its last compile (the build cache answers);
//    the workflow just edited (the code cache is there, the build cache misses); and with both
//    caches empty (its first compile ever).
// 3. Throughput: a generated project of N workflows compiled in one process after a warm-up.
// 4. Watch: one CompileSession, then N edits of one workflow file, each recompile timed (watch.mjs).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparePair } from './compare-outputs.mjs';
import { generateProject } from './generate-project.mjs';
import { describeMachine, median, runChild } from './measure.mjs';
import { printReport } from './report.mjs';
import { sourceFileFor, tools, workflowNameFor } from './tools.mjs';
import { pairs } from './workflows/cases.mjs';

const TOOLS = ['typestep', 'ts2asl'];
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const options = parseOptions(process.argv.slice(2));

const report = { date: new Date().toISOString().slice(0, 10), machine: describeMachine(), options, pairs: [] };

// 1. Compile every pair with both tools; run and compare.
const native = nativeOutcomes();
report.nativeFailure = native.failure;
const loaded = {};
for (const tool of TOOLS) {
  try {
    loaded[tool] = await tools[tool].load();
  } catch (error) {
    loaded[tool] = { failure: error.message };
  }
}
for (const pair of pairs) {
  const compiled = {};
  for (const tool of TOOLS) compiled[tool] = await compileOne(tool, pair);
  const comparison = await comparePair(pair, compiled, native.result?.[pair.id]);
  report.pairs.push({
    id: pair.id,
    title: pair.title,
    heavy: pair.heavy,
    failures: { typestep: compiled.typestep.failure, ts2asl: compiled.ts2asl.failure },
    ...comparison,
  });
}

// 2 and 3. Timings, on the pairs both tools compile.
const compilable = pairs.filter((pair) => {
  const row = report.pairs.find((entry) => entry.id === pair.id);
  return !row.failures.typestep && !row.failures.ts2asl;
});
report.timedPairs = compilable.map((pair) => pair.id);
if (options.timing) {
  const coldPair = compilable[0] ?? pairs[0];
  report.cold = coldCompile(coldPair, compilable.find((pair) => pair !== coldPair) ?? coldPair);
  report.throughput = throughput(compilable.length > 0 ? compilable : pairs);
  report.watch = watchRecompiles();
}

printReport(report);
if (options.json) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);

async function compileOne(tool, pair) {
  if (loaded[tool].failure) return { failure: loaded[tool].failure };
  try {
    const definitions = await loaded[tool].compileFiles([sourceFileFor(tool, pair)]);
    const definition = definitions.get(workflowNameFor(tool, pair));
    if (!definition) return { failure: `no workflow named ${workflowNameFor(tool, pair)} in the output` };
    return { definition };
  } catch (error) {
    return { failure: error.message };
  }
}

/** The typestep workflows run natively (`workflow.run`), in a child that loads TypeScript through tsx. */
function nativeOutcomes() {
  // `--import tsx` resolves from the working directory: the repository root has it.
  const options = { encoding: 'utf8', cwd: here('../..') };
  const child = spawnSync(process.execPath, ['--import', 'tsx', here('./native-outputs.mjs')], options);
  const line = child.stdout.split('\n').find((text) => text.startsWith('NATIVE_RESULT '));
  if (child.status !== 0 || !line) return { failure: child.stderr.split('\n').slice(0, 6).join('\n') };
  return { result: JSON.parse(line.slice('NATIVE_RESULT '.length)) };
}

/**
 * Cold compiles, each in a new process, with the caches in a folder of their own. typestep runs
 * three times per round:
 * - `typestep`: the workflow unchanged since its last compile: the build cache holds that
 *   compile's result and the code cache is there (a compile run again with nothing changed);
 * - `typestep-edited`: a copy of the workflow (compile/.generated/edited/), edited before each run (a new comment line), so
 *   the build cache misses and the whole compile runs, with the code cache there (the compile
 *   after each save);
 * - `typestep-first`: both caches empty (the first compile ever on a machine).
 * The caches are first written by one untimed compile of another pair and one of this pair.
 */
function coldCompile(pair, warmUpPair) {
  const cold = { pair: pair.id, runs: options.coldRuns, warmUpPair: warmUpPair.id };
  const series = { typestep: 'typestep', 'typestep-edited': 'typestep', 'typestep-first': 'typestep', ts2asl: 'ts2asl' };
  const samples = Object.fromEntries(Object.keys(series).map((name) => [name, []]));
  const internal = Object.fromEntries(Object.keys(series).map((name) => [name, []]));
  const cacheRoot = mkdtempSync(join(tmpdir(), 'typestep-bench-cache-'));
  const warmCache = join(cacheRoot, 'warm');
  const original = sourceFileFor('typestep', pair);
  // In compile/.generated (not committed, not read as a bench workflow); the pairs import only packages, which resolve from there too.
  const editedDir = here('./.generated/edited');
  mkdirSync(editedDir, { recursive: true });
  const edited = join(editedDir, basename(original));
  const source = readFileSync(original, 'utf8');
  const environment = (cacheDir) => {
    const env = { ...process.env, TYPESTEP_CACHE_DIR: cacheDir };
    delete env.TYPESTEP_NO_BUILD_CACHE;
    delete env.TYPESTEP_NO_CACHE;
    return env;
  };
  const childArgs = (tool, file, name) => [here('./cold-compile.mjs'), tool, file, name];
  try {
    for (const warmUp of [warmUpPair, pair]) {
      const { failure } = runChild(childArgs('typestep', sourceFileFor('typestep', warmUp), workflowNameFor('typestep', warmUp)), 'COLD_RESULT', environment(warmCache));
      if (failure) cold.typestep = { failure };
    }
    for (let run = 0; run < options.coldRuns; run += 1) {
      // Alternate which tool goes first, so neither always meets a warmer disk cache.
      const order = run % 2 === 0 ? Object.keys(series) : Object.keys(series).reverse();
      for (const name of order) {
        if (cold[name]?.failure) continue;
        const cacheDir = name === 'typestep-first' ? join(cacheRoot, `empty-${run}`) : warmCache;
        let file = sourceFileFor(series[name], pair);
        if (name === 'typestep-edited') {
          writeFileSync(edited, `${source}\n// edit ${run}\n`);
          file = edited;
        }
        const { wallMs, result, failure } = runChild(childArgs(series[name], file, workflowNameFor(series[name], pair)), 'COLD_RESULT', environment(cacheDir));
        if (failure) {
          cold[name] = { failure };
          continue;
        }
        samples[name].push(wallMs);
        internal[name].push(result);
      }
    }
  } finally {
    rmSync(cacheRoot, { recursive: true, force: true });
    rmSync(edited, { force: true });
  }
  for (const name of Object.keys(series)) {
    if (cold[name]?.failure) continue;
    cold[name] = {
      medianMs: median(samples[name]),
      samplesMs: samples[name],
      importMs: median(internal[name].map((entry) => entry.importMs)),
      compileMs: median(internal[name].map((entry) => entry.compileMs)),
    };
  }
  return cold;
}

function throughput(usedPairs) {
  const result = { count: options.count, pairs: usedPairs.map((pair) => pair.id), rounds: options.rounds };
  for (const tool of TOOLS) {
    const dir = here(`./.generated/${tool}`);
    generateProject(tool, dir, options.count, usedPairs);
    const { result: child, failure } = runChild([here('./throughput.mjs'), tool, dir, String(options.rounds)], 'THROUGHPUT_RESULT');
    if (failure) {
      result[tool] = { failure };
      continue;
    }
    const roundMs = median(child.roundsMs);
    result[tool] = { roundMs, workflowsPerSecond: (child.files / roundMs) * 1000, roundsMs: child.roundsMs };
  }
  return result;
}

/** typestep alone (ts2asl has no watch mode): recompiles of one edited workflow in a session (watch.mjs). */
function watchRecompiles() {
  const { result, failure } = runChild([here('./watch.mjs'), '--json', '--edits', String(options.edits)], 'WATCH_RESULT');
  return failure ? { failure } : result;
}

function parseOptions(args) {
  const parsed = { coldRuns: 7, rounds: 5, count: 50, edits: 20, timing: true, json: undefined };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--cold-runs') parsed.coldRuns = Math.max(1, Number(args[++index]));
    else if (arg === '--rounds') parsed.rounds = Math.max(1, Number(args[++index]));
    else if (arg === '--count') parsed.count = Math.max(1, Number(args[++index]));
    else if (arg === '--edits') parsed.edits = Math.max(1, Number(args[++index]));
    else if (arg === '--no-timing') parsed.timing = false;
    else if (arg === '--json') parsed.json = args[++index];
    else throw new Error(`unknown option ${arg}`);
  }
  return parsed;
}
