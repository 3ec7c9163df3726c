/**
 * Lowers TypeScript expressions and await-free statement runs to JSONata text
 * that computes what JavaScript would compute (see "JavaScript semantics" in
 * the compiler README for every place the two languages differ).
 */
import type { Expression, Node, Statement } from 'ts-morph';
import type { DiagnosticCollector } from '../../../diagnostics/index.js';

/** What the lowering needs from the surrounding compiler. */
export interface ExpressionScope {
  /** JSONata text that reads `name` (e.g. `$order`, `$states.result.Payload`), or undefined when it is not a workflow value. */
  lookup(name: string, node: Node): string | undefined;
  diagnostics: DiagnosticCollector;
}

/**
 * JSONata text (without `{% %}`) computing `expression` as JavaScript would.
 *
 * @example
 * lowerExpression(`order.total * 2`, scope) // '($order.total * 2)'
 */
export function lowerExpression(expression: Expression, scope: ExpressionScope): string {
  scope.diagnostics.report('unsupported_expression', expression, { kind: expression.getKindName() });
  return 'null';
}

/**
 * JSONata boolean text that is true exactly when `expression` is truthy in JavaScript.
 *
 * @example
 * lowerCondition(`items.length`, scope) // '($count($items) != 0)'
 */
export function lowerCondition(expression: Expression, scope: ExpressionScope): string {
  scope.diagnostics.report('unsupported_expression', expression, { kind: expression.getKindName() });
  return 'false';
}

/**
 * An await-free run of statements (const/let declarations, assignments incl. +=/++ , if/else, switch,
 * while/do/for/for…of with break/continue — no await, no return/throw out of the run) lowered to one
 * JSONata expression per name in `assigned` giving its value after the run, each self-contained over
 * the values at the start of the run (ASL Assign reads state-entry values: all entries see the same old values).
 *
 * @example
 * lowerPureStatements([`total += 1;`], scope, ['total']) // { total: '($total + 1)' }
 */
export function lowerPureStatements(statements: Statement[], scope: ExpressionScope, assigned: string[]): Record<string, string> {
  for (const statement of statements) scope.diagnostics.report('expression_unsupported_statement', statement, { kind: statement.getKindName() });
  return Object.fromEntries(assigned.map((name) => [name, 'null']));
}
