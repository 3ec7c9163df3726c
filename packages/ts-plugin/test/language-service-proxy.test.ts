import type { ts } from 'ts-morph';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createLanguageServiceProxy } from '../src/language-service-proxy.js';
import { CompilerUnavailableError } from '../src/load-modules.js';
import { WorkflowChecker } from '../src/workflow-checker.js';

const typescript = require('typescript6') as typeof ts;
const s = suite('ts-plugin: language service proxy');

/** A language service holding one file, with TypeScript's own diagnostic for it. */
function serviceFor(fileName: string, text: string) {
  const file = typescript.createSourceFile(fileName, text, typescript.ScriptTarget.Latest);
  const own: ts.Diagnostic = { file, start: 0, length: 1, messageText: 'TypeScript says so', category: typescript.DiagnosticCategory.Error, code: 2322 };
  const languageService = {
    getSemanticDiagnostics: () => [own],
    getProgram: () => ({ getSourceFile: (name: string) => (name === fileName ? file : undefined) }),
    getQuickInfoAtPosition: () => 'passed through',
  } as unknown as ts.LanguageService;
  return { languageService, own };
}

const workflowText = "import { workflow } from '@typestep/dsl';\n";

s('a compiler that cannot be loaded: TypeScript\'s diagnostics plus one warning, and the log says why', () => {
  const { languageService, own } = serviceFor('/w/flow.ts', workflowText);
  const logged: string[] = [];
  const checker = new WorkflowChecker({ getScriptVersion: () => '1', getScriptSnapshot: () => typescript.ScriptSnapshot.fromString(workflowText) }, () => ({}), () => {
    throw new CompilerUnavailableError('cannot load @typestep/compiler in tsserver\'s Node v20.0.0');
  });
  const proxy = createLanguageServiceProxy({ languageService, typescript, checker, log: (m) => logged.push(m) });
  const diagnostics = proxy.getSemanticDiagnostics('/w/flow.ts');
  assert.is(diagnostics[0], own);
  assert.equal(diagnostics.slice(1).map((d) => [d.code, d.category, d.source]), [[910000, typescript.DiagnosticCategory.Warning, 'typestep']]);
  assert.match(String(diagnostics[1]!.messageText), /Node v20\.0\.0/);
  assert.match(logged.join('\n'), /cannot load @typestep\/compiler/);
});

s('a file without the dsl import is never given to the checker; other methods pass through', () => {
  const { languageService, own } = serviceFor('/w/plain.ts', 'export const x = 1;\n');
  const checker = new WorkflowChecker({ getScriptVersion: () => '1', getScriptSnapshot: () => undefined }, () => ({}), () => {
    throw new Error('the checker must not run for a plain file');
  });
  const proxy = createLanguageServiceProxy({ languageService, typescript, checker, log: () => {} });
  assert.equal(proxy.getSemanticDiagnostics('/w/plain.ts'), [own]);
  assert.is(proxy.getQuickInfoAtPosition('/w/plain.ts', 0), 'passed through' as never);
});

s.run();
