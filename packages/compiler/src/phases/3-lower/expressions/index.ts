/**
 * Lowers TypeScript expressions and await-free statement runs to JSONata text
 * that computes what JavaScript would compute. Where the two languages differ
 * the lowering either reproduces JavaScript (helpers in `runtime-helpers.ts`)
 * or reports a diagnostic; the README's "JavaScript semantics" section lists
 * every decision.
 */
import type { BindingName, CallExpression, Expression, Node, Statement } from 'ts-morph';
import { bindPattern } from './bindings.js';
import { lowerEffect, lowerMutationCall } from './effects.js';
import { DiagnosticCollector } from '../../../diagnostics/index.js';
import { EntryReads } from './entry-reads.js';
export { changesInPlace } from './in-place.js';
export { deferredTargets, type DeferredFunction } from './deferred-calls.js';
export { lookupTableOf, tableCallOf, tableCallProblem, type LookupEntry, type LookupTable, type TableCall } from './lookup-tables.js';
export { helperName, isLocalAsyncHelper, localHelperProblem, type LocalHelper } from './local-helpers.js';
export { CONTEXT_OBJECT } from './context-object.js';
export { hoistProblem, isChange, isMutation, isUsed, isVariableAssignment, isVariableUpdate } from './effects.js';
import { LowerContext, lowerNode } from './lower-context.js';
import { withHelpers } from './runtime-helpers.js';
import { declaredNames, namesDefinedBy, sliceRun } from './slices.js';
import { lowerBlock, type Flow } from './statements.js';
import { sequence } from './text.js';
import { expressionVisitors } from './visitors.js';
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
  return lowerWith(scope, (ctx) => lowerNode(expression, ctx));
}

/**
 * JSONata boolean text that is true exactly when `expression` is truthy in JavaScript.
 *
 * @example
 * lowerCondition(`items.length`, scope) // '($count($items) != 0)'
 */
export function lowerCondition(expression: Expression, scope: ExpressionScope): string {
  return lowerWith(scope, (ctx) => lowerConditionNode(expression, ctx));
}

/**
 * An await-free run of statements (const/let declarations, assignments incl. +=/++ , if/else, switch,
 * while/do/for/for…of with break/continue — no await, no return/throw out of the run) lowered to one
 * JSONata expression per name in `assigned` giving its value after the run, each self-contained over
 * the values at the start of the run (ASL Assign reads state-entry values: all entries see the same old values).
 * Each name's expression holds only the statements its value depends on (`sliceRun`), so an Assign
 * does not repeat the whole run once per variable.
 *
 * @example
 * lowerPureStatements([`total += 1;`, `const label = "x";`], scope, ['total', 'label']) // { total: '($total + 1)', label: '"x"' }
 */
export function lowerPureStatements(statements: Statement[], scope: ExpressionScope, assigned: string[]): Record<string, string> {
  if (assigned.length === 0) {
    // Nothing to carry, but the run is still checked: its diagnostics are reported.
    lowerRunValue(statements, scope, [], undefined);
    return {};
  }
  if (assigned.length === 1) return { [assigned[0]!]: lowerRunValue(statements, scope, assigned, assigned[0]) };
  // Slices share statements: a diagnostic about one is reported once.
  const reported = new Set<string>();
  const out: Record<string, string> = {};
  for (const [name, slice] of sliceRun(statements, assigned)) {
    const diagnostics = new DiagnosticCollector();
    const changed = assigned.filter((other) => other === name || slice.some((statement) => namesDefinedBy(statement).has(other)));
    out[name] = lowerRunValue(slice, { ...scope, diagnostics }, changed, name);
    for (const diagnostic of diagnostics.diagnostics) {
      if (reported.has(String(diagnostic))) continue;
      reported.add(String(diagnostic));
      scope.diagnostics.diagnostics.push(diagnostic);
    }
  }
  return out;
}

