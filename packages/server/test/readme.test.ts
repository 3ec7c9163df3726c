import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const s = suite('typestep serve: the README');

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

s('the SDK quick start runs and prints what it says', async () => {
  const block = /## Quick start with the SDK\n\n```ts\n([\s\S]*?)\n```/.exec(readme)?.[1];
  assert.ok(block, 'the README has an SDK quick start block');
  // Written beside the package so that its imports resolve as in a project; removed after.
  const file = fileURLToPath(new URL('../readme-quick-start.tmp.mts', import.meta.url));
  const printed: unknown[] = [];
  const log = console.log;
  writeFileSync(file, block!);
  try {
    console.log = (...values: unknown[]) => void printed.push(...values);
    await import(pathToFileURL(file).href);
  } finally {
    console.log = log;
    rmSync(file, { force: true });
  }
  assert.equal(printed, ['{"greeting":"Hello, Ada!"}']);
});

s.run();
