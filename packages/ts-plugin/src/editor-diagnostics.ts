import type { CompileDiagnostic, SourceSpan } from '@typestep/compiler';
import type { ts } from 'ts-morph';
import { diagnosticNumbers } from './diagnostic-numbers.js';

/** The `source` of every diagnostic the plugin adds (editors show it next to the code: `typestep(910017)`). */
export const DIAGNOSTIC_SOURCE = 'typestep';

/**
 * A compiler diagnostic as tsserver reports it: an Error with typestep's
 * number for its code (see `diagnosticNumbers`), the string code leading the
 * message, and the span as a start and length in `file`.
 *
 * @example
 * toEditorDiagnostic(diagnostic, sourceFile, ts)
 * // { category: 1, code: 910044, source: 'typestep', messageText: 'expression_loose_equality: `==` between …', start: 120, length: 12, file }
 */
export function toEditorDiagnostic(diagnostic: CompileDiagnostic, file: ts.SourceFile, typescript: typeof ts): ts.Diagnostic {
  const { start, length } = rangeOf(diagnostic.span, file);
  return {
    file,
    start,
    length,
    messageText: `${diagnostic.code}: ${diagnostic.message}`,
    category: typescript.DiagnosticCategory.Error,
    code: diagnosticNumbers[diagnostic.code],
    source: DIAGNOSTIC_SOURCE,
  };
}

/**
 * A diagnostic's fix as a tsserver quick fix: its edits as text changes of
 * the file. Undefined for a diagnostic without a fix.
 *
 * @example
 * toCodeFix(diagnostic, sourceFile)
 * // { fixName: 'typestep_expression_loose_equality', description: 'Use `===`', changes: [{ fileName, textChanges: [{ span: { start: 126, length: 2 }, newText: '===' }] }] }
 */
export function toCodeFix(diagnostic: CompileDiagnostic, file: ts.SourceFile): ts.CodeFixAction | undefined {
  if (!diagnostic.fix) return undefined;
  const textChanges = diagnostic.fix.edits.map(({ span, newText }) => ({ span: rangeOf(span, file), newText }));
  return { fixName: `${DIAGNOSTIC_SOURCE}_${diagnostic.code}`, description: diagnostic.fix.description, changes: [{ fileName: file.fileName, textChanges }] };
}

/** A 1-based line/column span (end exclusive) as a start and length, clamped to the file. */
export function rangeOf(span: SourceSpan, file: ts.SourceFile): { start: number; length: number } {
  const at = (line: number, column: number) => Math.min(file.getPositionOfLineAndCharacter(line - 1, column - 1), file.text.length);
  const start = at(span.line, span.column);
  return { start, length: Math.max(0, at(span.endLine, span.endColumn) - start) };
}

/** The number of the one diagnostic that is not the compiler's: the plugin could not load it. */
export const UNAVAILABLE_NUMBER = 910000;

/**
 * A warning at the top of a workflow file when typestep's compiler cannot be
 * loaded: the file is not checked, and the editor says so instead of showing
 * a clean file.
 *
 * @example
 * unavailableDiagnostic('cannot load @typestep/compiler: …', sourceFile, ts)
 */
export function unavailableDiagnostic(message: string, file: ts.SourceFile, typescript: typeof ts): ts.Diagnostic {
  return { file, start: 0, length: 0, messageText: `typestep is not checking this file: ${message}`, category: typescript.DiagnosticCategory.Warning, code: UNAVAILABLE_NUMBER, source: DIAGNOSTIC_SOURCE };
}
