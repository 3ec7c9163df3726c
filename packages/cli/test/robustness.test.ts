import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bin, scratchFolder, typestep, workflowFolder } from './support/cli-process.js';

/** Node's stack-trace lines: the CLI must never print one. */
const STACK_LINE = /^\s+at /m;

/** Asserts one line on stderr, no stack, and the exit code. */
function assertOneLine(result: ReturnType<typeof typestep>, code: number, text: string | RegExp) {
  assert.is(result.code, code, result.stderr);
  assert.not.match(result.stderr, STACK_LINE);
  assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, text);
}

const { dir, file } = scratchFolder('typestep-robust-');
const invoke = (extra: object = {}) =>
  file(`task-${Object.keys(extra).join('-')}.json`, {
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...extra } },
  });

const run = suite('typestep run: no hang, no lost result, no stack');

run('a handler that never answers times out at TimeoutSeconds on the virtual clock (was: exit 13, nothing printed)', () => {
  const handlers = file('never.mjs', 'export default { T: () => new Promise(() => {}) };');
  const result = typestep('run', invoke({ TimeoutSeconds: 30 }), '--handlers', handlers, '--json');
  assert.is(result.code, 1, result.stderr);
  assert.equal(JSON.parse(result.stdout), { status: 'FAILED', error: 'States.Timeout', cause: null });
});

run('a late rejection in handler code is a warning; the exit code stays that of the result', () => {
  const handlers = file(
    'late.mjs',
    "export default { T: () => { setTimeout(() => Promise.reject(new Error('late')), 10); Promise.reject(new Error('early')); return { ok: 1 }; } };",
  );
  const result = typestep('run', invoke(), '--handlers', handlers, '--json');
  assert.is(result.code, 0, result.stderr);
  assert.is(JSON.parse(result.stdout).status, 'SUCCEEDED');
  assert.match(result.stderr, 'ignored: Error: early');
  assert.not.match(result.stderr, STACK_LINE);
});

