// Runs the generated-workflows differential test (packages/compiler/test/generated-workflows.test.ts) over any seed
// range, split into chunks run by a pool of child processes, and ends with one line:
//   generated workflows: P of M programs agree (seeds N..N+M-1), F mismatches, T s
// Usage: node scripts/generated-workflows.mjs --from N --count M [--jobs J] [--optional K] [--chunk C]
//   --optional K: the first K seeds of the range also run as programs that read absent optional fields.
//   --chunk C: seeds per child process (default: the range split evenly over the jobs, at most 250).
// Exits non-zero on any mismatch (a program that does not compile, or whose compiled run differs from the native one).
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const testFile = 'packages/compiler/test/generated-workflows.test.ts';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '1' },
    count: { type: 'string', default: '100' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    optional: { type: 'string', default: '0' },
    chunk: { type: 'string' },
  },
});
const from = Number(values.from);
const count = Number(values.count);
const jobs = Math.max(1, Number(values.jobs));
const optional = Math.min(Number(values.optional), count);
if (![from, count, jobs, optional].every(Number.isInteger) || count < 1) {
  console.error('usage: node scripts/generated-workflows.mjs --from N --count M [--jobs J] [--optional K] [--chunk C]');
  process.exit(2);
}
// Chunks rather than one range per job: a job that finishes early takes the next chunk, and a crashed child loses little.
const chunkSize = Number(values.chunk ?? Math.min(250, Math.ceil(count / jobs)));
const total = count + optional;

const chunks = [];
for (let first = from; first < from + count; first += chunkSize) {
  const size = Math.min(chunkSize, from + count - first);
  chunks.push({ first, size, optional: Math.max(0, Math.min(size, from + optional - first)) });
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
let done = 0;
let passed = 0;
const failing = [];

/** Runs one chunk in a child process; resolves when it ends, having counted its programs and printed its failures. */
function runChunk({ first, size, optional }) {
  return new Promise((resolve) => {
    const env = { ...process.env, GENERATED_FROM: String(first), GENERATED_WORKFLOWS: String(size), GENERATED_OPTIONAL: String(optional), NO_COLOR: '1' };
    const child = spawn(process.execPath, ['--import', 'tsx', testFile], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    let finished = 0;
    const collect = (chunk) => {
      const plain = String(chunk).replace(/\x1b\[[0-9;]*m/g, '');
      text += plain;
      // uvu writes `• ` per passing test and `✘ ` per failing one as it goes.
      const marks = (plain.match(/[•✘]/g) ?? []).length;
      finished += marks;
      done += marks;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('close', (code) => {
      const ok = Number(/Passed:\s+(\d+)/.exec(text)?.[1] ?? 0);
      passed += ok;
      const names = [...text.matchAll(/FAIL\s+generated workflows\s+"program ([^"]+)"/g)].map((match) => match[1]);
      failing.push(...names);
      // A child that died (or reported fewer programs than it ran): its remaining programs count as failing.
      const expected = size + optional;
      if (names.length + ok < expected) failing.push(`${first}..${first + size - 1} (child exited ${code} after ${finished} of ${expected} programs)`);
      done += expected - finished;
      if (names.length > 0 || code !== 0) {
        const report = text.indexOf('FAIL');
        process.stdout.write(`\n${report >= 0 ? text.slice(report) : text}\n`);
      }
      resolve();
    });
  });
}

const progress = setInterval(() => {
  process.stdout.write(`[${seconds()} s] ${done} of ${total} programs, ${failing.length} failing, ${(done / ((Date.now() - started) / 1000)).toFixed(2)} programs/s\n`);
}, 15_000);

const queue = [...chunks];
await Promise.all(
  Array.from({ length: Math.min(jobs, chunks.length) }, async () => {
    for (let chunk = queue.shift(); chunk; chunk = queue.shift()) await runChunk(chunk);
  }),
);
clearInterval(progress);

const mismatches = total - passed;
if (failing.length > 0) console.log(`failing: ${failing.join(', ')}`);
console.log(`generated workflows: ${passed} of ${total} programs agree (seeds ${from}..${from + count - 1}${optional ? `, ${optional} also with optional fields` : ''}), ${mismatches} mismatches, ${seconds()} s`);
process.exit(mismatches === 0 ? 0 : 1);
