// The consumer test: the packages as a user gets them. Builds, packs every package, installs the
// tarballs into a fresh project outside the repository (no @types/node), then runs the typestep
// command there and type-checks a file that imports each package, with every .d.ts the tarballs
// ship. One line per check, a summary, exit code 1 on any failure.
//
//   npm run test:consumer            (TYPESTEP_KEEP_CONSUMER=1 keeps the temporary project)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['dsl', 'runtime', 'compiler', 'deploy', 'graph', 'cli', 'testing', 'ts-plugin'];
// The JS TypeScript whose tsserver loads @typestep/ts-plugin, as an editor's workspace version would (TypeScript 7 loads no plugins).
const typescriptForEditors = JSON.parse(readFileSync(join(root, 'packages/ts-plugin/package.json'), 'utf8')).devDependencies.typescript6;
const typescriptRange = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.typescript;

// `npm warn` lines an install may print that say nothing about our packages, each with its reason.
// None today: the install prints no warning at all (npm 11.19, Node 20).
const harmlessWarnings = [];

// Run from `npm run`, the environment points at the repository (its node_modules/.bin on PATH,
// npm_package_* and the local prefix); the consumer project must see none of it.
const consumerEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|npm_command$|INIT_CWD$)/i.test(key)),
);
consumerEnv.PATH = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((entry) => !/node_modules[\\/]\.bin$|node-gyp-bin$/.test(entry))
  .join(delimiter);

function run(command, args, cwd, env = consumerEnv) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, output };
}

function expectSuccess({ code, output }, what) {
  if (code !== 0) throw new Error(`${what} exited with ${code}:\n${output.trim()}`);
}

let passed = 0;
let failed = 0;
let skipped = 0;

function check(name, body) {
  const started = performance.now();
  try {
    const note = body();
    passed++;
    console.log(`ok    ${name} (${seconds(started)})${note ? ` — ${note}` : ''}`);
    return true;
  } catch (error) {
    failed++;
    console.log(`FAIL  ${name} (${seconds(started)}): ${error.message}`);
    return false;
  }
}

function skip(name, reason) {
  skipped++;
  console.log(`skip  ${name} — ${reason}`);
}

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** The source maps in a packed file list whose `sources` point at files the tarball lacks. */
function unresolvedMapSources(packageDir, files) {
  const shipped = new Set(files.map((file) => normalize(file.path)));
  const missing = [];
  for (const path of shipped) {
    if (!path.endsWith('.map')) continue;
    const map = JSON.parse(readFileSync(join(packageDir, path), 'utf8'));
    for (const source of map.sources) {
      const target = normalize(join(dirname(path), map.sourceRoot ?? '', source));
      if (!shipped.has(target)) missing.push(`${path} → ${target}`);
    }
  }
  return missing;
}

// The workflow the consumer project compiles and runs: a task and a branch on its result.
const workflowSource = `import { lambda, workflow } from '@typestep/dsl';

export interface Greeting {
  name: string;
  excited: boolean;
}

export const shout = lambda<{ text: string }, { text: string }>('\${ShoutFunctionArn}');

export const greet = workflow('Greet', async (input: Greeting): Promise<{ message: string }> => {
  const { text } = await shout({ text: input.name });
  if (input.excited) return { message: text + '!' };
  return { message: text };
});
`;

const handlersSource = `export default {
  shout: ({ text }) => ({ text: text.toUpperCase() }),
};
`;

// Imports every package, values and types; the @ts-expect-error lines fail the check if a type
// silently became \`any\` (an unused marker is an error).
const typesSource = `import { workflow, type Workflow } from '@typestep/dsl';
import { LocalS3, StateMachine, type ExecutionResult, type MachineDefinition } from '@typestep/runtime';
import { compile, type CompileResult } from '@typestep/compiler';
import { main } from '@typestep/cli';
import { policyFor, type Policy } from '@typestep/deploy';
import { renderExecutionReport, summarizeExecution, type ExecutionSummary } from '@typestep/graph';
import { testWorkflow, type TestRun } from '@typestep/testing';
import { greet, type Greeting } from './workflow.js';

export const typedGreet: Workflow<Greeting, { message: string }> = greet;
export const echo = workflow('Echo', async (input: { n: number }) => input);

const definition: MachineDefinition = { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };
export const machine = new StateMachine(definition, { s3: new LocalS3({ objects: { 'b/k': 'text' } }) });
export const bytes: Uint8Array | undefined = machine.s3?.getObject('b', 'k');
export const started: Promise<ExecutionResult> = machine.run({});

export const policy: Policy = policyFor(definition);
export const report: Promise<string> = renderExecutionReport({ definition, history: [] });
export const summary: ExecutionSummary = summarizeExecution(definition, []);
export const compiled: Promise<CompileResult> = compile({ files: ['workflow.ts'] });
export const exitCode: Promise<number> = main(['--help']);
export const tested: Promise<TestRun<{ message: string }>> = testWorkflow(greet, {
  input: { name: 'ada', excited: true },
  handlers: { shout: ({ text }: { text: string }) => ({ text }) },
});

// @ts-expect-error: the input is a Greeting
greet.run({ name: 1 });
// @ts-expect-error: main takes argv as strings
main([1]);
`;

