import { Node, type ReturnStatement } from '../../../ts-morph.js';
import { sendNothing } from '../awaited/helper-call.js';
import { sinkBindings, throughPath, type Sink } from '../awaited/result-binding.js';
import { lowerReturnedValue } from '../awaited/value.js';
import type { LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';
import type { IrSucceed } from '../ir.js';
import type { Reader } from '../pending.js';
import { runFinallyBlocks } from './finally-exit.js';

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