/** `result`'s value after `statements`, which may change the workflow variables `changed` (among them `result`). */
function lowerRunValue(statements: Statement[], scope: ExpressionScope, changed: string[], result: string | undefined): string {
  return lowerWith(scope, (ctx, reads) => {
    for (const statement of statements) ctx.runStatements.add(statement);
    const variables = changed.map((name) => ctx.declareRunVariable(name));
    const anchor = statements[0];
    const declared = new Set(statements.flatMap(declaredNames));
    // Each changed variable starts from its workflow value, unless the run declares it (a read before would not type-check).
    const initial = changed.flatMap((name, i) => {
      if (declared.has(name)) return [];
      const value = (anchor && scope.lookup(name, anchor)) ?? '()';
      return value === variables[i] ? [] : [`${variables[i]} := ${reads.read(value)}`];
    });
    const body = lowerBlock(statements, 0, { mutable: variables, end: result === undefined ? '{}' : variables[changed.indexOf(result)]! }, ctx);
    return sequence(initial, body);
  });
}

/**
 * A call that changes its receiver (`steps.reverse()`, `queue.shift()`),
 * evaluated by itself before the expression that uses its value: the new
 * value of the variable `root` (the receiver's root), or the call's result.
 * The alias rules of a change in place apply (`expression_mutation_aliased`).
 *
 * @example
 * lowerMutationEffect(`steps.reverse()`, 'steps', scope, 'root') // '[$reverse($steps)]'
 */
export function lowerMutationEffect(call: CallExpression, root: string, scope: ExpressionScope, value: 'root' | 'result'): string {
  return lowerRebinding(call, root, scope, (variable, flow, ctx) => lowerMutationCall(call, flow, ctx, (result) => (value === 'result' ? result : variable)));
}

/**
 * An assignment to the variable `root` whose value is used (`last = total +=
 * n`), evaluated by itself before the expression that uses it: the variable's
 * new value, as the assignment statement would compute it.
 *
 * @example
 * lowerAssignmentEffect(`total += r.n`, 'total', scope) // '($total := $total + $r.n; $total)'
 */
export function lowerAssignmentEffect(assignment: Expression, root: string, scope: ExpressionScope): string {
  return lowerRebinding(assignment, root, scope, (variable, flow, ctx) => lowerEffect(assignment, flow, () => variable, ctx));
}

/**
 * The change `node` makes to the variable `root`, lowered on its own: the
 * variable is read from outside, `change` rebinds it (the only variable it may
 * change) and says what the text ends with.
 */
function lowerRebinding(node: Node, root: string, scope: ExpressionScope, change: (variable: string, flow: Flow, ctx: LowerContext) => string): string {
  return lowerWith(scope, (ctx, reads) => {
    const variable = ctx.declareRunVariable(root);
    const current = reads.read(scope.lookup(root, node) ?? '()');
    return sequence(current === variable ? [] : [`${variable} := ${current}`], change(variable, { mutable: [variable], end: variable }, ctx));
  });
}

/**
 * Lowers through a fresh context whose reads of outside values are placed by
 * {@link EntryReads}, after binding the helper functions the text calls (their
 * bodies read outside values too), and binds the runtime helpers it uses.
 */
function lowerWith(scope: ExpressionScope, build: (ctx: LowerContext, reads: EntryReads) => string): string {
  const reads = new EntryReads(scope);
  const ctx = new LowerContext(reads.scope, expressionVisitors);
  const text = build(ctx, reads);
  const functions = [...ctx.functions.values()].map((fn) => `${fn.variable} := ${fn.text}`);
  const resolved = reads.resolve(functions.length ? `(${functions.join('; ')}; ${text})` : text);
  return withHelpers(sequence(resolved.bindings, resolved.text), ctx.helpers);
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
  const bound: Array<[Node, string]> = [];
  const text = lowerWith(scope, (ctx) => {
    const bindings = bindPattern(pattern, value, ctx, (node, name) => {
      const variable = ctx.declareLocal(node, name);
      bound.push([node, variable]);
      return variable;
    });
    return sequence(bindings, `{${bound.map(([, variable]) => `${JSON.stringify(variable.slice(1))}: ${variable}`).join(', ')}}`);
  });
  return bound.map(([node, variable]) => [node, `$lookup(${text}, ${JSON.stringify(variable.slice(1))})`]);
}