const tsconfig = {
  compilerOptions: {
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
  },
  files: ['workflow.ts', 'check-types.ts'],
  // Every declaration file shipped, not only those the imports reach: none may need a type package we do not install.
  include: ['node_modules/@typestep/*/dist/**/*.d.ts'],
};

const started = performance.now();
const project = mkdtempSync(join(tmpdir(), 'typestep-consumer-'));
const initRoot = mkdtempSync(join(tmpdir(), 'typestep-init-'));
const tarballDir = join(project, 'tarballs');
mkdirSync(tarballDir);
const tarballs = [];

const built = check('build (tsc -b)', () => expectSuccess(run(process.execPath, ['node_modules/typescript/bin/tsc', '-b'], root, process.env), 'tsc -b'));

const packed =
  built &&
  check(`npm pack ${packages.length} packages`, () => {
    const workspaces = packages.flatMap((name) => ['--workspace', `packages/${name}`]);
    const result = run('npm', ['pack', '--json', '--pack-destination', tarballDir, ...workspaces], root, process.env);
    expectSuccess(result, 'npm pack');
    const reports = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
    for (const report of reports) {
      const packageDir = join(root, 'packages', report.name.replace('@typestep/', ''));
      if (!report.files.some((file) => file.path === 'dist/index.js')) throw new Error(`${report.name} has no dist/index.js`);
      if (!report.files.some((file) => file.path === 'LICENSE')) throw new Error(`${report.name} has no LICENSE`);
      const missing = unresolvedMapSources(packageDir, report.files);
      if (missing.length) throw new Error(`${report.name}: source maps point outside the tarball: ${missing.slice(0, 3).join(', ')}`);
      tarballs.push(join(tarballDir, report.filename));
    }
    const sizes = reports.map((report) => `${report.name.replace('@typestep/', '')} ${(report.size / 1024).toFixed(0)} kB`);
    return `every map's sources ship; ${sizes.join(', ')}`;
  });

