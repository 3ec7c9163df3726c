import { Node, type CallExpression, type ReturnStatement } from 'ts-morph';
import { helperFunctionOf, nameVariables, reportOuterAssignments, type HelperFunction } from '../../2-analyze/index.js';
import type { LoweringContext } from '../context.js';
import { lowerExpression } from '../expressions/index.js';
import { label, type Flow } from '../flow.js';
import type { IrSucceed } from '../ir.js';
import { scopeOf, type Reader } from '../pending.js';
import { runFinallyBlocks } from '../statements/finally-exit.js';
import { lowerStatements } from '../statements/statements.js';
import { bindingsOf, sinkBindings, throughPath, type Sink } from './result-binding.js';
import { lowerReturnedValue } from './value.js';

/** A function whose calls are inlined into the caller's graph: an async helper, or a plain one that may throw. */
export type AsyncHelper = HelperFunction;

/**
 * The async helper a callee names (see `helperFunctionOf`), in this module
 * or imported from another one. Undefined for anything else.
 *
 * @example
 * asyncHelperOf(`reserve`) // async function reserve(item) { … }
 */
export function asyncHelperOf(callee: Node): AsyncHelper | undefined {
  const fn = helperFunctionOf(callee);
  return fn?.isAsync() ? fn : undefined;
}

/**
 * `await helper(args)`, or `check(args)` of a plain helper that may throw
 * (`throwingHelperOf`) → the helper's body inlined into the caller's graph,
 * its value sent to `sink`. Each call gets its own frame of variable names
 * (`qty`, then `qty_2`…), so the locals of two calls, or of a call inside a
 * Map iteration and one outside, never share an ASL variable. Parameters
 * bind to the arguments (read with the caller's names), a `return` sends
 * its value to the sink and jumps past the body, and a `throw` goes to the
 * caller's handler. A call of a helper that is being inlined (recursion,
 * direct or mutual) is reported: the graph would be infinite.
 *
 * @example
 * // const r = await reserve(item)  where  async function reserve(x) { const s = await stock(x); return s.left; }
 * // → Task "Stock" (Assign: { s: …, r: $states.result.Payload.left })
 */
export function lowerHelperCall(call: CallExpression, fn: AsyncHelper, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const cycle = ctx.inlining.indexOf(fn);
  if (cycle >= 0) {
    const chain = [...ctx.inlining.slice(cycle), fn].map((helper) => helperName(helper as AsyncHelper)).join(' → ');
    ctx.diagnostics.report('helper_recursion', call, { name: helperName(fn), cycle: chain, kind: fn.isAsync() ? 'an async helper' : 'a plain helper that may throw' });
    return;
  }
  // Each call reports the same problems of the helper again; the collector keeps one of each.
  const names = nameVariables(fn, ctx.diagnostics, ctx.names.frame());
  reportOuterAssignments(fn, names, ctx.diagnostics);
  const body = fn.getBody()!;
  const after = label();
  const inner: LoweringContext = { ...ctx, names, loops: [], finallies: [], inlining: [...ctx.inlining, fn], helperReturn: { sink, after, body } };
  bindParameters(call, fn, flow, ctx, inner);
  if (Node.isBlock(body)) {
    lowerStatements(body.getStatements(), flow, inner);
    const last = body.getStatements().at(-1);
    // Falling off the end returns undefined: JSON's null for a value that must exist.
    if (flow.live && !(last && Node.isReturnStatement(last))) sendNothing(body, sink, flow);
  } else if (Node.isExpression(body)) {
    lowerReturnedValue(body, sink, flow, inner);
  }
  if (after.incoming > 0) {
    flow.jump(after, call);
    flow.continueAfter(after);
  }
}

/**
 * `return value` inside an inlined helper: the value goes to the call's
 * sink (after the helper's own `finally` blocks), then control continues
 * after the call — directly when this is the body's last statement, else
 * through the join after the body.
 */
