// The plugin as an editor sees it: a real tsserver (TypeScript 6, JS) loads it from a project's tsconfig `plugins`,
// and every check goes through tsserver's protocol (open, semanticDiagnosticsSync, updateOpen, getCodeFixes).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { TsServerSession } from './tsserver-session.js';

const root = join(__dirname, '../../..');

interface Location { line: number; offset: number }
interface ProtocolDiagnostic { start: Location; end: Location; text: string; code: number; category: string; source?: string }
interface TextChange { start: Location; end: Location; newText: string }
interface CodeFix { fixName: string; description: string; changes: { fileName: string; textChanges: TextChange[] }[] }

// The README's example workflow and tsconfig are what the editor opens here.
const readme = readFileSync(join(root, 'packages', 'ts-plugin', 'README.md'), 'utf8');
const blockAfter = (fence: string, marker: string) => {
  const from = readme.indexOf(`${fence}\n`, readme.indexOf(marker));
  return readme.slice(from + fence.length + 1, readme.indexOf('\n```', from) + 1);
};
const workflowText = blockAfter('```ts', '## What the editor shows');
const readmeTsconfig = JSON.parse(blockAfter('```json', 'Name the plugin in `tsconfig.json`')) as { compilerOptions: { plugins: unknown[] } };

/** The protocol's 1-based line and offset of the first `text` in `source` (plus `shift` characters). */
function locate(source: string, text: string, shift = 0): Location {
  const index = source.indexOf(text);
  if (index < 0) throw new Error(`${text} is not in the README's workflow`);
  const before = source.slice(0, index + shift).split('\n');
  return { line: before.length, offset: before.at(-1)!.length + 1 };
}
// Not a workflow file: it never imports @typestep/dsl, so typestep adds nothing (TypeScript's own error stays).
const plainText = `export function compare(a: number | string, b: number): boolean {
  return a == b;
}
export const wrong: number = 'text';
`;
// A workflow file the plugin is told to crash on (TYPESTEP_TS_PLUGIN_SIMULATE_CRASH): TypeScript's error must still come.
const crashText = `import { workflow } from '@typestep/dsl';
export const broken: number = 'text';
export const w = workflow('Crash', async (input: { a: number | string; n: number }) => ({ same: input.a == input.n }));
`;

const dir = mkdtempSync(join(tmpdir(), 'typestep-ts-plugin-'));
const logFile = join(dir, 'tsserver.log');
const files = {
  workflow: join(dir, 'workflow.ts'),
  plain: join(dir, 'plain.ts'),
  crash: join(dir, 'crash-me.ts'),
  types: join(dir, 'order-types.ts'),
  typed: join(dir, 'typed.ts'),
};
// A workflow whose input type lives in another module: an unsaved edit there changes what the workflow file reports.
const typesText = 'export interface Pair {\n  a: number;\n  n: number;\n}\n';
const typedText = `import { workflow } from '@typestep/dsl';
import type { Pair } from './order-types.js';
export const typed = workflow('Typed', async (input: Pair) => ({ same: input.a == input.n }));
`;
writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'plugin-case', private: true, type: 'module' }));
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: { strict: true, target: 'es2023', module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, skipLibCheck: true, types: [], plugins: readmeTsconfig.compilerOptions.plugins },
    include: ['*.ts'],
  }),
);
writeFileSync(files.workflow, workflowText);
writeFileSync(files.plain, plainText);
writeFileSync(files.crash, crashText);
writeFileSync(files.types, typesText);
writeFileSync(files.typed, typedText);
// The project resolves @typestep/dsl as an installed package would be found: in its own node_modules.
mkdirSync(join(dir, 'node_modules', '@typestep'), { recursive: true });
symlinkSync(join(root, 'packages', 'dsl'), join(dir, 'node_modules', '@typestep', 'dsl'), 'dir');

// Started in `before`, not when the file is imported: uvu imports every test file before it runs any, and
// a child process alive from then on keeps the event loop busy, which the runtime's virtual-clock tests
// (deadlines that fire when the process is idle) must not see.
let server: TsServerSession;
process.on('exit', () => server?.kill());

const s = suite('ts-plugin through tsserver');
const diagnosticsOf = (file: string) => server.request<ProtocolDiagnostic[]>('semanticDiagnosticsSync', { file });
const typestep = (diagnostics: ProtocolDiagnostic[]) => diagnostics.filter((d) => d.source === 'typestep');
const log = () => readFileSync(logFile, 'utf8');
const checksOf = (file: string) => log().split('\n').filter((line) => line.includes(`typestep: checked ${file} `)).length;

/** The text with the protocol's text changes applied (1-based line/offset positions), last first. */
function applyChanges(text: string, changes: TextChange[]): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const at = ({ line, offset }: Location) => lineStarts[line - 1]! + offset - 1;
  const edits = changes.map((c) => ({ start: at(c.start), end: at(c.end), newText: c.newText })).sort((a, b) => b.start - a.start);
  for (const edit of edits) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  return text;
}

let current = workflowText;
async function edit(changes: TextChange[]): Promise<void> {
  current = applyChanges(current, changes);
  await server.request('updateOpen', { changedFiles: [{ fileName: files.workflow, textChanges: changes }] });
}

s.before(async () => {
  server = new TsServerSession({ cwd: dir, logFile, pluginProbeLocation: root, env: { TYPESTEP_TS_PLUGIN_SIMULATE_CRASH: 'crash-me' } });
  await server.request('configure', { preferences: {} });
  await server.request('updateOpen', {
    openFiles: Object.values(files).map((file) => ({ file, fileContent: readFileSync(file, 'utf8'), projectRootPath: dir })),
  });
});

