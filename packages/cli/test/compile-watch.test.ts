import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bin, typestep, workflowFolder } from './support/cli-process.js';

const s = suite('typestep compile --watch');

const helloSource = (greeting: string) => `import { lambda, workflow } from '@typestep/dsl';
const greet = lambda<{ name: string }, { text: string }>('\${GreetArn}');
export const hello = workflow('Hello', async (input: { name: string }) => {
  const { text } = await greet({ name: input.name });
  return \`${greeting} \${text}\`;
});
`;

/** Only a guard against a hang: a step that takes this long has failed (the machine is shared, so it is generous). */
const STEP_TIMEOUT_MS = 90_000;

/** `typestep compile … --watch` running in the background, with its stderr as it grows. */
function startWatch(args: string[]) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [bin, 'compile', ...args, '--watch'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  /** Waits until stderr, after `from` characters, matches `pattern`; returns the text from `from` on. */
  const waitFor = async (pattern: RegExp, from = 0): Promise<string> => {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (!pattern.test(stderr.slice(from))) {
      if (child.exitCode !== null) throw new Error(`typestep exited (${child.exitCode}) before printing ${pattern}:\n${stderr}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} on stderr after ${STEP_TIMEOUT_MS} ms:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return stderr.slice(from);
  };
  return { child, exited, waitFor, stderr: () => stderr, stdout: () => stdout };
}

s('recompiles on each save, reports an error without exiting, clears it, and stops when stdin closes', async () => {
  const scratch = workflowFolder('compile-watch');
  const source = scratch.file('hello.ts', helloSource('Hi'));
  const out = join(scratch.dir, 'build');
  const watch = startWatch([source, '--out', out]);
  try {
    await watch.waitFor(/watching 1 file/);
    assert.match(watch.stderr(), /compiled Hello in \d+ ms/);
    assert.match(readFileSync(join(out, 'Hello.asl.json'), 'utf8'), '\\"Hi \\"');
    const declarations = join(out, 'Hello.d.ts');
    const declarationsWritten = readFileSync(declarations, 'utf8');
    rmSync(declarations);

    // An editor's save: a new file renamed over the old one.
    let mark = watch.stderr().length;
    writeFileSync(join(scratch.dir, 'hello.ts.tmp'), helloSource('Howdy'));
    renameSync(join(scratch.dir, 'hello.ts.tmp'), source);
    await watch.waitFor(/compiled Hello in \d+ ms\n/, mark);
    assert.match(readFileSync(join(out, 'Hello.asl.json'), 'utf8'), '\\"Howdy \\"');
    assert.is(readFileSync(declarations, 'utf8'), declarationsWritten, 'a missing output is written again');

    mark = watch.stderr().length;
    writeFileSync(source, helloSource('Hi').replace('input.name })', 'input.nam })'));
    const broken = await watch.waitFor(/1 problem in .*hello\.ts \(its outputs left as they were\) in \d+ ms\n/, mark);
    assert.match(broken, 'error type_error');
    assert.match(broken, '^^^');
    assert.match(readFileSync(join(out, 'Hello.asl.json'), 'utf8'), '\\"Howdy \\"', 'the last good outputs stay');

    mark = watch.stderr().length;
    writeFileSync(source, helloSource('Hello'));
    const fixed = await watch.waitFor(/compiled Hello in \d+ ms\n/, mark);
    assert.not.match(fixed, 'problem');
    assert.match(readFileSync(join(out, 'Hello.asl.json'), 'utf8'), '\\"Hello \\"');

    watch.child.stdin.end();
    assert.is(await watch.exited, 0);
    assert.match(watch.stderr(), 'stopped watching');
  } finally {
    watch.child.kill('SIGKILL');
  }
});

s('with a ** glob, --tsconfig and --json: a new file in a new directory is compiled; a removed one takes its outputs with it; SIGTERM stops it', async () => {
  const scratch = workflowFolder('compile-watch-glob');
  scratch.file('hello.workflow.ts', helloSource('Hi'));
  const tsconfig = scratch.file('tsconfig.json', { compilerOptions: { strict: true, target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true } });
  const out = join(scratch.dir, 'build');
  const watch = startWatch([join(scratch.dir, '**/*.workflow.ts'), '--out', out, '--emit', 'sam', '--tsconfig', tsconfig, '--json']);
  try {
    await watch.waitFor(/watching/);
    let mark = watch.stderr().length;
    // A new directory, and a file in it written at once: found by walking the directory.
    mkdirSync(join(scratch.dir, 'more'));
    const added = scratch.file('more/bye.workflow.ts', helloSource('Bye').replace("'Hello'", "'Bye'"));
    await watch.waitFor(/compiled Bye in \d+ ms\n/, mark);
    assert.ok(existsSync(join(out, 'Bye.sam.json')));

    mark = watch.stderr().length;
    rmSync(added);
    const removed = await watch.waitFor(/removed Bye .*in \d+ ms\n/, mark);
    assert.match(removed, 'Bye.asl.json');
    assert.not.ok(existsSync(join(out, 'Bye.asl.json')));
    assert.not.ok(existsSync(join(out, 'Bye.sam.json')));
    assert.ok(existsSync(join(out, 'Hello.asl.json')));

    watch.child.kill('SIGTERM');
    assert.is(await watch.exited, 0);
    // --json: one array of diagnostics per recompile on stdout (the first compile, the added file, the removed one).
    const reports = watch.stdout().trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(reports, [[], [], []]);
  } finally {
    watch.child.kill('SIGKILL');
  }
});

s('--watch with --out - is a usage error', () => {
  const scratch = workflowFolder('compile-watch-usage');
  const source = scratch.file('hello.ts', helloSource('Hi'));
  const { code, stderr } = typestep('compile', source, '--out', '-', '--watch');
  assert.is(code, 2);
  assert.match(stderr, '--watch writes files');
});

s.run();
