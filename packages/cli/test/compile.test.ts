import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { validateDefinition } from '@typestep/runtime';
import { scratchFolder, typestep } from './support/cli-process.js';

const s = suite('typestep compile');

/** A scratch folder whose TypeScript files can import '@typestep/dsl' (linked to this workspace's package). */
function workflowFolder(prefix: string) {
  const scratch = scratchFolder(prefix);
  mkdirSync(join(scratch.dir, 'node_modules', '@typestep'), { recursive: true });
  symlinkSync(fileURLToPath(new URL('../../dsl', import.meta.url)), join(scratch.dir, 'node_modules', '@typestep', 'dsl'));
  return scratch;
}

const workflowSource = `import { lambda, workflow } from '@typestep/dsl';
const greet = lambda<{ name: string }, { text: string }>('\${GreetArn}');
export const hello = workflow('Hello', async (input: { name: string }) => {
  const { text } = await greet({ name: input.name });
  return text;
});
`;

s('writes <Name>.asl.json and <Name>.map.json, exit 0', () => {
  const scratch = workflowFolder('compile-ok');
  const source = scratch.file('hello.ts', workflowSource);
  const out = join(scratch.dir, 'out');
  const { code, stderr } = typestep('compile', source, '--out', out);
  assert.is(code, 0, stderr);
  const definition = JSON.parse(readFileSync(join(out, 'Hello.asl.json'), 'utf8'));
  assert.is(definition.QueryLanguage, 'JSONata');
  assert.equal(validateDefinition(definition), []);
  const map = JSON.parse(readFileSync(join(out, 'Hello.map.json'), 'utf8'));
  assert.is(map[definition.StartAt].line, 4);
});

s('prints diagnostics with code frames, writes nothing, exit 1', () => {
  const scratch = workflowFolder('compile-bad');
  const source = scratch.file('bad.ts', workflowSource.replace('input.name })', 'input.nam })'));
  const out = join(scratch.dir, 'out');
  const { code, stderr } = typestep('compile', source, '--out', out);
  assert.is(code, 1);
  assert.match(stderr, 'error type_error');
  assert.match(stderr, '^^^');
  assert.not.ok(existsSync(join(out, 'Hello.asl.json')));
});

s('--json prints diagnostics as JSON', () => {
  const scratch = workflowFolder('compile-json');
  const source = scratch.file('bad.ts', workflowSource.replace('input.name })', 'input.nam })'));
  const { code, stdout } = typestep('compile', source, '--out', join(scratch.dir, 'out'), '--json');
  assert.is(code, 1);
  const diagnostics = JSON.parse(stdout);
  assert.is(diagnostics[0].code, 'type_error');
  assert.is(diagnostics[0].line, 4);
});

s('usage errors exit 2', () => {
  assert.is(typestep('compile', '--out', 'x').code, 2);
  const scratch = scratchFolder('compile-none');
  const source = scratch.file('plain.ts', 'export const x = 1;\n');
  assert.is(typestep('compile', source, '--out', join(scratch.dir, 'out')).code, 2);
});

s.run();
