/**
 * Lowers TypeScript expressions and await-free statement runs to JSONata text
 * that computes what JavaScript would compute. Where the two languages differ
 * the lowering either reproduces JavaScript (helpers in `runtime-helpers.ts`)
 * or reports a diagnostic; the README's "JavaScript semantics" section lists
 * every decision.
 */
import type { BindingName, Expression, Node, Statement } from 'ts-morph';
import { bindPattern } from './bindings.js';
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
  /** JSONata text for a sub-expression states computed before this one (a hoisted `await`), or undefined. */
  hoisted?(node: Node): string | undefined;
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
  // A workflow value's text reads entry values (`($acc * 2)`); where the run has already rebound `$acc`, such a
  // text is evaluated once, first, into a temporary the run reads instead.
  let rebound: string[] = [];
  const entry = new Map<string, string>();
  const entryRead = (text: string | undefined) => {
    if (text === undefined || !rebound.some((variable) => readsVariable(text, variable))) return text;
    if (!entry.has(text)) entry.set(text, ctx.temporary());
    return entry.get(text);
  };
  const entryScope: ExpressionScope = {
    diagnostics: scope.diagnostics,
    lookup: (name, node) => entryRead(scope.lookup(name, node)),
    hoisted: (node) => entryRead(scope.hoisted?.(node)),
  };
  const ctx = new LowerContext(entryScope);
  for (const statement of statements) ctx.runStatements.add(statement);
  const variables = assigned.map((name) => ctx.declareRunVariable(name));
  const anchor = statements[0];
  // Each assigned variable starts from its workflow value (or undefined when the run declares it); the bindings run in order.
  const initial = assigned.map((name, i) => {
    rebound = variables.slice(0, i);
    return `${variables[i]} := ${(anchor && entryScope.lookup(name, anchor)) ?? '()'}`;
  });
  rebound = variables;
  const single = assigned.length === 1;
  const end = single ? variables[0] : `{${assigned.map((name, i) => `${JSON.stringify(name)}: ${variables[i]}`).join(', ')}}`;
  const body = lowerBlock(statements, 0, { mutable: variables, end }, ctx);
  const prelude = [...[...entry].map(([text, temporary]) => `${temporary} := ${text}`), ...initial];
  const text = finish(prelude.length ? `(${prelude.join('; ')}; ${body})` : body, ctx);
  if (single) return { [assigned[0]]: text };
  return Object.fromEntries(assigned.map((name) => [name, `$lookup(${text}, ${JSON.stringify(name)})`]));
}

/**
 * The value of each name a destructuring pattern binds from `value` (JSONata
 * text), with JavaScript's defaults (for `undefined` only) and rest
 * elements: one self-contained text per binding element.
 *
 * @example
 * lowerPatternBindings(`{ a = 1, ...rest }`, '$states.input', scope) // [[a, '$lookup((…), "a")'], [rest, …]]
 */
export function lowerPatternBindings(pattern: BindingName, value: string, scope: ExpressionScope): Array<[Node, string]> {
  const ctx = new LowerContext(scope);
  const bound: Array<[Node, string]> = [];
  const bindings = bindPattern(pattern, value, ctx, (node, name) => {
    const variable = ctx.declareLocal(node, name);
    bound.push([node, variable]);
    return variable;
  });
  const record = `{${bound.map(([, variable]) => `${JSON.stringify(variable.slice(1))}: ${variable}`).join(', ')}}`;
  const text = finish(`(${bindings.join('; ')}; ${record})`, ctx);
  return bound.map(([node, variable]) => [node, `$lookup(${text}, ${JSON.stringify(variable.slice(1))})`]);
}

/** True when JSONata `text` mentions the variable `variable` (`$acc`, not `$accTotal`). */
function readsVariable(text: string, variable: string): boolean {
  return new RegExp(`\\${variable.slice(1)}(?![A-Za-z0-9_])`).test(text);
}

/** Binds the local helper functions and runtime helpers the text uses around it. */
function finish(text: string, ctx: LowerContext): string {
  const functions = [...ctx.functions.values()].map((fn) => `${fn.variable} := ${fn.text}`);
  const inner = functions.length ? `(${functions.join('; ')}; ${text})` : text;
  return withHelpers(inner, ctx.helpers);
}