run('an input nested 5,000 levels fails as States.DataLimitExceeded, with a result printed', () => {
  const deep = file('deep.json', `${'{"a":'.repeat(5000)}{}${'}'.repeat(5000)}`);
  const pass = file('pass.json', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  for (const format of [['--json'], ['--history']]) {
    const result = typestep('run', pass, '--input-file', deep, ...format);
    assert.is(result.code, 1, result.stderr);
    assert.match(result.stdout, 'States.DataLimitExceeded');
    assert.not.match(result.stderr, STACK_LINE);
  }
});

run('unreadable files are one clear line each', () => {
  const folder = join(dir, 'a-folder');
  mkdirSync(folder, { recursive: true });
  assertOneLine(typestep('run', invoke(), '--input-file', folder), 2, `cannot read input file ${folder}: it is a directory`);
  assertOneLine(typestep('run', invoke(), '--schema', folder), 2, `cannot read the schema ${folder}: it is a directory`);
  assertOneLine(typestep('run', invoke(), '--task-tokens', folder), 2, `cannot append to the --task-tokens file ${folder}: EISDIR`);
  assertOneLine(typestep('run', folder), 2, `cannot read ${folder}: it is a directory`);
});

run.run();

const compile = suite('typestep compile: file-system and tsconfig errors');

const source = (name: string) => `import { lambda, workflow } from '@typestep/dsl';
const greet = lambda<{ name: string }, { text: string }>('\${GreetArn}');
export const hello = workflow(${JSON.stringify(name)}, async (input: { name: string }) => (await greet({ name: input.name })).text);
`;

compile('--out naming a file, or an output path that is a directory, is one line (was a node:fs stack)', () => {
  const scratch = workflowFolder('compile-out-');
  const hello = scratch.file('hello.ts', source('Hello'));
  const aFile = scratch.file('not-a-folder', 'x');
  assertOneLine(typestep('compile', hello, '--out', aFile), 2, `cannot create the output directory ${aFile}: EEXIST`);
  const out = join(scratch.dir, 'out');
  mkdirSync(join(out, 'Hello.asl.json'), { recursive: true });
  assertOneLine(typestep('compile', hello, '--out', out), 2, `cannot write ${join(out, 'Hello.asl.json')}: it is a directory`);
});

compile('a workflow name that cannot be a file name (NUL, a separator) is one line', () => {
  const scratch = workflowFolder('compile-name-');
  const out = join(scratch.dir, 'out');
  assertOneLine(typestep('compile', scratch.file('nul.ts', source('Hel\u0000lo')), '--out', out), 2, 'the workflow name "Hel\\u0000lo" cannot name its output files: it holds a control character');
  assertOneLine(typestep('compile', scratch.file('slash.ts', source('a/b')), '--out', out), 2, 'it holds a path separator');
});

compile('a --tsconfig that does not parse is named, with line and column', () => {
  const scratch = workflowFolder('compile-tsconfig-');
  const hello = scratch.file('hello.ts', source('Hello'));
  const tsconfig = scratch.file('tsconfig.json', '{ "compilerOptions": { "strict": true, }\n  nope');
  assertOneLine(typestep('compile', hello, '--out', join(scratch.dir, 'out'), '--tsconfig', tsconfig), 2, `cannot use the tsconfig ${tsconfig}:2:3: ',' expected.`);
  const absent = join(scratch.dir, 'absent.json');
  assertOneLine(typestep('compile', hello, '--out', join(scratch.dir, 'out'), '--tsconfig', absent), 2, `cannot use the tsconfig ${absent}`);
});

compile.run();

const pipe = suite('typestep run: a reader that stops early');

pipe('stdout closed after the first line (`| head -1`): a quiet exit, no warning blamed on handler code', async () => {
  const definition = new URL('../../../examples/hand-written-asl/order-fulfilment.asl.json', import.meta.url).pathname;
  const examples = new URL('../../../examples/hand-written-asl/', import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, 'run', definition, '--input-file', join(examples, 'input.json'), '--handlers', join(examples, 'handlers.mjs'), '--history'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.is(code, 0, stderr);
  assert.is(stderr, '');
});

pipe.run();

const flush = suite('typestep: output larger than a pipe holds');

flush('a slow reader still gets the whole history (nothing lost when the command ends)', async () => {
  // 150 Pass states, each passing on a 1 KB text: the history is far larger than a pipe's buffer (64 KB).
  const states: Record<string, unknown> = {};
  for (let index = 0; index < 150; index += 1) {
    states[`Step ${index}`] = { Type: 'Pass', Parameters: { 'text.$': '$.text', step: index }, ...(index === 149 ? { End: true } : { Next: `Step ${index + 1}` }) };
  }
  const scratch = scratchFolder('typestep-flush-');
  const definition = scratch.file('long.asl.json', { StartAt: 'Step 0', States: states });
  const child = spawn(process.execPath, [bin, 'run', definition, '--input', JSON.stringify({ text: 'x'.repeat(1024) }), '--history'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // Read nothing for a while, so the command's writes wait on a full pipe when it finishes.
  child.stdout.pause();
  setTimeout(() => child.stdout.on('data', (chunk) => (stdout += chunk)).resume(), 300);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.is(code, 0, stderr);
  assert.ok(stdout.length > 256 * 1024, `${stdout.length} characters`);
  // One JSON line per history event, then the status, the output and a last line that counts the events.
  const events = stdout.split('\n').filter((line) => line.startsWith('{"id"')).map((line) => JSON.parse(line) as { type: string });
  assert.is(events.filter((event) => event.type === 'PassStateExited').length, 150);
  assert.is(events.at(-1)?.type, 'ExecutionSucceeded');
  assert.match(stdout.trimEnd().split('\n').at(-1)!, /^\(302 history events/);
});

flush.run();
