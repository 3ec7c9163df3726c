// Runs the generated-workflow differential check (packages/compiler/test/generated/) over any seed range with a pool
// of long-lived worker processes, each compiling its programs in one ts-morph project, and ends with one line:
//   generated workflows: P of M programs agree (seeds N..N+M-1), X mismatches, C do not compile, E errors, T s, R programs/s (J jobs, load L)
// Usage: node scripts/generated-workflows.mjs --from N --count M [--jobs J] [--optional K] [--recycle R] [--timeout S] [--report FILE]
//   --optional K: the first K seeds of the range also run as programs that read absent optional fields.
//   --recycle R: a worker is replaced after R programs (default 1000), which bounds what a long run's heap holds.
//   --timeout S: a program still running after S seconds (default 300) fails as an error and its worker is replaced.
//   --report FILE: also writes the run's record (counts, rate, load, failing programs) as JSON.
// Exits non-zero when any program fails.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const workerFile = new URL('../packages/compiler/test/generated/worker.ts', import.meta.url).pathname;
const usage = 'usage: node scripts/generated-workflows.mjs --from N --count M [--jobs J] [--optional K] [--recycle R] [--timeout S] [--report FILE]';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '1' },
    count: { type: 'string', default: '100' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    optional: { type: 'string', default: '0' },
    recycle: { type: 'string', default: '1000' },
    timeout: { type: 'string', default: '300' },
    report: { type: 'string' },
  },
});
const from = Number(values.from);
const count = Number(values.count);
const jobs = Math.max(1, Number(values.jobs));
const optional = Math.min(Number(values.optional), count);
const recycle = Number(values.recycle);
const timeoutSeconds = Number(values.timeout);
if (![from, count, jobs, optional, recycle].every(Number.isInteger) || count < 1 || recycle < 1 || !(timeoutSeconds > 0)) {
  console.error(usage);
  process.exit(2);
}

// One program at a time per worker, from one queue: a worker that finishes early takes the next program.
const queue = [];
for (let seed = from; seed < from + count; seed++) {
  queue.push({ seed, options: { optional: false } });
  if (seed < from + optional) queue.push({ seed, options: { optional: true } });
}
const total = queue.length;

const started = Date.now();
const elapsed = () => (Date.now() - started) / 1000;
const tally = { agree: 0, compile: 0, mismatch: 0, error: 0 };
const failing = [];
let done = 0;

/** Records a program's outcome and prints the report of a failing one. */
function record({ name, result, report }) {
  done += 1;
  tally[result] += 1;
  if (result === 'agree') return;
  failing.push({ name, result });
  process.stdout.write(`\nFAIL program ${name} (${result})\n${report ?? ''}\n`);
}

/** One worker process: takes programs from the queue until it is empty, replacing itself as `--recycle` says. */
async function runWorker() {
  while (queue.length > 0) await runWorkerProcess();
}

/** Starts a worker process and feeds it programs until the queue is empty, it has done `recycle` of them, or it dies. */
function runWorkerProcess() {
  return new Promise((resolve) => {
    // A larger young generation: the compiler and the runtime allocate many short-lived objects per program.
    const child = fork(workerFile, [], { execArgv: ['--import', 'tsx', '--max-semi-space-size=32'], cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let current;
    let checked = 0;
    let timer;
    const next = () => {
      current = checked < recycle ? queue.shift() : undefined;
      if (!current) return child.disconnect();
      timer = setTimeout(() => {
        record({ name: nameOf(current), result: 'error', report: `still running after ${timeoutSeconds} s` });
        current = undefined;
        child.kill();
      }, timeoutSeconds * 1000);
      child.send(current);
    };
    let ready = false;
    child.on('message', (message) => {
      if (message.ready) {
        ready = true;
        return next();
      }
      clearTimeout(timer);
      checked += 1;
      current = undefined;
      record(message);
      next();
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) {
        console.error(`a worker exited (${signal ?? code}) before it was ready`);
        process.exit(2);
      }
      // A worker that died with a program in hand: that program fails, the others go on in a new worker.
      if (current) record({ name: nameOf(current), result: 'error', report: `the worker exited (${signal ?? code}) while checking it` });
      resolve();
    });
  });
}

function nameOf({ seed, options }) {
  return options.optional ? `optional-${seed}` : `${seed}`;
}

const rate = () => (done / elapsed()).toFixed(2);
const progress = setInterval(() => {
  process.stdout.write(`[${elapsed().toFixed(0)} s] ${done} of ${total} programs, ${failing.length} failing, ${rate()} programs/s\n`);
}, 15_000);
await Promise.all(Array.from({ length: Math.min(jobs, total) }, runWorker));
clearInterval(progress);

const seconds = elapsed();
const load = loadavg()[0].toFixed(2);
const failures = total - tally.agree;
if (failures > 0) console.log(`failing: ${failing.map(({ name, result }) => `${name} (${result})`).join(', ')}`);
if (values.report) {
  const record = { from, count, optional, programs: total, ...tally, seconds: Math.round(seconds), programsPerSecond: Number(rate()), jobs, loadAverage: Number(load), node: process.version, failing };
  writeFileSync(values.report, `${JSON.stringify(record, null, 2)}\n`);
}
console.log(
  `generated workflows: ${tally.agree} of ${total} programs agree (seeds ${from}..${from + count - 1}${optional ? `, ${optional} also with optional fields` : ''}), ` +
    `${tally.mismatch} mismatches, ${tally.compile} do not compile, ${tally.error} errors, ${seconds.toFixed(0)} s, ${rate()} programs/s (${jobs} jobs, load ${load})`,
);
process.exit(failures === 0 ? 0 : 1);