const installed =
  packed &&
  check('npm install the tarballs (no unexpected npm warn)', () => {
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'typestep-consumer', private: true, type: 'module' }, null, 2)}\n`);
    const result = run('npm', ['install', '--no-audit', '--no-fund', ...tarballs, `typescript@${typescriptRange}`, `typescript6@${typescriptForEditors}`], project);
    expectSuccess(result, 'npm install');
    const warnings = result.output.split('\n').filter((line) => /^npm warn/i.test(line) && !harmlessWarnings.some((known) => known.test(line)));
    if (warnings.length) throw new Error(`unexpected warnings:\n${warnings.join('\n')}`);
    if (existsSync(join(project, 'node_modules/@types/node'))) throw new Error('@types/node got installed, so the type check below would prove nothing');
  });

addInitProject();

if (installed) {
  writeFileSync(join(project, 'workflow.ts'), workflowSource);
  writeFileSync(join(project, 'handlers.mjs'), handlersSource);
  writeFileSync(join(project, 'check-types.ts'), typesSource);
  writeFileSync(join(project, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);

  check('npx typestep --help', () => {
    const result = run('npx', ['typestep', '--help'], project);
    expectSuccess(result, 'typestep --help');
    if (!result.output.includes('typestep compile')) throw new Error(`the help does not list compile:\n${result.output}`);
  });

  // The CLI does not depend on @typestep/server (a native build): without it, serve says what to install.
  check('npx typestep serve without @typestep/server exits 2 naming the package', () => {
    const result = run('npx', ['typestep', 'serve', '--port', '0'], project);
    if (result.code !== 2 || !result.output.includes('npm install --save-dev @typestep/server')) {
      throw new Error(`expected exit 2 naming @typestep/server, got ${result.code}:\n${result.output}`);
    }
  });

  const compiled = check('npx typestep compile workflow.ts', () => {
    expectSuccess(run('npx', ['typestep', 'compile', 'workflow.ts', '--out', 'build'], project), 'typestep compile');
    if (!existsSync(join(project, 'build/Greet.asl.json'))) throw new Error('build/Greet.asl.json was not written');
  });

  if (compiled) {
    check('npx typestep run build/Greet.asl.json', () => {
      const args = ['typestep', 'run', 'build/Greet.asl.json', '--schema', 'build/Greet.schema.json', '--handlers', 'handlers.mjs'];
      const result = run('npx', [...args, '--input', '{"name":"ada","excited":true}', '--json'], project);
      expectSuccess(result, 'typestep run');
      const { status, output } = JSON.parse(result.stdout);
      if (status !== 'SUCCEEDED' || output?.message !== 'ADA!') throw new Error(`expected SUCCEEDED with {"message":"ADA!"}, got ${result.stdout.trim()}`);
    });
  } else {
    skip('npx typestep run build/Greet.asl.json', 'nothing compiled');
  }

  check('tsc --noEmit (each package imported, every shipped .d.ts, skipLibCheck false, no @types/node)', () =>
    expectSuccess(run('npx', ['tsc', '-p', 'tsconfig.json', '--pretty', 'false'], project), 'tsc --noEmit'),
  );
}

/**
 * The editor's side: the installed TypeScript 6's tsserver (found beside the project's packages, as VS
 * Code's "Use Workspace Version" runs it) loads @typestep/ts-plugin from a tsconfig's `plugins` and
 * reports a typestep diagnostic for a workflow with a loose `==`. Requests go in on stdin at once;
 * tsserver answers them in order and exits when stdin closes.
 */
if (installed) {
  check('tsserver (typescript@6) loads @typestep/ts-plugin and reports typestep diagnostics', () => {
    const editor = join(project, 'editor');
    mkdirSync(editor, { recursive: true });
    const file = join(editor, 'loose.ts');
    writeFileSync(file, `import { workflow } from '@typestep/dsl';\nexport const w = workflow('Loose', async (input: { a: number | string; n: number }) => ({ same: input.a == input.n }));\n`);
    writeFileSync(join(editor, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...tsconfig.compilerOptions, plugins: [{ name: '@typestep/ts-plugin' }] }, files: ['loose.ts'] }));
    const requests = [
      { seq: 1, type: 'request', command: 'updateOpen', arguments: { openFiles: [{ file, projectRootPath: editor }] } },
      { seq: 2, type: 'request', command: 'semanticDiagnosticsSync', arguments: { file } },
    ];
    const tsserver = join(project, 'node_modules/typescript6/lib/tsserver.js');
    const result = spawnSync(process.execPath, [tsserver, '--disableAutomaticTypingAcquisition'], { cwd: editor, env: consumerEnv, encoding: 'utf8', input: requests.map((r) => JSON.stringify(r)).join('\n') + '\n' });
    const response = result.stdout
      .split(/Content-Length: \d+\r\n\r\n/)
      .map((text) => (text.trim().startsWith('{') ? JSON.parse(text) : undefined))
      .find((message) => message?.type === 'response' && message.request_seq === 2);
    if (!response?.success) throw new Error(`no diagnostics from tsserver: ${result.stdout.slice(0, 2000)}${result.stderr}`);
    const found = response.body.filter((d) => d.source === 'typestep').map((d) => d.text.split(':')[0]);
    if (!found.includes('expression_loose_equality')) throw new Error(`expected expression_loose_equality from the plugin, got ${JSON.stringify(response.body)}`);
    return found.join(', ');
  });
}

/**
 * What the issue's "done when" asks of a new user: the installed `typestep init app`, run in a folder
 * of its own (so nothing resolves through the consumer project's node_modules), makes `app/`, whose own `npm install` takes the packed packages (in place of the `^0.1.0` ranges the
 * template names) and the registry's tsx, typescript and @types/node; then its tests (natively and
 * compiled), build, start and type check pass. Timed from `init` to green tests.
 */
function addInitProject() {
  if (!installed) {
    skip('typestep init app, then npm install && npm test there', 'the packages did not install');
    return;
  }
  const app = join(initRoot, 'app');
  const since = performance.now();
  const created = check('typestep init app', () => {
    expectSuccess(run(join(project, 'node_modules/.bin/typestep'), ['init', 'app'], initRoot), 'typestep init');
    for (const file of ['package.json', 'tsconfig.json', 'README.md', 'src/workflow.ts', 'src/handlers.ts', 'test/workflow.test.ts']) {
      if (!existsSync(join(app, file))) throw new Error(`init did not write ${file}`);
    }
  });
  if (!created) return;
  const ready = check('npm install in the new project (the packed packages)', () => {
    const result = run('npm', ['install', '--no-audit', '--no-fund', ...tarballs], app);
    expectSuccess(result, 'npm install');
    const warnings = result.output.split('\n').filter((line) => /^npm warn/i.test(line) && !harmlessWarnings.some((known) => known.test(line)));
    if (warnings.length) throw new Error(`unexpected warnings:\n${warnings.join('\n')}`);
  });
  if (!ready) return;
  const green = check('npm test in the new project', () => expectSuccess(run('npm', ['test'], app), 'npm test'));
  if (green) console.log(`      from init to green tests: ${seconds(since)}`);
  check('npm run build in the new project', () => {
    expectSuccess(run('npm', ['run', 'build'], app), 'npm run build');
    if (!readdirSync(join(app, 'build')).some((file) => file.endsWith('.asl.json'))) throw new Error('build/ holds no .asl.json');
  });
  check('npm start in the new project (runs the compiled ASL)', () => expectSuccess(run('npm', ['start'], app), 'npm start'));
  check('npm run typecheck in the new project', () => expectSuccess(run('npm', ['run', 'typecheck'], app), 'npm run typecheck'));
}

const total = seconds(started);
if (failed > 0 || process.env.TYPESTEP_KEEP_CONSUMER === '1') console.log(`the consumer project is kept at ${project}, the init project at ${initRoot}`);
else for (const dir of [project, initRoot]) rmSync(dir, { recursive: true, force: true });
console.log(`consumer: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (${total})`);
process.exit(failed > 0 ? 1 : 0);
