import { join } from 'node:path';
import type { ts } from 'ts-morph';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCheckerModules } from '../src/load-modules.js';
import { WorkflowChecker, type ScriptSource } from '../src/workflow-checker.js';

const typescript = require('typescript6') as typeof ts;
// Inside the repository so `@typestep/dsl` resolves; the text only ever comes from the fake editor below.
const path = join(__dirname, 'unsaved-workflow.ts');
const source = (comparison: string) => `import { workflow } from '@typestep/dsl';
export const w = workflow('Unsaved', async (input: { a: number | string; n: number }) => ({ same: ${comparison} }));
`;

/** An editor's buffers: tsserver's version and text of each open file. */
class FakeEditor implements ScriptSource {
  readonly files = new Map<string, { version: number; text: string }>();
  open(file: string, text: string): void {
    this.files.set(file, { version: (this.files.get(file)?.version ?? 0) + 1, text });
  }
  getScriptVersion(file: string): string {
    return String(this.files.get(file)?.version ?? '');
  }
  getScriptSnapshot(file: string): ts.IScriptSnapshot | undefined {
    const open = this.files.get(file);
    return open && typescript.ScriptSnapshot.fromString(open.text);
  }
}

const s = suite('ts-plugin: WorkflowChecker');
const options = () => ({ strict: true, target: typescript.ScriptTarget.ES2022, module: typescript.ModuleKind.NodeNext, moduleResolution: typescript.ModuleResolutionKind.NodeNext });

s('checks the editor\'s text, once per version; an edit is checked again', () => {
  const editor = new FakeEditor();
  const checker = new WorkflowChecker(editor, options, loadCheckerModules);
  editor.open(path, source('input.a == input.n'));
  assert.equal(checker.diagnostics(path).map((d) => d.code), ['expression_loose_equality']);
  checker.diagnostics(path);
  assert.is(checker.checks, 1, 'the same version is answered from the cache');
  editor.open(path, source('input.a == input.n'));
  checker.diagnostics(path);
  assert.is(checker.checks, 1, 'a new version with the same text changes nothing');
  editor.open(path, source('input.a === input.n'));
  assert.equal(checker.diagnostics(path), []);
  assert.is(checker.checks, 2);
});

s('a file the editor has no text for is an error, not an empty answer', () => {
  const checker = new WorkflowChecker(new FakeEditor(), options, loadCheckerModules);
  assert.throws(() => checker.diagnostics(path), /tsserver has no text/);
});

s('crashOn makes the check of a matching file throw (the editor-side crash tests use it)', () => {
  const editor = new FakeEditor();
  editor.open(path, source('input.a === input.n'));
  const checker = new WorkflowChecker(editor, options, loadCheckerModules, { crashOn: 'unsaved-' });
  assert.throws(() => checker.diagnostics(path), /simulated crash/);
});

s.run();
