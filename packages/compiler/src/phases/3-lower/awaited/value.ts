import { Node, type AwaitExpression, type CallExpression, type Expression } from '../../../ts-morph.js';
import { containsAwait, throwingHelperOf } from '../../2-analyze/index.js';
import { dslNameOf } from '../../1-discover/index.js';
import { addConditionChoice } from '../condition-choice.js';
import type { LoweringContext } from '../context.js';
import { deferredTargets, lowerExpression, tableCallOf } from '../expressions/index.js';
import { label, type Flow } from '../flow.js';
import type { IrSucceed } from '../ir.js';
import { scopeOf, type Reader } from '../pending.js';
import { sourceSnippet } from '../state-hints.js';
import { lowerMapCall, isPromiseAllOfMap } from './map-call.js';
import { globalPromiseMethod, lowerParallelCall, isPromiseAll } from './parallel-call.js';
import { asyncHelperOf, lowerDeferredCall, lowerHelperCall } from './helper-call.js';
import { orNull, sinkBindings, throughPath, type Sink } from './result-binding.js';
import { lowerTableCall } from './table-call.js';
import { lowerTaskCall } from './task-call.js';
import { unwrap } from './unwrap.js';
import { lowerWaitCall } from './wait-call.js';

/**
 * Lowers an expression whose value goes to `sink` and that awaits: `await
 * <task call | sleep | Promise.all | map | async helper>`, a conditional
 * whose branches await (a Choice), or any expression with awaits inside
 * (they run first, see `hoistAwaits`, and the rest is pure).
 *
 * @example
 * lowerValue(`await chargeCard(req)`, { kind: 'bind', target: declaration }, flow, ctx)
 */
export function lowerValue(expression: Expression, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const inner = unwrap(expression);
  if (Node.isAwaitExpression(inner)) {
    lowerAwaited(unwrap(inner.getExpression()), inner, sink, flow, ctx);
    return;
  }
  // `(await task(x)).a.b`: the task's result, read through a path of plain property names.
  const path: string[] = [];
  let base: Expression = inner;
  while (Node.isPropertyAccessExpression(base) && !base.hasQuestionDotToken()) {
    path.unshift(base.getName());
    base = unwrap(base.getExpression());
  }
  if (path.length > 0 && Node.isAwaitExpression(base) && sink.kind !== 'discard') {
    lowerAwaited(unwrap(base.getExpression()), base, { ...sink, path: [...path, ...(sink.path ?? [])] }, flow, ctx);
    return;
  }
  // `check(x)` of a plain helper that may throw: inlined like `await helper(x)`.
  if (Node.isCallExpression(inner) && throwingHelperOf(inner)) {
    lowerAwaited(inner, inner, sink, flow, ctx);
    return;
  }
  // `return task(x)` in an async function returns the task's promise, which the caller awaits.
  if ((sink.kind === 'return' || (sink.kind === 'variable' && sink.returned)) && Node.isCallExpression(inner) && isAwaitable(inner, ctx)) {
    lowerAwaited(inner, inner, sink, flow, ctx);
    return;
  }
  if (Node.isConditionalExpression(inner) && (containsAwait(inner.getWhenTrue()) || containsAwait(inner.getWhenFalse()))) {
    ctx.visit.hoistAwaits(inner.getCondition(), flow, ctx);
    if (flow.live) lowerConditional(inner, sink, flow, ctx);
    return;
  }
  ctx.visit.hoistAwaits(inner, flow, ctx);
  if (flow.live) lowerPureValue(inner, sink, flow, ctx);
}

/**
 * A value an async function returns: a returned promise (`return task(x)`,
 * `return helper(x)`) is awaited by whoever awaits the function.
 */
export function lowerReturnedValue(expression: Expression, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const inner = unwrap(expression);
  if (Node.isCallExpression(inner) && isAwaitable(inner, ctx)) lowerAwaited(inner, inner, sink, flow, ctx);
  else lowerValue(expression, sink, flow, ctx);
}

/** An `await` (or a call of a plain helper that may throw) whose value goes to a variable of the compiler's own (a hoisted sub-expression). */
export function lowerAwaitedInto(expression: AwaitExpression | CallExpression, variable: string, flow: Flow, ctx: LoweringContext): void {
  const operand = Node.isAwaitExpression(expression) ? unwrap(expression.getExpression()) : expression;
  lowerAwaited(operand, expression, { kind: 'variable', variable }, flow, ctx);
}

