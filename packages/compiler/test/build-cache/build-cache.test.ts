import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { compile, generateDeclarations, type CompileOptions, type CompileResult } from '../../src/index.js';
import { BuildCache, memoizedText } from '../../src/build-cache/index.js';

const s = suite('build cache');

/** A temporary folder whose files can import '@typestep/dsl', and its own cache folder. */
function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'typestep-build-cache-'));
  mkdirSync(join(dir, 'node_modules', '@typestep'), { recursive: true });
  symlinkSync(fileURLToPath(new URL('../../../dsl', import.meta.url)), join(dir, 'node_modules', '@typestep', 'dsl'));
  const cacheDir = join(dir, 'cache');
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  return { dir, cacheDir, write };
}

const tasks = `import { lambda } from '@typestep/dsl';
export const greet = lambda<{ name: string }, { text: string }>('arn:aws:lambda:us-east-1:123456789012:function:greet');
`;

const hello = (greeting: string, from = './tasks.js') => `import { workflow } from '@typestep/dsl';
import { greet } from '${from}';
export const hello = workflow('Hello', async (input: { name: string }) => {
  const { text } = await greet({ name: input.name });
  return \`${greeting} \${text}\`;
});
`;

/** Runs `work` with the build cache on, in `cacheDir` (the test runner turns it off for every other test). */
async function withCache<T>(cacheDir: string, work: () => Promise<T>): Promise<T> {
  const saved = { dir: process.env.TYPESTEP_CACHE_DIR, off: process.env.TYPESTEP_NO_BUILD_CACHE, none: process.env.TYPESTEP_NO_CACHE };
  process.env.TYPESTEP_CACHE_DIR = cacheDir;
  delete process.env.TYPESTEP_NO_BUILD_CACHE;
  delete process.env.TYPESTEP_NO_CACHE;
  try {
    return await work();
  } finally {
    for (const [name, value] of [['TYPESTEP_CACHE_DIR', saved.dir], ['TYPESTEP_NO_BUILD_CACHE', saved.off], ['TYPESTEP_NO_CACHE', saved.none]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The cache's one result file in `cacheDir`. */
function entryFile(cacheDir: string): string {
  const names = readdirSync(cacheDir).filter((name) => name.startsWith('build-'));
  assert.is(names.length, 1, `one result in ${cacheDir}: ${names.join(', ')}`);
  return join(cacheDir, names[0]!);
}

/**
 * Rewrites the stored result so that its workflow's text is `marker` (with a
 * valid digest): a compile that returns `marker` read the cache, one that
 * does not compiled again.
 */
function markEntry(cacheDir: string, marker: string): void {
  const file = entryFile(cacheDir);
  const text = readFileSync(file, 'utf8');
  const entry = JSON.parse(text.slice(text.indexOf('\n') + 1));
  entry.workflows[0].text = marker;
  const json = JSON.stringify(entry);
  writeFileSync(file, `${createHash('sha256').update(json).digest('hex')}\n${json}`);
}

/** What a result says, as plain data: workflows and diagnostics as `--json` and people see them. */
function plain(result: CompileResult) {
  return { workflows: result.workflows, diagnostics: result.diagnostics.map((d) => ({ json: d.toJSON(), text: d.toString() })) };
}

s('a compile with nothing changed returns the last result, equal to a compile without the cache', async () => {
  const { cacheDir, write } = sandbox();
  write('tasks.ts', tasks);
  const file = write('hello.ts', hello('Hello'));
  const warned = write('second.ts', hello('Hi').replace("'Hello'", "'Second'"));
  const uncached = await compile({ files: [file, warned] });
  const first = await withCache(cacheDir, () => compile({ files: [file, warned] }));
  const second = await withCache(cacheDir, () => compile({ files: [file, warned] }));
  assert.equal(plain(first), plain(uncached));
  assert.equal(plain(second), plain(uncached));
  assert.is(second.workflows[0]!.text, uncached.workflows[0]!.text);
  markEntry(cacheDir, 'from the cache');
  const third = await withCache(cacheDir, () => compile({ files: [file, warned] }));
  assert.is(third.workflows[0]!.text, 'from the cache', 'the third compile read the stored result');
});

s('diagnostics come back from the cache as CompileDiagnostic, with their code frames and fixes', async () => {
  const { cacheDir, write } = sandbox();
  write('tasks.ts', tasks);
  // An async helper's promise not awaited where it is called: a diagnostic whose fix inserts `await`.
  const file = write('bad.ts', `import { workflow } from '@typestep/dsl';
import { greet } from './tasks.js';
async function twice(name: string): Promise<string> {
  const { text } = await greet({ name });
  return text + text;
}
export const bad = workflow('Bad', async (input: { name: string }) => {
  const pending = twice(input.name);
  return await pending;
});
`);
  const first = await withCache(cacheDir, () => compile({ files: [file] }));
  const second = await withCache(cacheDir, () => compile({ files: [file] }));
  assert.ok(first.diagnostics.length > 0, 'the file has a problem');
  assert.ok(first.diagnostics.some((d) => d.fix), 'one with a fix');
  assert.equal(plain(second), plain(first));
  assert.is(String(second.diagnostics[0]), String(first.diagnostics[0]));
});

s('a change to the workflow, to a file it imports, or a new file an import looked for makes it compile again', async () => {
  const { cacheDir, write } = sandbox();
  write('tasks.ts', tasks);
  const file = write('hello.ts', hello('Hello'));
  const options: CompileOptions = { files: [file] };
  await withCache(cacheDir, () => compile(options));

  markEntry(cacheDir, 'stale');
  write('hello.ts', hello('Howdy'));
  const edited = await withCache(cacheDir, () => compile(options));
  assert.ok(edited.workflows[0]!.text.includes('Howdy'), 'the edit is compiled');

  markEntry(cacheDir, 'stale');
  write('tasks.ts', tasks.replace('function:greet', 'function:welcome'));
  const imported = await withCache(cacheDir, () => compile(options));
  assert.ok(imported.workflows[0]!.text.includes('function:welcome'), 'the imported file is compiled again');

  // An import of a file that does not exist is a diagnostic; writing that file makes the import resolve.
  write('hello.ts', hello('Hello', './later.js'));
  const missing = await withCache(cacheDir, () => compile(options));
  assert.is(missing.workflows.length, 0);
  assert.ok(missing.diagnostics.length > 0, 'the missing import is reported');
  write('later.ts', tasks);
  const found = await withCache(cacheDir, () => compile(options));
  assert.is(found.diagnostics.length, 0, found.diagnostics.map(String).join('\n'));
  assert.is(found.workflows.length, 1);
});

s('a change to the tsconfig makes it compile again', async () => {
  const { cacheDir, write } = sandbox();
  write('tasks.ts', tasks);
  const file = write('hello.ts', hello('Hello').replace('const { text }', 'const unused = 1;\n  const { text }'));
  const config = (noUnusedLocals: boolean) => JSON.stringify({ compilerOptions: { strict: true, noUnusedLocals, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', noEmit: true } });
  const tsconfig = write('tsconfig.json', config(false));
  const loose = await withCache(cacheDir, () => compile({ files: [file], tsconfig }));
  assert.is(loose.workflows.length, 1, loose.diagnostics.map(String).join('\n'));
  write('tsconfig.json', config(true));
  const strict = await withCache(cacheDir, () => compile({ files: [file], tsconfig }));
  assert.is(strict.workflows.length, 0, 'the unused local is an error under noUnusedLocals');
  assert.match(strict.diagnostics.map(String).join('\n'), /unused/);
});

s('another compiler build, other options, and a damaged file are never given the stored result', async () => {
  const { cacheDir, write } = sandbox();
  write('tasks.ts', tasks);
  const file = write('hello.ts', hello('Hello'));
  const env = { TYPESTEP_CACHE_DIR: cacheDir };
  await withCache(cacheDir, () => compile({ files: [file] }));
  assert.ok(BuildCache.forCompile({ files: [file] }, undefined, env)?.read(), 'this build reads it');
  assert.is(BuildCache.forCompile({ files: [file] }, () => 'another build', env)?.read(), undefined);
  assert.is(BuildCache.forCompile({ files: [file], strictSchema: true }, undefined, env)?.read(), undefined);

  const stored = entryFile(cacheDir);
  writeFileSync(stored, readFileSync(stored, 'utf8').replace('Hello', 'Jello'));
  assert.is(BuildCache.forCompile({ files: [file] }, undefined, env)?.read(), undefined, 'a file whose digest does not match is not read');
  const again = await withCache(cacheDir, () => compile({ files: [file] }));
  assert.ok(again.workflows[0]!.text.includes('Hello'));
  assert.ok(BuildCache.forCompile({ files: [file] }, undefined, env)?.read(), 'the compile wrote it again');
});

s('globs, projects and the switches in the environment are not cached', () => {
  const env = { TYPESTEP_CACHE_DIR: '/tmp/unused' };
  assert.ok(BuildCache.forCompile({ files: ['src/a.ts'] }, undefined, env));
  assert.is(BuildCache.forCompile({ files: ['src/*.ts'] }, undefined, env), undefined);
  assert.is(BuildCache.forCompile({ files: ['src/{a,b}.ts'] }, undefined, env), undefined);
  assert.is(BuildCache.forCompile({}, undefined, env), undefined);
  assert.is(BuildCache.forCompile({ files: ['src/a.ts'] }, undefined, { ...env, TYPESTEP_NO_BUILD_CACHE: '1' }), undefined);
  assert.is(BuildCache.forCompile({ files: ['src/a.ts'] }, undefined, { ...env, TYPESTEP_NO_CACHE: '1' }), undefined);
  assert.ok(BuildCache.forCompile({ files: ['src/a.ts'] }, undefined, { ...env, TYPESTEP_NO_BUILD_CACHE: '0' }));
});

s('a folder keeps at most 256 results, the most recent', () => {
  const { cacheDir } = sandbox();
  const env = { TYPESTEP_CACHE_DIR: cacheDir };
  const inputs = { files: {}, absent: [], folders: {} };
  for (let i = 0; i < 257; i++) BuildCache.forCompile({ files: [`/nowhere/w${i}.ts`] }, () => 'build', env)!.write({ workflows: [], diagnostics: [] }, inputs);
  assert.is(readdirSync(cacheDir).filter((name) => name.startsWith('build-')).length, 192);
  assert.ok(BuildCache.forCompile({ files: ['/nowhere/w256.ts'] }, () => 'build', env)!.read(), 'the newest stays');
});

s('a compile the cache answers loads no TypeScript (a new process, from the built package)', () => {
  const { dir, cacheDir, write } = sandbox();
  write('tasks.ts', tasks);
  const file = write('hello.ts', hello('Hello'));
  const compiler = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
  const script = `
    const { createRequire } = await import('node:module');
    const { compile } = await import(${JSON.stringify(compiler)});
    const result = await compile({ files: [${JSON.stringify(file)}] });
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => /typescript\\.js$/.test(path));
    process.stdout.write(JSON.stringify({ workflows: result.workflows.map((w) => w.name), typescript: loaded.length > 0 }));`;
  const env = { ...process.env, TYPESTEP_CACHE_DIR: cacheDir, TYPESTEP_NO_BUILD_CACHE: '' };
  const run = () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, env, encoding: 'utf8' }));
  assert.equal(run(), { workflows: ['Hello'], typescript: true });
  assert.equal(run(), { workflows: ['Hello'], typescript: false });
  write('hello.ts', hello('Howdy'));
  assert.equal(run(), { workflows: ['Hello'], typescript: true });
});

s('declarations are generated once per schema: a second call reads them back; another schema is generated', async () => {
  const { cacheDir } = sandbox();
  const document = { title: 'Greet', input: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }, output: { type: 'string' } };
  const plainText = await generateDeclarations(document, { source: 'Greet.schema.json' });
  const first = await withCache(cacheDir, () => generateDeclarations(document, { source: 'Greet.schema.json' }));
  assert.is(first, plainText);
  const [stored] = readdirSync(cacheDir).filter((name) => name.startsWith('declarations-'));
  assert.ok(stored, 'the text is kept');
  writeFileSync(join(cacheDir, stored!), `${createHash('sha256').update('// kept\n').digest('hex')}\n// kept\n`);
  assert.is(await withCache(cacheDir, () => generateDeclarations(document, { source: 'Greet.schema.json' })), '// kept\n', 'the second call read it');
  const other = await withCache(cacheDir, () => generateDeclarations({ ...document, output: { type: 'number' } }, { source: 'Greet.schema.json' }));
  assert.match(other, /GreetOutput/);
  assert.not.match(other, /^\/\/ kept/);
  let made = 0;
  const make = async () => `made ${++made}`;
  assert.is(await memoizedText('test', { a: 1 }, make, { TYPESTEP_CACHE_DIR: cacheDir, TYPESTEP_NO_BUILD_CACHE: '1' }), 'made 1', 'off: always made');
  assert.is(await memoizedText('test', { a: 1 }, make, { TYPESTEP_CACHE_DIR: cacheDir, TYPESTEP_NO_BUILD_CACHE: '1' }), 'made 2');
  assert.is(await memoizedText('test', { a: 1 }, make, { TYPESTEP_CACHE_DIR: cacheDir }), 'made 3');
  assert.is(await memoizedText('test', { a: 1 }, make, { TYPESTEP_CACHE_DIR: cacheDir }), 'made 3', 'on: read back');
});

s.run();
