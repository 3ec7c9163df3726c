// `--open` on `typestep run` and `typestep graph`: the page is handed to the browser `$BROWSER` names.
// Here that "browser" is a shell script that appends the path it was given to a log file.
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchFolder, typestepIn } from './support/cli-process.js';

const scratch = scratchFolder('typestep-open-');
const log = join(scratch.dir, 'opened.log');
const browser = scratch.file('browser.sh', `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\n`);
chmodSync(browser, 0o755);
const env = { BROWSER: browser };
const definition = scratch.file('hello.asl.json', { StartAt: 'Hello', States: { Hello: { Type: 'Pass', Result: { greeting: 'hi' }, End: true } } });

/** The paths the fake browser was given, once it has been given `count` (it starts detached from typestep). */
async function opened(count: number): Promise<string[]> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    if (lines.length >= count) return lines;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the browser was not started ${count} time(s): ${existsSync(log) ? readFileSync(log, 'utf8') : 'never'}`);
}

const s = suite('--open');

s('run --open: the report goes to a temporary file, which the browser is given', async () => {
  const result = typestepIn({ env }, 'run', definition, '--open');
  assert.is(result.code, 0, result.stderr);
  const page = /^report: (.+\.html)$/m.exec(result.stderr)?.[1];
  assert.ok(page, result.stderr);
  assert.match(page, /typestep-[^/]+\/hello\.asl\.html$/);
  assert.equal((await opened(1)).at(-1), page);
  assert.match(readFileSync(page, 'utf8'), /<html/);
});

s('run --report FILE --open: that file is opened, by its absolute path', async () => {
  const result = typestepIn({ env }, 'run', definition, '--report', join(scratch.dir, 'run.html'), '--open');
  assert.is(result.code, 0, result.stderr);
  assert.equal((await opened(2)).at(-1), join(scratch.dir, 'run.html'));
});

s('graph --open: an SVG by default, in a temporary file', async () => {
  const result = typestepIn({ env }, 'graph', definition, '--open');
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stdout, '');
  const svg = (await opened(3)).at(-1)!;
  assert.match(svg, /hello\.asl\.svg$/);
  assert.match(readFileSync(svg, 'utf8'), /^<svg|<svg /);
});

s('graph --open with a format that is not SVG, or to stdout: a usage error, nothing opened', async () => {
  const dot = typestepIn({ env }, 'graph', definition, '--format', 'dot', '--open');
  assert.is(dot.code, 2);
  assert.match(dot.stderr, '--open shows an SVG: leave out --format dot');
  const stdout = typestepIn({ env }, 'graph', definition, '--open', '--out', '-');
  assert.is(stdout.code, 2);
  assert.match(stdout.stderr, '--open needs a file');
  assert.is((await opened(3)).length, 3);
});

s('a browser that cannot start: the run keeps its exit code, and says so on stderr', () => {
  const result = typestepIn({ env: { BROWSER: join(scratch.dir, 'no-such-browser') } }, 'run', definition, '--open');
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stderr, /typestep run: cannot open .+\.html in a browser \(\$BROWSER is .+no-such-browser\): .*ENOENT/);
});

s.run();