/** An await-free value sent to a sink: pending bindings, or the output of the last state. */
function lowerPureValue(inner: Expression, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const text = (read: Reader) => lowerExpression(inner, scopeOf(read, ctx.names, ctx.diagnostics));
  const value = (read: Reader) => (sink.path?.length ? throughPath(`(${text(read)})`, sink) : text(read));
  if (sink.kind === 'variable') {
    flow.pending.push({ kind: 'bind', variable: sink.variable, value });
    return;
  }
  if (sink.kind === 'bind') {
    // Each binding of the target reads the value through the current reader.
    for (const [variable, path] of sinkBindings(sink, '__VALUE__', ctx)) {
      flow.pending.push({ kind: 'bind', variable, value: (read) => path.replace('__VALUE__', `(${value(read)})`) });
    }
    return;
  }
  if (sink.kind === 'return') {
    const output = (read: Reader) => orNull(value(read), inner);
    if (flow.endWithOutput(output)) return;
    const state: IrSucceed = { kind: 'succeed', hint: 'Return', node: inner.getParent() ?? inner, assign: new Map() };
    flow.add(state, (read) => {
      state.output = output(read);
    });
  }
}

function lowerAwaited(operand: Expression, node: Node, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  if (Node.isCallExpression(operand)) {
    // Arguments are evaluated before the call: their own awaits run first.
    for (const argument of operand.getArguments()) ctx.visit.hoistAwaits(argument, flow, ctx);
    if (!flow.live) return;
    const callee = operand.getExpression();
    const dsl = dslNameOf(callee);
    if (dsl === 'sleep' || dsl === 'sleepUntil') return lowerWaitCall(operand, dsl, sink, flow, ctx);
    if (dsl === 'map' || isPromiseAllOfMap(operand)) return lowerMapCall(operand, sink, flow, ctx);
    if (isPromiseAll(operand)) return lowerParallelCall(operand, sink, flow, ctx);
    const task = ctx.tasks.describe(callee);
    if (task) return lowerTaskCall(operand, task, sink, flow, ctx);
    const helper = asyncHelperOf(callee) ?? throwingHelperOf(operand);
    if (helper) return lowerHelperCall(operand, helper, sink, flow, ctx);
    const kept = deferredTargets(callee);
    if (kept) return lowerDeferredCall(operand, kept, sink, flow, ctx);
    const table = tableCallOf(callee);
    if (table) return lowerTableCall(operand, table, sink, flow, ctx);
    const combinator = globalPromiseMethod(operand);
    if (combinator === 'race' || combinator === 'any') return void ctx.diagnostics.report('promise_first_settled', node, { method: combinator });
  }
  ctx.diagnostics.report('unsupported_await', node, { text: operand.getText().replace(/\s+/g, ' ').slice(0, 80) });
}

/** A call the compiler can wait for: a task, a nested workflow, sleep, map, Promise.all or an async helper. */
export function isAwaitable(call: Node & { getExpression(): Node }, ctx: LoweringContext): boolean {
  const callee = call.getExpression();
  const dsl = dslNameOf(callee);
  if (dsl === 'sleep' || dsl === 'sleepUntil' || dsl === 'map') return true;
  if (Node.isCallExpression(call) && isPromiseAll(call)) return true;
  return ctx.tasks.describe(callee) !== undefined || asyncHelperOf(callee) !== undefined || tableCallOf(callee) !== undefined;
}

/** `c ? await a() : b` → a Choice whose branches each send their value to the sink (the condition's own awaits ran already). */
export function lowerConditional(expression: Node & { getCondition(): Expression; getWhenTrue(): Expression; getWhenFalse(): Expression }, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const condition = expression.getCondition();
  const [whenTrue, whenFalse] = addConditionChoice(`If ${sourceSnippet(condition)}`, expression, condition, flow, ctx);
  const after = label();
  for (const [exit, branch] of [[whenTrue, expression.getWhenTrue()], [whenFalse, expression.getWhenFalse()]] as const) {
    const branchFlow = flow.fork([exit]);
    lowerValue(branch, sink, branchFlow, ctx);
    branchFlow.jump(after, branch);
  }
  flow.continueAfter(after);
}
