/**
 * Lowers TypeScript expressions and await-free statement runs to JSONata text
 * that computes what JavaScript would compute. Where the two languages differ
 * the lowering either reproduces JavaScript (helpers in `runtime-helpers.ts`)
 * or reports a diagnostic; the README's "JavaScript semantics" section lists
 * every decision.
 */
import type { Expression, Node, Statement } from 'ts-morph';
import type { DiagnosticCollector } from '../../../diagnostics/index.js';
import { LowerContext } from './lower-context.js';
export { changesInPlace } from './in-place.js';
import { lowerNode } from './lower-expression.js';
import { withHelpers } from './runtime-helpers.js';
import { lowerBlock } from './statements.js';
import { lowerConditionNode } from './truthiness.js';

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
  const ctx = new LowerContext(scope);
  return finish(lowerNode(expression, ctx), ctx);
}

/**
 * JSONata boolean text that is true exactly when `expression` is truthy in JavaScript.
 *
 * @example
 * lowerCondition(`items.length`, scope) // '($count($items) != 0)'
 */
export function lowerCondition(expression: Expression, scope: ExpressionScope): string {
  const ctx = new LowerContext(scope);
  return finish(lowerConditionNode(expression, ctx), ctx);
}

/**
 * An await-free run of statements (const/let declarations, assignments incl. +=/++ , if/else, switch,
 * while/do/for/for…of with break/continue — no await, no return/throw out of the run) lowered to one
 * JSONata expression per name in `assigned` giving its value after the run, each self-contained over
 * the values at the start of the run (ASL Assign reads state-entry values: all entries see the same old values).
 *
 * @example
 * lowerPureStatements([`total += 1;`], scope, ['total']) // { total: '($total := $total; ($total := ($total + 1); $total))' }
 */
export function lowerPureStatements(statements: Statement[], scope: ExpressionScope, assigned: string[]): Record<string, string> {
  const ctx = new LowerContext(scope);
  for (const statement of statements) ctx.runStatements.add(statement);
  const variables = assigned.map((name) => ctx.declareRunVariable(name));
  const anchor = statements[0];
  // Each assigned variable starts from its workflow value (or undefined when the run declares it).
  const starts = assigned.map((name) => (anchor && scope.lookup(name, anchor)) ?? '()');
  // A start value computed over the entry values (a run carried by the state before) reads them by their names:
  // binding one variable must not change what a later start value reads, so such starts go through temporaries.
  const shadowed = starts.some((start, j) => variables.some((variable, i) => i < j && starts[i] !== variable && start.includes(variable)));
  const temporaries = shadowed ? starts.map(() => ctx.temporary()) : [];
  const initial = shadowed
    ? [...starts.map((start, i) => `${temporaries[i]} := ${start}`), ...variables.map((variable, i) => `${variable} := ${temporaries[i]}`)]
    : assigned.map((_, i) => `${variables[i]} := ${starts[i]}`);
  const single = assigned.length === 1;
  const end = single ? variables[0] : `{${assigned.map((name, i) => `${JSON.stringify(name)}: ${variables[i]}`).join(', ')}}`;
  const body = lowerBlock(statements, 0, { mutable: variables, end }, ctx);
  const text = finish(initial.length ? `(${initial.join('; ')}; ${body})` : body, ctx);
  if (single) return { [assigned[0]]: text };
  return Object.fromEntries(assigned.map((name) => [name, `$lookup(${text}, ${JSON.stringify(name)})`]));
}

/** Binds the local helper functions and runtime helpers the text uses around it. */
function finish(text: string, ctx: LowerContext): string {
  const functions = [...ctx.functions.values()].map((fn) => `${fn.variable} := ${fn.text}`);
  const inner = functions.length ? `(${functions.join('; ')}; ${text})` : text;
  return withHelpers(inner, ctx.helpers);
}
