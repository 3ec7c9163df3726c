import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { check, compile } from '../src/index.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const s = suite('compile()');

s('takes a ts-morph project; returns name, type, definition, text and a source map', async () => {
  const project = new Project({
    compilerOptions: { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 },
  });
  project.addSourceFileAtPath(join(fixtures, 'task-lambda', 'input.ts'));
  const { workflows, diagnostics } = await compile({ project });
  assert.equal(diagnostics, []);
  assert.is(workflows.length, 1);
  const [workflow] = workflows;
  assert.is(workflow!.name, 'ProcessOrder');
  assert.is(workflow!.type, 'STANDARD');
  assert.is(workflow!.definition.QueryLanguage, 'JSONata');
  assert.equal(JSON.parse(workflow!.text), workflow!.definition);
  const states = Object.keys(workflow!.definition.States as object);
  assert.equal(Object.keys(workflow!.sourceMap).sort(), [...states].sort());
  assert.equal(workflow!.sourceMap['Charge card'], { file: join(fixtures, 'task-lambda', 'input.ts'), line: 16, column: 30, endLine: 16, endColumn: 71 });
});

s('check() reports what compile() reports, synchronously and without output', async () => {
  for (const name of ['error-helpers', 'error-all-at-once', 'task-lambda']) {
    const files = [join(fixtures, name, 'input.ts')];
    const checked = check({ files });
    assert.not.ok(checked instanceof Promise);
    assert.equal(checked.map((d) => d.toJSON()), (await compile({ files })).diagnostics.map((d) => d.toJSON()), name);
  }
});

s('schemas allow properties the types do not declare unless strictSchema is set', async () => {
  const file = join(fixtures, 'task-lambda', 'input.ts');
  const open = (await compile({ files: [file] })).workflows[0]!.schema;
  const strict = (await compile({ files: [file], strictSchema: true })).workflows[0]!.schema;
  const count = (schema: unknown, pattern: RegExp) => [...JSON.stringify(schema).matchAll(pattern)].length;
  assert.ok(count(open, /"type":"object"/g) > 0);
  assert.is(count(open, /"additionalProperties":false/g), 0);
  // Every object type of this workflow is closed when strict (none has an index signature).
  assert.is(count(strict, /"additionalProperties":false/g), count(strict, /"type":"object"/g));
});

s('a workflow too large for TypeScript\'s checker (5,000 statements) gets workflow_too_large, not a stack overflow', async () => {
  const project = new Project({ compilerOptions: { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 } });
  project.addSourceFileAtPath(join(fixtures, 'task-lambda', 'input.ts'));
  const body = Array.from({ length: 5000 }, () => '  n = n + 1;').join('\n');
  project.createSourceFile(
    join(fixtures, 'task-lambda', 'generated-large.ts'),
    `import { workflow } from '@typestep/dsl';\nexport const large = workflow('Large', async (input: { n: number }) => {\n  let n = input.n;\n${body}\n  return n;\n});\n`,
  );
  const { workflows, diagnostics } = await compile({ project });
  assert.equal(workflows.map((w) => w.name), ['ProcessOrder']);
  assert.equal(diagnostics.map((d) => d.code), ['workflow_too_large']);
  assert.match(diagnostics[0]!.message, '5002 statements');
  assert.equal([diagnostics[0]!.span.line, diagnostics[0]!.span.column, diagnostics[0]!.span.endLine], [2, 22, 2]);
});

s('a file with errors yields no workflow; other files still do', async () => {
  const { workflows, diagnostics } = await compile({ files: [join(fixtures, 'if-else', 'input.ts'), join(fixtures, 'error-type-error', 'input.ts')] });
  assert.equal(workflows.map((w) => w.name), ['Restock']);
  assert.equal([...new Set(diagnostics.map((d) => d.code))], ['type_error']);
});

s('state names are unique, at most 80 characters, and the same on every compile', async () => {
  const first = await compile({ files: [join(fixtures, 'loops-while', 'input.ts')] });
  const second = await compile({ files: [join(fixtures, 'loops-while', 'input.ts')] });
  assert.is(first.workflows[0]!.text, second.workflows[0]!.text);
  const names = Object.keys(first.workflows[0]!.definition.States as object);
  assert.ok(names.every((name) => name.length <= 80));
  assert.is(new Set(names).size, names.length);
});

s('a file with N independent problems reports N in one compile, whatever phase finds each', async () => {
  // Per workflow: options that are not static (discovery), a declaration that is not static (discovery, when a
  // call reads it), a `for await` (lowering), a call with no JSONata lowering (expressions), a Map iteration
  // assigning a workflow variable (analysis).
  const problem = (n: number) => `
const region${n} = ['eu', 'west'].join('-');
const audit${n} = lambda<{ step: string }, null>(\`arn:\${region${n}}\`, { name: 'Audit ${n}' });
export const w${n} = workflow('W${n}', async (input: { items: string[] }) => {
  let count = 0;
  await audit${n}({ step: 'a' });
  for await (const item of input.items) await audit${n}({ step: item });
  count = input.items.join().localeCompare('m', 'de');
  await map(input.items, async (item) => { count = item.length; return null; });
  return count;
}, { timeoutSeconds: Number('${n}') });
`;
  for (const n of [1, 3]) {
    const project = new Project({
      compilerOptions: { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 },
    });
    const text = `import { lambda, map, workflow } from '@typestep/dsl';\n${Array.from({ length: n }, (_, i) => problem(i + 1)).join('')}`;
    project.createSourceFile(join(fixtures, `generated-${n}-problems.ts`), text);
    const { workflows, diagnostics } = await compile({ project });
    assert.equal(workflows, []);
    const codes = ['workflow_options_not_static', 'task_declaration_not_static', 'unsupported_statement', 'expression_unsupported_call', 'outer_variable_assigned'];
    assert.equal(diagnostics.map((d) => d.code).sort(), codes.flatMap((code) => Array<string>(n).fill(code)).sort(), diagnostics.map(String).join('\n'));
  }
});

s.run();
