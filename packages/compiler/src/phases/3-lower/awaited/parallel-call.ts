import { Node, type CallExpression } from 'ts-morph';
import { nestedContext, type LoweringContext } from '../context.js';
import { Flow, label } from '../flow.js';
import type { IrParallel } from '../ir.js';
import { humanize } from '../state-hints.js';
import { catchersFor } from './catchers.js';
import { type Sink } from './result-binding.js';
import { sendResult } from './task-call.js';
import { lowerTaskCall } from './task-call.js';

/** `Promise.all(…)` of the global Promise (not a user function of that name). */
export function isPromiseAll(call: CallExpression): boolean {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'all') return false;
  const owner = callee.getExpression();
  if (!Node.isIdentifier(owner) || owner.getText() !== 'Promise') return false;
  const declaration = owner.getSymbol()?.getDeclarations()[0];
  return declaration === undefined || declaration.getSourceFile().isDeclarationFile();
}

/**
 * `await Promise.all([a(x), b(y)])` → a Parallel state with one branch per
 * task call; the result is the array of the branches' results, in order.
 *
 * @example
 * // const [user, account] = await Promise.all([getUser(id), getAccount(id)]);
 */
export function lowerParallelCall(call: CallExpression, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const [list] = call.getArguments();
  if (!list || !Node.isArrayLiteralExpression(list) || list.getElements().length === 0) {
    ctx.diagnostics.report('parallel_not_task_list', list ?? call);
    return;
  }
  // Branches read the workflow's variables as they are when the Parallel starts: give pending work to a state first.
  flow.flush(call);
  const branches = [];
  const hints: string[] = [];
  for (const element of list.getElements()) {
    const task = Node.isCallExpression(element) ? ctx.tasks.describe(element.getExpression()) : undefined;
    if (!task || !Node.isCallExpression(element)) {
      ctx.diagnostics.report('parallel_not_task_list', element);
      continue;
    }
    hints.push(task.name ?? humanize(element.getExpression().getText()));
    const start = label();
    const branchCtx = nestedContext(ctx);
    const branch = new Flow(branchCtx, [{ set: (target) => (start.next = target) }]);
    lowerTaskCall(element, task, { kind: 'return' }, branch, branchCtx);
    branches.push({ start });
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
