import { Node, type CallExpression, type Expression } from '../../../ts-morph.js';
import { containsAwait } from '../../2-analyze/index.js';
import { nestedContext, type LoweringContext } from '../context.js';
import { Flow, label } from '../flow.js';
import type { IrGraph, IrParallel, IrPass, IrSucceed } from '../ir.js';
import { humanize, sourceSnippet } from '../state-hints.js';
import { catchersFor } from './catchers.js';
import { type Sink } from './result-binding.js';
import { fulfilled, rejected, settleGraph } from './settled.js';
import { sendResult } from './task-call.js';
import { unwrap } from './unwrap.js';

/** `Promise.all(…)` or `Promise.allSettled(…)` of the global Promise (not a user function of that name). */
export function isPromiseAll(call: CallExpression): boolean {
  return promiseCombinator(call) !== undefined;
}

/** Which of the global Promise's combinators `call` calls: `all`, `allSettled`, or neither. */
export function promiseCombinator(call: CallExpression): 'all' | 'allSettled' | undefined {
  const name = globalPromiseMethod(call);
  return name === 'all' || name === 'allSettled' ? name : undefined;
}

/** The name of the global Promise's method `call` calls (`Promise.race(…)` → `race`), or undefined. */
export function globalPromiseMethod(call: CallExpression): string | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.getName();
  const owner = callee.getExpression();
  if (!Node.isIdentifier(owner) || owner.getText() !== 'Promise') return undefined;
  const declaration = owner.getSymbol()?.getDeclarations()[0];
  return declaration === undefined || declaration.getSourceFile().isDeclarationFile() ? name : undefined;
}

/**
 * `await Promise.all([a(x), b(y)])` → a Parallel state with one branch per
 * element; the result is the array of the branches' results, in order. An
 * element is anything the compiler can wait for, lowered as the `return`
 * of its branch: a task or nested workflow call, `sleep`, `map`, another
 * `Promise.all`, an async arrow called at once (`(async () => { … })()`,
 * whose body is the branch), or a value. `Promise.allSettled` gives each
 * branch a catcher, so a failed branch yields `{ status: 'rejected', reason }`
 * and a finished one `{ status: 'fulfilled', value }`, as in JavaScript.
 *
 * @example
 * // const [user, account] = await Promise.all([getUser(id), getAccount(id)]);
 */
export function lowerParallelCall(call: CallExpression, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const [list] = call.getArguments();
  const settled = promiseCombinator(call) === 'allSettled';
  if (!list || !Node.isArrayLiteralExpression(list) || list.getElements().length === 0) {
    ctx.diagnostics.report('parallel_not_task_list', list ?? call);
    return;
  }
  // Branches read the workflow's variables as they are when the Parallel starts: give pending work to a state first.
  flow.flush(call);
  const branches: IrGraph[] = [];
  const hints: string[] = [];
  for (const element of list.getElements()) {
    const branch = lowerBranch(element, settled, ctx);
    if (!branch) continue;
    branches.push(branch);
    hints.push(hintOf(element, ctx));
  }
  const state: IrParallel = {
    kind: 'parallel',
    hint: `Run ${hints.join(' and ')}`.slice(0, 70),
    node: call,
    assign: new Map(),
    branches,
    catch: catchersFor(ctx),
  };
  flow.add(state, () => sendResult(state, '$states.result', sink, flow, ctx));
}

/** One element as a branch: its value is the branch's output (wrapped for `allSettled`). */
function lowerBranch(element: Expression, settled: boolean, ctx: LoweringContext): IrGraph | undefined {
  const branchCtx = nestedContext(ctx);
  const body = immediateAsyncBody(element);
  if (body) {
    const graph = ctx.visit.body(body, [], branchCtx);
    return settled ? settleGraph(graph, element, 'branch', branchCtx) : graph;
  }
  // `Promise.all([await a(), b()])` awaits `a()` before the list exists (and `allSettled` would not catch its failure).
  if (Node.isSpreadElement(element) || Node.isOmittedExpression(element) || containsAwait(element)) {
    ctx.diagnostics.report('parallel_not_task_list', element);
    return undefined;
  }
  const start = label();
  const branch = new Flow(branchCtx, [{ set: (target) => (start.next = target) }]);
  if (!settled) {
    ctx.visit.value(element, { kind: 'return' }, branch, branchCtx);
    return { start };
  }
  // The element's value waits in a variable; the branch ends with it as `fulfilled`, or its catcher's Pass as `rejected`.
  const value = branchCtx.names.fresh('value');
  const reason = branchCtx.names.fresh('reason');
  const handler = label();
  branchCtx.catches = [{ handler, variable: reason }];
  ctx.visit.value(element, { kind: 'variable', variable: value, returned: true }, branch, branchCtx);
  if (branch.live && !branch.endWithOutput((read) => fulfilled(read(value)))) {
    const done: IrSucceed = { kind: 'succeed', hint: 'Settle as fulfilled', node: element, assign: new Map() };
    branch.add(done, (read) => (done.output = fulfilled(read(value))));
  }
  if (handler.incoming > 0) {
    const failing = branch.fork([]);
    failing.continueAfter(handler);
    const pass: IrPass = { kind: 'pass', hint: 'Settle as rejected', node: element, assign: new Map(), output: rejected(`$${reason}`), end: true };
    failing.add(pass);
  }
  return { start };
}

/** The body of `(async () => { … })()` / `(async function () { … })()`: an async function called at once without arguments. */
function immediateAsyncBody(element: Expression) {
  const call = unwrap(element);
  if (!Node.isCallExpression(call) || call.getArguments().length > 0) return undefined;
  const callee = unwrap(call.getExpression());
  if (!(Node.isArrowFunction(callee) || Node.isFunctionExpression(callee)) || !callee.isAsync() || callee.getParameters().length > 0) return undefined;
  return callee;
}

/** A short name for a branch in the Parallel's state name. */
function hintOf(element: Expression, ctx: LoweringContext): string {
  const call = unwrap(element);
  if (Node.isCallExpression(call)) {
    const task = ctx.tasks.describe(call.getExpression());
    if (task?.name !== undefined) return task.name;
    if (!immediateAsyncBody(element)) return humanize(call.getExpression().getText());
  }
  return sourceSnippet(element, 30);
}
