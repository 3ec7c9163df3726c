import { Node, SyntaxKind, type CallExpression } from '../../../ts-morph.js';
import { isTaskCallee } from '../../1-discover/task-declarations.js';
import { helperFunctionOf, nameVariables, reportOuterAssignments, type HelperFunction } from '../../2-analyze/index.js';
import { addConditionChoice } from '../condition-choice.js';
import type { LoweringContext } from '../context.js';
import type { DeferredFunction } from '../expressions/index.js';
import { sourceSnippet } from '../state-hints.js';
import { helperName, isLocalAsyncHelper, localHelperProblem, lowerExpression } from '../expressions/index.js';
import { label, type Flow } from '../flow.js';
import { scopeOf, type Reader } from '../pending.js';
import { bindingsOf, type Sink } from './result-binding.js';

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
  // A helper declared in the workflow is inlined only when what it closes over cannot change (`local-helpers.ts`).
  const problem = isLocalAsyncHelper(fn) ? localHelperProblem(fn) : undefined;
  if (problem) {
    ctx.diagnostics.report('local_helper_not_inlined', problem.node, { name: problem.name, reason: problem.reason });
    return;
  }
  inlineFunction(fn, call, sink, flow, ctx, (inner) => bindParameters(call, fn, flow, ctx, inner));
}

/**
 * `await step()` where `step` walks a list of kept functions (see
 * `deferred-calls.ts`): a Choice on the item's `fn` whose branches inline each
 * function's body, the names it closes over bound from the item's `env`.
 * One function needs no Choice.
 *
 * @example
 * // undo.push(() => cancelFlight({ ref: f.ref })); … for (const step of undo.reverse()) await step();
 * // → Task "Cancel flight" reading $f_2.ref, after f_2 := $step.env.f
 */
export function lowerDeferredCall(call: CallExpression, targets: DeferredFunction[], sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const item = ctx.names.ofReference(call.getExpression());
  if (item === undefined) {
    ctx.diagnostics.report('unsupported_await', call, { text: call.getText() });
    return;
  }
  const after = label();
  let rest = flow;
  targets.forEach((target, index) => {
    let branch = rest;
    if (index < targets.length - 1) {
      const [matches, otherwise] = addConditionChoice(`If ${call.getExpression().getText()} is ${describeKept(target.fn)}`, call, (read) => `${read(item)}.fn = ${target.id}`, rest, ctx);
      branch = rest.fork([matches]);
      rest = rest.fork([otherwise]);
    }
    inlineFunction(target.fn, call, sink, branch, ctx, (inner) => {
      for (const captured of target.captured) {
        const variable = inner.names.declare(captured.declaration, captured.key);
        branch.pending.push({ kind: 'bind', variable, value: (read) => `$lookup(${read(item)}.env, ${JSON.stringify(captured.key)})` });
      }
    });
    branch.jump(after, call);
  });
  flow.continueAfter(after);
}

/** A kept function by the tasks it calls (`cancelFlight`), for its Choice's name. */
function describeKept(fn: AsyncHelper): string {
  const tasks = fn.getDescendantsOfKind(SyntaxKind.CallExpression).map((call) => call.getExpression()).filter(isTaskCallee).map((callee) => callee.getText());
  return [...new Set(tasks)].join(' and ') || sourceSnippet(fn);
}

/**
 * Inlines `fn`'s body for one call into `flow`: a frame of variable names of
 * its own, `bind` to give its parameters (or closed-over names) their values,
 * a `return` to `sink`, a `throw` to the caller's handler.
 */
function inlineFunction(fn: AsyncHelper, call: CallExpression, sink: Sink, flow: Flow, ctx: LoweringContext, bind: (inner: LoweringContext) => void): void {
  // Each call reports the same problems of the helper again; the collector keeps one of each.
  const names = nameVariables(fn, ctx.diagnostics, ctx.names.frame());
  reportOuterAssignments(fn, names, ctx.diagnostics);
  const body = fn.getBody()!;
  const after = label();
  const inner: LoweringContext = { ...ctx, names, loops: [], finallies: [], inlining: [...ctx.inlining, fn], helperReturn: { sink, after, body } };
  bind(inner);
  if (Node.isBlock(body)) {
    ctx.visit.statements(body.getStatements(), flow, inner);
    const last = body.getStatements().at(-1);
    // Falling off the end returns undefined: JSON's null for a value that must exist.
    if (flow.live && !(last && Node.isReturnStatement(last))) sendNothing(body, sink, flow);
  } else if (Node.isExpression(body)) {
    ctx.visit.returnedValue(body, sink, flow, inner);
  }
  if (after.incoming > 0) {
    flow.jump(after, call);
    flow.continueAfter(after);
  }
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

/** A helper that returns nothing: `null` where the value must exist (a workflow output, a compiler variable). */
export function sendNothing(node: Node, sink: Sink, flow: Flow): void {
  if (sink.kind === 'variable') flow.pending.push({ kind: 'bind', variable: sink.variable, value: () => 'null' });
  else if (sink.kind === 'return') flow.add({ kind: 'succeed', hint: 'Return', node, assign: new Map(), output: 'null' });
}
