import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchFolder, typestep, typestepWithStdin } from './support/cli-process.js';

const { dir, file } = scratchFolder('typestep-usage-');
const echo = file('echo.asl.json', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
const packageVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const help = suite('typestep --help and --version');

help('--version prints the cli package version', () => {
  const { code, stdout } = typestep('--version');
  assert.is(code, 0);
  assert.is(stdout.trim(), packageVersion);
});

help('--help lists every command with a description, and the exit codes', () => {
  const { code, stdout } = typestep('--help');
  assert.is(code, 0);
  for (const command of ['init', 'compile', 'run', 'validate', 'types', 'send-task-success', 'get-activity-task']) {
    assert.match(stdout, new RegExp(`typestep ${command}\\b.*\\s{2,}\\S`), command);
  }
  assert.match(stdout, /Exit codes: 0 ok, 1 .*, 2 .*, 3 /s);
});

help('starting the CLI loads no command\'s dependencies: TypeScript, the runtime, elkjs and the rest load with the command that uses them', () => {
  const index = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  // CommonJS files are in require.cache; ES modules are listed by Node's ESM debug log ("Storing <url> in ModuleLoadMap").
  const script = `
    const { createRequire } = await import('node:module');
    await import(${JSON.stringify(index)});
    process.stdout.write(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'esm' } });
  assert.is(child.status, 0, child.stderr.slice(-2000));
  const files = [...(JSON.parse(child.stdout) as string[]), ...[...child.stderr.matchAll(/Storing (file:\/\/\S+)/g)].map((match) => match[1]!)];
  const packages = new Set(files.map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]).filter(Boolean));
  for (const heavy of ['@ts-morph/common', 'ts-morph', 'ajv', 'jsonata', 'elkjs', 'prettier', 'json-schema-to-typescript']) assert.not.ok(packages.has(heavy), `${heavy} is loaded: ${[...packages].join(', ')}`);
  assert.ok(packages.has('yargs'), `the check sees the packages that are loaded (yargs is one): ${[...packages].join(', ')}`);
});

help('each command has --help with examples', () => {
  for (const command of ['init', 'compile', 'run', 'validate', 'types', 'send-task-success', 'send-task-failure', 'send-task-heartbeat', 'get-activity-task']) {
    const { code, stdout } = typestep(command, '--help');
    assert.is(code, 0, command);
    assert.match(stdout, /Examples:\n\s+typestep /, command);
  }
});

help.run();

const mistakes = suite('typestep: mistakes get a suggestion and exit 2');

mistakes('a misspelt command', () => {
  const { code, stderr } = typestep('rnu', echo);
  assert.is(code, 2);
  assert.match(stderr, "unknown command 'rnu' (did you mean run?)");
});

mistakes('an unknown command with nothing close lists the commands', () => {
  const { code, stderr } = typestep('deploy', echo);
  assert.is(code, 2);
  assert.match(stderr, "unknown command 'deploy' (the commands are init, compile, run, validate, types");
});

mistakes('a misspelt flag is named once, in kebab case, with the flag it resembles', () => {
  const { code, stderr } = typestep('run', echo, '--inptu-file', 'x.json');
  assert.is(code, 2);
  assert.match(stderr, 'unknown option --inptu-file (did you mean --input-file?)');
  assert.not.match(stderr, 'inptuFile');
  assert.match(stderr, "Run 'typestep run --help'");
});

mistakes('a flag with nothing close, and a surplus argument, are named without a suggestion', () => {
  const unknown = typestep('validate', echo, '--frobnicate');
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, /unknown option --frobnicate\n/);
  const surplus = typestep('run', echo, 'other.json');
  assert.is(surplus.code, 2);
  assert.match(surplus.stderr, "unexpected argument 'other.json'");
});

mistakes.run();

const messages = suite('typestep: messages say what is wrong');

messages('a missing --input-file is "no such file", not a JSON error', () => {
  const { code, stderr } = typestep('run', echo, '--input-file', join(dir, 'nope.json'));
  assert.is(code, 2);
  assert.match(stderr, `cannot read input file ${join(dir, 'nope.json')}: no such file`);
  assert.not.match(stderr, 'JSON');
});

messages('malformed input names the line and column', () => {
  const input = file('broken-input.json', '{\n  "a": 1,\n  "b": }\n');
  const { code, stderr } = typestep('run', echo, '--input-file', input);
  assert.is(code, 2);
  assert.match(stderr, /input file .*broken-input\.json is not valid JSON: .* at line 3:8/);
  const inline = typestep('run', echo, '--input', '{"a" 1}');
  assert.is(inline.code, 2);
  assert.match(inline.stderr, /the --input is not valid JSON: .* at line 1:6/);
});

messages('a missing definition is "no such file"', () => {
  const { code, stderr } = typestep('run', join(dir, 'absent.asl.json'));
  assert.is(code, 2);
  assert.match(stderr, 'absent.asl.json: no such file');
  assert.is(typestep('validate', join(dir, 'absent.asl.json')).code, 2);
});

messages('running a TypeScript file says to compile it, or to run the workflow natively', () => {
  const { code, stderr } = typestep('run', 'workflow.ts');
  assert.is(code, 2);
  assert.match(stderr, 'this is TypeScript');
  assert.match(stderr, '`typestep compile workflow.ts --out build` first');
  assert.match(stderr, '.run(input, { handlers })');
  assert.match(typestep('run', 'workflow.mjs').stderr, 'this is JavaScript');
});

messages('compiling a file that does not exist is "no such file", exit 2', () => {
  const { code, stderr } = typestep('compile', join(dir, 'nope.ts'), '--out', join(dir, 'out'));
  assert.is(code, 2);
  assert.match(stderr, 'nope.ts: no such file');
  assert.not.match(stderr, 'no workflow found');
});

messages.run();

const streams = suite("typestep: '-' is stdin or stdout");

streams('the definition from stdin', () => {
  const { code, stdout } = typestepWithStdin(readFileSync(echo, 'utf8'), 'run', '-', '--input', '{"x":1}', '--json');
  assert.is(code, 0);
  assert.equal(JSON.parse(stdout), { status: 'SUCCEEDED', output: { x: 1 } });
  assert.match(typestepWithStdin(readFileSync(echo, 'utf8'), 'validate', '-').stdout, 'stdin: valid');
});

streams('--input-file - reads the input from stdin; its errors name stdin', () => {
  const { code, stdout } = typestepWithStdin('{"y":[1,2]}', 'run', echo, '--input-file', '-', '--json');
  assert.is(code, 0);
  assert.equal(JSON.parse(stdout).output, { y: [1, 2] });
  const broken = typestepWithStdin('{"y":', 'run', echo, '--input-file', '-');
  assert.is(broken.code, 2);
  assert.match(broken.stderr, /input file \(stdin\) is not valid JSON: .* at line 1:6/);
});

streams('the definition and the input cannot both come from stdin', () => {
  const { code, stderr } = typestepWithStdin('{}', 'run', '-', '--input-file', '-');
  assert.is(code, 2);
  assert.match(stderr, 'cannot both be read from stdin');
});

streams('types --out - prints the declarations', () => {
  const schema = file('Counter.schema.json', { input: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] }, output: { type: 'string' } });
  const { code, stdout } = typestep('types', schema, '--out', '-');
  assert.is(code, 0);
  assert.match(stdout, /^\/\/ Generated by typestep/);
  assert.match(stdout, 'export type CounterInput');
});

streams.run();
