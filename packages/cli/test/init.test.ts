import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchFolder, typestep } from './support/cli-process.js';

const workspace = fileURLToPath(new URL('../../../', import.meta.url));
const cliVersion = (JSON.parse(readFileSync(join(workspace, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;

/**
 * What `npm install` would give the new project, from this workspace: the
 * typestep packages, and the tools its scripts call (the packages are not
 * published, and tests must not reach the registry).
 */
function linkWorkspace(project: string): void {
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, '@typestep'), { recursive: true });
  mkdirSync(join(modules, '@types'), { recursive: true });
  mkdirSync(join(modules, '.bin'), { recursive: true });
  for (const name of ['dsl', 'runtime', 'compiler', 'cli', 'testing']) symlinkSync(join(workspace, 'packages', name), join(modules, '@typestep', name));
  for (const name of ['tsx', 'typescript', '@types/node']) symlinkSync(join(workspace, 'node_modules', name), join(modules, name));
  symlinkSync(join(workspace, 'packages/cli/bin/typestep.js'), join(modules, '.bin', 'typestep'));
  symlinkSync(join(workspace, 'node_modules/typescript/bin/tsc'), join(modules, '.bin', 'tsc'));
}

function npm(project: string, ...args: string[]): { code: number | null; output: string } {
  const out = spawnSync('npm', args, { cwd: project, encoding: 'utf8', timeout: 300_000 });
  return { code: out.status, output: `${out.stdout}\n${out.stderr}` };
}

const s = suite('typestep init');
const { dir } = scratchFolder('typestep-init-');

s('creates the project, with typestep dependencies at ^ the CLI version, and prints the next steps', () => {
  const project = join(dir, 'My Orders');
  const { code, stdout, stderr } = typestep('init', project);
  assert.is(code, 0, stderr);
  for (const file of ['package.json', 'tsconfig.json', 'src/workflow.ts', 'src/handlers.ts', 'test/workflow.test.ts', 'README.md', '.gitignore', 'order.json']) {
    assert.ok(existsSync(join(project, file)), file);
  }
  const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  assert.is(manifest.name, 'my-orders');
  assert.is(manifest.type, 'module');
  assert.is(manifest.scripts.build, 'typestep compile src/workflow.ts --out build');
  for (const name of ['@typestep/dsl', '@typestep/cli', '@typestep/testing', '@typestep/runtime']) {
    assert.is({ ...manifest.dependencies, ...manifest.devDependencies }[name], `^${cliVersion}`, name);
  }
  assert.match(readFileSync(join(project, 'README.md'), 'utf8'), /^# my-orders\n/);
  assert.match(stdout, 'npm install');
  assert.match(stdout, 'npm test');
});

s('refuses a directory that is not empty, writes nothing, exit 2', () => {
  const taken = join(dir, 'taken');
  mkdirSync(taken);
  writeFileSync(join(taken, 'notes.txt'), 'mine');
  const { code, stderr } = typestep('init', taken);
  assert.is(code, 2);
  assert.match(stderr, 'is not empty (it holds notes.txt); nothing was written');
  assert.equal(readdirSync(taken), ['notes.txt']);
});

s('an empty directory is fine', () => {
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  assert.is(typestep('init', empty).code, 0);
});

s("the new project's tests pass and its build writes the definition", () => {
  const project = join(dir, 'green');
  const started = Date.now();
  assert.is(typestep('init', project).code, 0);
  linkWorkspace(project);
  const test = npm(project, 'test');
  assert.is(test.code, 0, test.output);
  assert.match(test.output, /# pass 4\n# fail 0/);
  const build = npm(project, 'run', 'build');
  assert.is(build.code, 0, build.output);
  const definition = JSON.parse(readFileSync(join(project, 'build/ProcessOrder.asl.json'), 'utf8'));
  assert.is(definition.QueryLanguage, 'JSONata');
  // Reported, not asserted: how long from init to green tests on this machine.
  console.log(`  (init → tests green → built: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const start = npm(project, 'start');
  assert.is(start.code, 0, start.output);
  assert.match(start.output, '"status": "shipped"');
  const typecheck = npm(project, 'run', 'typecheck');
  assert.is(typecheck.code, 0, typecheck.output);
});

s.run();
