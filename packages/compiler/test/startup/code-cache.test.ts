import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CodeCache, requireWithCodeCache, saveCodeCache } from '../../src/startup/index.js';

const s = suite('code cache');
const require = createRequire(import.meta.url);

/** A fresh folder holding `lib.js` (a CommonJS module) and an empty `cache/`. */
function sandbox(source = "module.exports = { value: 'one', add: (a, b) => a + b };\n") {
  const root = mkdtempSync(join(tmpdir(), 'typestep-code-cache-'));
  const file = join(root, 'lib.js');
  writeFileSync(file, source);
  return { root, file, cacheDir: join(root, 'cache') };
}

/** Loads `file` as a new process would: not from this process's `require.cache`. */
function freshLoad(file: string, cache: CodeCache | undefined): { value: string; add(a: number, b: number): number } {
  delete require.cache[file];
  return requireWithCodeCache(file, cache) as ReturnType<typeof freshLoad>;
}

/** Rewrites each cache file with bytes that are not V8's. */
function corruptEvery(folder: string, damage: (data: Buffer) => Buffer): void {
  for (const name of readdirSync(folder)) writeFileSync(join(folder, name), damage(readFileSync(join(folder, name))));
}

s('a module loads, its code is stored after the work, and the next load reads it back', () => {
  const { file, cacheDir } = sandbox();
  const cache = new CodeCache([cacheDir]);
  const first = freshLoad(file, cache);
  assert.is(first.value, 'one');
  assert.is(first.add(2, 3), 5);
  assert.is(cache.read(file, statSync(file)), undefined, 'nothing is written before saveCodeCache()');
  saveCodeCache();
  assert.is(readdirSync(cacheDir).length, 1);
  assert.ok(cache.read(file, statSync(file)), 'the stored code is found for the unchanged file');
  assert.is(freshLoad(file, cache).add(4, 5), 9);
});

s('an already loaded module is returned as it is', () => {
  const { file, cacheDir } = sandbox();
  const cache = new CodeCache([cacheDir]);
  const first = freshLoad(file, cache);
  assert.is(requireWithCodeCache(file, cache), first);
  assert.is(require(file), first, 'require() sees the same module');
});

s('a corrupt or truncated cache file is ignored: the module still loads, and the next save repairs it', () => {
  const { file, cacheDir } = sandbox();
  const cache = new CodeCache([cacheDir]);
  freshLoad(file, cache);
  saveCodeCache();
  for (const damage of [(data: Buffer) => Buffer.from(data.map((byte, i) => (i > 40 ? byte ^ 0xff : byte))), (data: Buffer) => data.subarray(0, 20), () => Buffer.alloc(0)]) {
    corruptEvery(cacheDir, damage);
    assert.is(cache.read(file, statSync(file)), undefined, 'damaged data is never handed to V8');
    assert.is(freshLoad(file, cache).value, 'one');
    saveCodeCache();
    assert.ok(cache.read(file, statSync(file)), 'rewritten after the load');
  }
});

s('an unwritable cache folder only means no cache', () => {
  const { root, file } = sandbox();
  writeFileSync(join(root, 'not-a-folder'), '');
  const cache = new CodeCache([join(root, 'not-a-folder', 'cache')]);
  assert.is(freshLoad(file, cache).value, 'one');
  saveCodeCache();
  assert.is(cache.write(file, statSync(file), Buffer.from('code')), false);
  assert.is(cache.read(file, statSync(file)), undefined);
});

s('the next folder is used when the first is unwritable', () => {
  const { root, file, cacheDir } = sandbox();
  writeFileSync(join(root, 'not-a-folder'), '');
  const cache = new CodeCache([join(root, 'not-a-folder', 'cache'), cacheDir]);
  assert.ok(cache.write(file, statSync(file), Buffer.from('code')));
  assert.equal(cache.read(file, statSync(file)), Buffer.from('code'));
});

s('a changed source never gets the old code, even at the same length; the old cache file is replaced', () => {
  const { file, cacheDir } = sandbox();
  const cache = new CodeCache([cacheDir]);
  freshLoad(file, cache);
  saveCodeCache();
  const before = readdirSync(cacheDir);
  writeFileSync(file, "module.exports = { value: 'two', add: (a, b) => a - b };\n"); // same length as the first source
  const later = new Date(statSync(file).mtimeMs + 5000);
  utimesSync(file, later, later);
  assert.is(cache.read(file, statSync(file)), undefined);
  const second = freshLoad(file, cache);
  assert.is(second.value, 'two');
  assert.is(second.add(4, 5), -1);
  saveCodeCache();
  const after = readdirSync(cacheDir);
  assert.is(after.length, 1, 'one cache file per source path');
  assert.is.not(after[0], before[0]);
});

s('TYPESTEP_NO_CACHE turns the cache off; TYPESTEP_CACHE_DIR chooses its folder; else node_modules/.cache, then XDG', () => {
  const anchor = '/app/node_modules/ts-morph/dist/ts-morph.js';
  assert.is(CodeCache.fromEnvironment(anchor, { TYPESTEP_NO_CACHE: '1' }), undefined);
  assert.ok(CodeCache.fromEnvironment(anchor, { TYPESTEP_NO_CACHE: '0' }));
  assert.equal(CodeCache.fromEnvironment(anchor, { TYPESTEP_CACHE_DIR: '/tmp/c' })?.folders, ['/tmp/c']);
  assert.equal(CodeCache.fromEnvironment(anchor, { XDG_CACHE_HOME: '/x' })?.folders, ['/app/node_modules/.cache/typestep', '/x/typestep']);
  assert.equal(CodeCache.fromEnvironment('/app/lib.js', { XDG_CACHE_HOME: '/x' })?.folders, ['/x/typestep']);
});

/**
 * Compiles the bench's first workflow in a new process (the cache serves new processes) with
 * `TYPESTEP_CACHE_DIR=cacheDir`; returns the workflow's text.
 */
function compileInNewProcess(cacheDir: string): string {
  const index = new URL('../../src/index.ts', import.meta.url).href;
  const file = new URL('../fixtures/task-lambda/input.ts', import.meta.url).pathname;
  const script = `const { compile } = await import(${JSON.stringify(index)}); const r = await compile({ files: [${JSON.stringify(file)}] }); process.stdout.write(r.workflows[0].text);`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, TYPESTEP_CACHE_DIR: cacheDir, TYPESTEP_NO_CACHE: '' },
    encoding: 'utf8',
  });
}

s('compile() in a new process: fills an empty cache, then compiles the same with a corrupt one and with an unwritable folder', () => {
  const { root, cacheDir } = sandbox();
  const first = compileInNewProcess(cacheDir);
  assert.ok(first.includes('"StartAt"'));
  const stored = readdirSync(cacheDir);
  assert.ok(stored.some((name) => name.startsWith('typescript.js-')), `TypeScript's code is stored: ${stored.join(', ')}`);
  assert.is(compileInNewProcess(cacheDir), first, 'with the cache');
  corruptEvery(cacheDir, (data) => Buffer.from(data.map((byte, i) => (i % 1000 === 999 ? byte ^ 0x55 : byte))));
  assert.is(compileInNewProcess(cacheDir), first, 'with a corrupt cache');
  writeFileSync(join(root, 'file'), '');
  assert.is(compileInNewProcess(join(root, 'file', 'cache')), first, 'with an unwritable cache folder');
});

s.run();