export function lowerHelperReturn(statement: ReturnStatement, flow: Flow, ctx: LoweringContext): void {
  const { sink, after, body } = ctx.helperReturn!;
  const expression = statement.getExpression();
  if (ctx.finallies.length > 0) {
    const variable = ctx.names.fresh('result');
    if (expression) lowerReturnedValue(expression, { kind: 'variable', variable }, flow, ctx);
    else flow.pending.push({ kind: 'bind', variable, value: () => 'null' });
    runFinallyBlocks(0, 'return', flow, ctx);
    if (flow.live) sendVariable(variable, statement, sink, flow, ctx);
  } else if (expression) lowerReturnedValue(expression, sink, flow, ctx);
  else sendNothing(statement, sink, flow);
  const last = Node.isBlock(body) && body.getStatements().at(-1) === statement;
  if (flow.live && !last) flow.jump(after, statement);
}

/** Binds each parameter to its argument (caller's names) or its default (helper's names). */
function bindParameters(call: CallExpression, fn: AsyncHelper, flow: Flow, caller: LoweringContext, inner: LoweringContext): void {
  const args = call.getArguments();
  fn.getParameters().forEach((parameter, index) => {
    const argument = args[index];
    if (parameter.isRestParameter() || (argument && Node.isSpreadElement(argument))) {
      caller.diagnostics.report('unsupported_binding_pattern', parameter);
      return;
    }
    const initializer = parameter.getInitializer();
    const value = (read: Reader) => {
      const given = argument && Node.isExpression(argument) ? lowerExpression(argument, scopeOf(read, caller.names, caller.diagnostics)) : undefined;
      const fallback = initializer ? lowerExpression(initializer, scopeOf(read, inner.names, inner.diagnostics)) : undefined;
      if (given !== undefined && fallback !== undefined) return `($argument := ${given}; $exists($argument) ? $argument : ${fallback})`;
      return given ?? fallback ?? '()';
    };
    if (Node.isIdentifier(parameter.getNameNode())) {
      const variable = inner.names.of(parameter);
      if (variable === undefined) return;
      // A parameter nobody passes is undefined, which an ASL variable cannot hold: reads of it give nothing.
      if (!argument && !initializer) inner.overrides.set(variable, '()');
      else flow.pending.push({ kind: 'bind', variable, value });
      return;
    }
    const whole = inner.names.fresh('argument');
    flow.pending.push({ kind: 'bind', variable: whole, value });
    for (const [variable, path] of bindingsOf(parameter, '__ARGUMENT__', inner)) {
      flow.pending.push({ kind: 'bind', variable, value: (read) => path.replace('__ARGUMENT__', read(whole)) });
    }
  });
}

/** A helper's value kept in a variable (while its `finally` blocks ran) sent to the call's sink. */
function sendVariable(variable: string, node: Node, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  if (sink.kind === 'variable' || sink.kind === 'bind') {
    for (const [target, path] of sinkBindings(sink, throughPath('__VALUE__', sink), ctx)) {
      flow.pending.push({ kind: 'bind', variable: target, value: (read) => path.replace('__VALUE__', read(variable)) });
    }
  } else if (sink.kind === 'return') {
    const output = (read: Reader) => throughPath(read(variable), sink);
    if (flow.endWithOutput(output)) return;
    const succeed: IrSucceed = { kind: 'succeed', hint: 'Return', node, assign: new Map() };
    flow.add(succeed, (read) => (succeed.output = output(read)));
  }
}

/** A helper that returns nothing: `null` where the value must exist (a workflow output, a compiler variable). */
function sendNothing(node: Node, sink: Sink, flow: Flow): void {
  if (sink.kind === 'variable') flow.pending.push({ kind: 'bind', variable: sink.variable, value: () => 'null' });
  else if (sink.kind === 'return') flow.add({ kind: 'succeed', hint: 'Return', node, assign: new Map(), output: 'null' });
}

function helperName(fn: AsyncHelper): string {
  if (Node.isFunctionDeclaration(fn)) return fn.getName() ?? 'function';
  const parent = fn.getParent();
  return Node.isVariableDeclaration(parent) ? parent.getName() : 'function';
}