s.after(() => {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
});

s('tsserver loads the plugin from the tsconfig', async () => {
  await diagnosticsOf(files.workflow);
  assert.match(log(), /typestep: plugin enabled for .*tsconfig\.json \(TypeScript 6\./);
});

s('a workflow file gets typestep diagnostics: source, number, code and message, range', async () => {
  const found = typestep(await diagnosticsOf(files.workflow));
  assert.equal(found.map((d) => [d.code, d.text.split(':')[0]]), [[910044, 'expression_loose_equality'], [910017, 'helper_not_awaited']]);
  // The README shows them as the editor does: message (cut at `…`), then `typestep(number)`.
  const shown = blockAfter('```text', 'the editor underlines').trim().split('\n').map((line) => /^(.*?)(?: …)?  typestep\((\d+)\)$/.exec(line)!);
  assert.equal(shown.map((m) => Number(m[2])), found.map((d) => d.code));
  for (const [i, m] of shown.entries()) assert.ok(found[i]!.text.startsWith(m[1]!), `${found[i]!.text}\nstarts with\n${m[1]}`);
  const loose = found[0]!;
  assert.is(loose.category, 'error');
  assert.match(loose.text, /use `===`/);
  assert.equal([loose.start, loose.end], [locate(workflowText, 'input.a == input.n'), locate(workflowText, 'input.a == input.n', 'input.a == input.n'.length)]);
});

s('geterr (what VS Code sends) delivers them in the semanticDiag event, and getSupportedCodeFixes names typestep\'s numbers', async () => {
  const event = server.nextEvent<{ file: string; diagnostics: ProtocolDiagnostic[] }>('semanticDiag', (body) => body.file === files.workflow);
  server.send('geterr', { files: [files.workflow], delay: 0 });
  const { diagnostics } = await event;
  assert.equal(typestep(diagnostics).map((d) => d.code), [910044, 910017]);
  const supported = await server.request<string[]>('getSupportedCodeFixes', { file: files.workflow });
  assert.ok(supported.includes('910044') && supported.includes('910017'));
});

s('asking again for the same version answers from the cache (the compiler runs once)', async () => {
  const before = checksOf(files.workflow);
  await diagnosticsOf(files.workflow);
  await diagnosticsOf(files.workflow);
  assert.is(checksOf(files.workflow), before);
});

s('an unsaved edit that fixes a problem makes its diagnostic go away', async () => {
  const before = checksOf(files.workflow);
  await edit([{ start: locate(current, '== input.n'), end: locate(current, '== input.n', 2), newText: '===' }]);
  assert.ok(current.includes('input.a === input.n'));
  const found = typestep(await diagnosticsOf(files.workflow));
  assert.equal(found.map((d) => d.code), [910017]);
  assert.is(checksOf(files.workflow), before + 1, 'the edit is checked once');
});

s('getCodeFixes returns the compiler fix as an edit, and applying it clears the diagnostic', async () => {
  const [helper] = typestep(await diagnosticsOf(files.workflow));
  assert.ok(helper, 'helper_not_awaited is still reported');
  const fixes = await server.request<CodeFix[]>('getCodeFixes', {
    file: files.workflow, startLine: helper!.start.line, startOffset: helper!.start.offset, endLine: helper!.end.line, endOffset: helper!.end.offset, errorCodes: [helper!.code],
  });
  const fix = fixes.find((f) => f.fixName === 'typestep_helper_not_awaited');
  assert.ok(fix, JSON.stringify(fixes));
  assert.is(fix!.description, 'Await `twice(…)`');
  assert.is(fix!.changes[0]!.fileName, files.workflow);
  await edit(fix!.changes[0]!.textChanges);
  assert.ok(current.includes('const doubled = await twice(input.n);'), current);
  assert.equal(typestep(await diagnosticsOf(files.workflow)), []);
});

s('an unsaved edit in an imported module is seen by the workflow that imports it', async () => {
  assert.equal(typestep(await diagnosticsOf(files.typed)), [], '`==` between two numbers compiles');
  const widened = { start: { line: 2, offset: 6 }, end: { line: 2, offset: 12 }, newText: 'number | string' };
  await server.request('updateOpen', { changedFiles: [{ fileName: files.types, textChanges: [widened] }] });
  assert.equal(typestep(await diagnosticsOf(files.typed)).map((d) => d.code), [910044]);
});

s('a file that does not import @typestep/dsl gets TypeScript\'s diagnostics only and is never compiled', async () => {
  const diagnostics = await diagnosticsOf(files.plain);
  assert.equal(typestep(diagnostics), []);
  assert.ok(diagnostics.some((d) => d.code === 2322), 'TypeScript\'s own error is there');
  assert.is(checksOf(files.plain), 0);
});

s('when typestep\'s check throws, the editor still gets TypeScript\'s diagnostics and the log says why', async () => {
  const diagnostics = await diagnosticsOf(files.crash);
  assert.equal(typestep(diagnostics), []);
  assert.ok(diagnostics.some((d) => d.code === 2322), 'TypeScript\'s own error is there');
  assert.match(log(), /typestep: getSemanticDiagnostics of .*crash-me\.ts failed; the editor gets TypeScript's answer alone: Error: simulated crash/);
  // tsserver itself is fine: the next request is answered as usual.
  assert.equal(typestep(await diagnosticsOf(files.workflow)), []);
});

s.run();
