import { CompileDiagnostic, messages, type DiagnosticCode } from '@typestep/compiler';
import type { ts } from 'ts-morph';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { codeOfNumber, diagnosticNumbers } from '../src/diagnostic-numbers.js';
import { rangeOf, toCodeFix, toEditorDiagnostic, unavailableDiagnostic, UNAVAILABLE_NUMBER } from '../src/editor-diagnostics.js';

// The JS TypeScript an editor would hand the plugin (the plugin itself never loads it).
const typescript = require('typescript6') as typeof ts;
const text = 'const a = 1;\nconst same = a == b;\n';
const file = typescript.createSourceFile('/w/order.ts', text, typescript.ScriptTarget.Latest);
const span = (line: number, column: number, endLine: number, endColumn: number) => ({ file: '/w/order.ts', line, column, endLine, endColumn });

const s = suite('ts-plugin: diagnostic numbers and conversion');

s('every catalog code has its own number in typestep\'s range, and the number leads back to the code', () => {
  const codes = Object.keys(messages) as DiagnosticCode[];
  const numbers = codes.map((code) => diagnosticNumbers[code]);
  assert.is(new Set(numbers).size, codes.length, 'numbers are unique');
  for (const [i, code] of codes.entries()) {
    assert.ok(numbers[i]! > 910000 && numbers[i]! < 911000, `${code}: ${numbers[i]}`);
    assert.is(codeOfNumber(numbers[i]!), code);
  }
  assert.is(codeOfNumber(2322), undefined, 'TypeScript\'s own codes are not typestep\'s');
  assert.is(codeOfNumber(UNAVAILABLE_NUMBER), undefined);
});

s('numbers already given out stay the same', () => {
  assert.is(diagnosticNumbers.helper_not_awaited, 910017);
  assert.is(diagnosticNumbers.expression_loose_equality, 910044);
  assert.is(diagnosticNumbers.await_in_declaration_list, 910010);
});

s('a span becomes start and length in the file; the message leads with the string code', () => {
  const diagnostic = new CompileDiagnostic('expression_loose_equality', 'use `===`', span(2, 14, 2, 20), '');
  const converted = toEditorDiagnostic(diagnostic, file, typescript);
  assert.is(text.slice(converted.start!, converted.start! + converted.length!), 'a == b');
  assert.is(converted.messageText, 'expression_loose_equality: use `===`');
  assert.is(converted.code, 910044);
  assert.is(converted.source, 'typestep');
  assert.is(converted.category, typescript.DiagnosticCategory.Error);
});

s('a span past the end of the file is clamped to it', () => {
  assert.equal(rangeOf(span(3, 1, 3, 1), file), { start: text.length, length: 0 });
});

s('a fix becomes a code fix action with text changes; no fix, no action', () => {
  const fix = { description: 'Use `===`', edits: [{ span: span(2, 16, 2, 18), newText: '===' }] };
  const diagnostic = new CompileDiagnostic('expression_loose_equality', 'use `===`', span(2, 14, 2, 20), '', fix);
  const action = toCodeFix(diagnostic, file)!;
  assert.is(action.fixName, 'typestep_expression_loose_equality');
  assert.is(action.description, 'Use `===`');
  const [change] = action.changes;
  assert.is(change!.fileName, '/w/order.ts');
  const [edit] = change!.textChanges;
  assert.is(text.slice(0, edit!.span.start) + edit!.newText + text.slice(edit!.span.start + edit!.span.length), 'const a = 1;\nconst same = a === b;\n');
  assert.is(toCodeFix(new CompileDiagnostic('expression_loose_equality', 'm', span(2, 14, 2, 20), ''), file), undefined);
});

s('a compiler that cannot be loaded is a warning at the top of the file', () => {
  const warning = unavailableDiagnostic('cannot load @typestep/compiler', file, typescript);
  assert.equal([warning.start, warning.length, warning.code, warning.category], [0, 0, UNAVAILABLE_NUMBER, typescript.DiagnosticCategory.Warning]);
  assert.match(String(warning.messageText), /typestep is not checking this file: cannot load/);
});

s.run();
