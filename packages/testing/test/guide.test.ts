// The testing guide (README.md) is real: its ```ts guide/<file> blocks are the files in guide/, which
// type-check, and each test runner's example runs and passes here.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const here = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const readme = readFileSync(here('README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts (guide\/\S+)\n([\s\S]*?)^```$/gm)].map(([, file, code]) => ({ file: file!, code: code! }));

/** Runs `args` with node from the repository root; returns the exit code and everything printed. */
function node(args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, timeout: 180_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const s = suite('testing guide');

s('the README shows the guide files as they are', () => {
  assert.equal(blocks.map((block) => block.file).sort(), ['guide/expenses.ts', 'guide/jest.example.test.ts', 'guide/node-test.example.ts', 'guide/uvu.example.ts', 'guide/vitest.example.test.ts']);
  for (const block of blocks) assert.fixture(block.code, readFileSync(here(block.file), 'utf8'), block.file);
});

s('the guide files type-check', () => {
  const { status, output } = node(['node_modules/typescript/bin/tsc', '-p', 'packages/testing/guide/tsconfig.json']);
  assert.is(status, 0, output);
});

s('uvu example', () => {
  const { status, output } = node(['--import', 'tsx', 'packages/testing/guide/uvu.example.ts']);
  assert.is(status, 0, output);
  assert.match(output, /Passed:\s+5/);
});

s('node:test example', () => {
  const { status, output } = node(['--import', 'tsx', '--test', 'packages/testing/guide/node-test.example.ts']);
  assert.is(status, 0, output);
  assert.match(output, /# pass 1\n# fail 0/);
});

s('vitest example', () => {
  const { status, output } = node(['node_modules/vitest/vitest.mjs', 'run', '--root', 'packages/testing/guide', 'vitest.example']);
  assert.is(status, 0, output);
  assert.match(output, /Tests\s+1 passed \(1\)/);
});

s('jest example', () => {
  const { status, output } = node(['node_modules/jest/bin/jest.js', '--config', 'packages/testing/guide/jest.config.json', '--rootDir', 'packages/testing/guide'], {
    NODE_OPTIONS: '--experimental-vm-modules --no-warnings',
  });
  assert.is(status, 0, output);
  assert.match(output, /Tests:\s+1 passed, 1 total/);
});

s.run();
