import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ts } from 'ts-morph';
import { compile, createDefaultProject } from '../../src/index.js';
import { DEFAULT_COMPILER_OPTIONS } from '../../src/compile.js';
import { HOST_GLOBALS_FILE } from '../../src/program/index.js';

const s = suite('project without a tsconfig');

/** Compiles `source` as a file of this folder (in memory; `@typestep/dsl` resolves from here), with the default options. */
async function compileSource(source: string) {
  const project = createDefaultProject();
  project.createSourceFile(new URL('./in-memory-workflow.ts', import.meta.url).pathname, source);
  project.resolveSourceFileDependencies();
  return compile({ project });
}

const workflowWith = (line: string, header = '') => `${header}
import { workflow, lambda } from '@typestep/dsl';
const load = lambda<{ id: string }, { name: string }>('arn:aws:lambda:us-east-1:123456789012:function:load');
export const w = workflow('HostGlobals', async (input: { id: string }) => {
  const item = await load({ id: input.id });
  ${line}
  return structuredClone(item);
});
`;

s("the options' enum values, written out so that reading them loads no TypeScript, are TypeScript's", () => {
  assert.is(DEFAULT_COMPILER_OPTIONS.target, ts.ScriptTarget.ES2023);
  assert.is(DEFAULT_COMPILER_OPTIONS.module, ts.ModuleKind.NodeNext);
  assert.is(DEFAULT_COMPILER_OPTIONS.moduleResolution, ts.ModuleResolutionKind.NodeNext);
});

s('checks against ES2023 without the DOM: no lib.dom.d.ts in the program', () => {
  const project = createDefaultProject();
  const files = project.getProgram().compilerObject.getSourceFiles().map((file) => file.fileName.split('/').pop());
  assert.ok(files.includes('lib.es2023.d.ts'));
  assert.not.ok(files.includes('lib.dom.d.ts'), files.join(', '));
  assert.ok(project.getSourceFile(HOST_GLOBALS_FILE), 'the host globals are in the project');
});

s('console and structuredClone type-check and compile', async () => {
  const { workflows, diagnostics } = await compileSource(workflowWith("console.log('loaded', item.name);"));
  assert.equal(diagnostics.map(String), []);
  assert.equal(workflows.map((w) => w.name), ['HostGlobals']);
});

s('timers type-check: the compiler rejects them with its own message, not a type error', async () => {
  const { diagnostics } = await compileSource(workflowWith('const t = setTimeout; clearTimeout(t(() => {}, 1));'));
  assert.ok(diagnostics.length > 0);
  assert.equal(diagnostics.filter((d) => d.code === 'type_error').map(String), []);
});

s('a DOM-only global is a type error', async () => {
  const { workflows, diagnostics } = await compileSource(workflowWith("const url = new URL('https://example.com');"));
  assert.equal(workflows, []);
  assert.ok(diagnostics.some((d) => d.code === 'type_error' && /Cannot find name 'URL'/.test(d.message)), diagnostics.map(String).join('\n'));
});

s('a file that references the DOM or Node.js types merges with the host globals', async () => {
  for (const header of ['/// <reference lib="dom" />', '/// <reference types="node" />']) {
    const { workflows, diagnostics } = await compileSource(workflowWith("console.log('loaded', item.name);", header));
    assert.equal(diagnostics.map(String), [], header);
    assert.equal(workflows.map((w) => w.name), ['HostGlobals'], header);
  }
});

s.run();
