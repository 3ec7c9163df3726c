import type { Node } from 'ts-morph';
import type { SourceSpan } from './diagnostic.js';

/** One text replacement: the text of `span` (empty for an insertion) becomes `newText`. */
export interface SourceEdit {
  span: SourceSpan;
  newText: string;
}

/**
 * The rewrite a diagnostic suggests, when it is mechanical: applying every
 * edit makes that diagnostic go away. Editors offer it as a quick fix
 * (`@typestep/ts-plugin`); the CLI prints its description.
 *
 * @example
 * // `a == b` (expression_loose_equality)
 * { description: 'Use `===`', edits: [{ span: { file, line: 3, column: 9, endLine: 3, endColumn: 11 }, newText: '===' }] }
 */
export interface DiagnosticFix {
  description: string;
  edits: SourceEdit[];
}

/**
 * An edit replacing the text of `node`'s file from `start` to `end`
 * (positions, end exclusive) with `newText`.
 *
 * @example
 * editAt(call, call.getStart(), call.getStart(), 'await ') // inserts before the call
 */
export function editAt(node: Node, start: number, end: number, newText: string): SourceEdit {
  const source = node.getSourceFile();
  const from = source.getLineAndColumnAtPos(start);
  const to = source.getLineAndColumnAtPos(end);
  return { span: { file: source.getFilePath(), line: from.line, column: from.column, endLine: to.line, endColumn: to.column }, newText };
}
