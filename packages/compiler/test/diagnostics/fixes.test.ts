// Each mechanical fix, applied to the source, makes its diagnostic go away (and leaves a workflow that compiles).
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { check, type CompileDiagnostic } from '../../src/index.js';

const s = suite('diagnostic fixes');
// A path inside the repository, so `@typestep/dsl` resolves; the file only ever lives in memory.
const file = join(new URL('.', import.meta.url).pathname, 'fix-case.ts');
const prelude = `import { lambda, workflow } from '@typestep/dsl';
const step = lambda<{ n: number }, { n: number }>('\${StepArn}');
async function twice(n: number): Promise<number> {
  const r = await step({ n });
  return r.n * 2;
}
`;
const project = new Project({ compilerOptions: { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2023 } });

function checkText(text: string): CompileDiagnostic[] {
  project.createSourceFile(file, text, { overwrite: true });
  project.resolveSourceFileDependencies();
  return check({ project, files: [file] });
}

/** Applies a fix's edits to `text`, last first so earlier positions stay valid. */
function applyFix(text: string, diagnostic: CompileDiagnostic): string {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const at = (line: number, column: number) => source.getPositionOfLineAndCharacter(line - 1, column - 1);
  const edits = diagnostic.fix!.edits.map((edit) => ({ start: at(edit.span.line, edit.span.column), end: at(edit.span.endLine, edit.span.endColumn), newText: edit.newText }));
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  return text;
}

const cases: { code: string; body: string; fixed: string }[] = [
  { code: 'helper_not_awaited', body: 'const doubled = twice(input.n);\n  return { doubled };', fixed: 'const doubled = await twice(input.n);' },
  { code: 'helper_not_awaited', body: 'return { s: twice(input.n).toFixed() };', fixed: 'return { s: (await twice(input.n)).toFixed() };' },
  { code: 'expression_loose_equality', body: 'return { same: input.a == input.n };', fixed: 'return { same: input.a === input.n };' },
  { code: 'expression_loose_equality', body: 'return { differ: input.a != input.n };', fixed: 'return { differ: input.a !== input.n };' },
  { code: 'await_in_declaration_list', body: 'const a = await step({ n: 1 }), b = 2;\n  return { n: a.n + b };', fixed: 'const a = await step({ n: 1 });\n  const b = 2;' },
];

for (const { code, body, fixed } of cases) {
  s(`${code}: ${body.split('\n')[0]} → ${fixed.split('\n')[0]}`, () => {
    const text = `${prelude}export const main = workflow('FixCase', async (input: { n: number; a: number | string }) => {\n  ${body}\n});\n`;
    const before = checkText(text).filter((d) => d.code === code);
    assert.is(before.length, 1, `one ${code} expected`);
    assert.ok(before[0]!.fix, 'the diagnostic carries a fix');
    assert.ok(String(before[0]).includes(`fix: ${before[0]!.fix!.description}`), 'toString prints the fix');
    assert.equal(before[0]!.toJSON().fix?.description, before[0]!.fix!.description);
    const after = applyFix(text, before[0]!);
    assert.ok(after.includes(fixed), after);
    const remaining = checkText(after);
    assert.equal(remaining.map((d) => `${d.code}: ${d.message}`), []);
  });
}

s('no fix where `await` cannot stand: a helper called in a synchronous callback', () => {
  const text = `${prelude}export const main = workflow('FixCase', async (input: { n: number; a: number | string }) => {\n  return { xs: [1, 2].map((x) => twice(x)) };\n});\n`;
  const found = checkText(text).find((d) => d.code === 'helper_not_awaited');
  assert.ok(found, 'helper_not_awaited reported');
  assert.is(found!.fix, undefined);
});

s('check() with files of a project refuses a path the project does not hold', () => {
  assert.throws(() => check({ project, files: ['/nowhere/missing.ts'] }), /not a file of the project/);
});

s.run();
