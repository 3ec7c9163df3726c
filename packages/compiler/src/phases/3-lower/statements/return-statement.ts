import type { ReturnStatement } from 'ts-morph';
import { mayBeUndefined } from '../../2-analyze/index.js';
import { orNull } from '../awaited/result-binding.js';
import { lowerValue } from '../awaited/value.js';
import { reportNonJson } from '../expressions/collections.js';
import type { Reader } from '../pending.js';
import type { LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';
import type { IrSucceed } from '../ir.js';
import { runFinallyBlocks } from './finally-exit.js';
import { lowerHelperReturn } from './helper-return.js';

/**
 * `return value` → the workflow's (or the Map iteration's) output: a Succeed
 * with Output, or, for `return await task(…)`, the task itself ends with its
 * result as Output. Inside `try … finally`, the value is kept in a variable
 * while the `finally` blocks run, then returned.
 *
 * @example
 * // return { chargeId } → { Type: 'Succeed', Output: "{% {'chargeId': $chargeId} %}" }
 */
export function lowerReturnStatement(statement: ReturnStatement, flow: Flow, ctx: LoweringContext): void {
  if (ctx.helperReturn) {
    lowerHelperReturn(statement, flow, ctx);
    return;
  }
  const expression = statement.getExpression();
  if (expression) reportNonJson(expression, (code, node, params) => ctx.diagnostics.report(code, node, params));
  if (ctx.finallies.length > 0) {
    const variable = ctx.names.fresh('result');
    // A value that may be undefined waits boxed, and is returned as null.
    const returned = (read: Reader) => (expression ? orNull(read(variable), expression) : read(variable));
    if (expression && mayBeUndefined(expression.getType())) ctx.names.box(variable);
    if (expression) lowerValue(expression, { kind: 'variable', variable, returned: true }, flow, ctx);
    else flow.pending.push({ kind: 'bind', variable, value: () => 'null' });
    runFinallyBlocks(0, 'return', flow, ctx);
    if (!flow.live || flow.endWithOutput(returned)) return;
    const succeed: IrSucceed = { kind: 'succeed', hint: 'Return', node: statement, assign: new Map() };
    flow.add(succeed, (read) => (succeed.output = returned(read)));
    return;
  }
  if (!expression) {
    flow.add({ kind: 'succeed', hint: 'Return', node: statement, assign: new Map(), output: 'null' });
    return;
  }
  lowerValue(expression, { kind: 'return' }, flow, ctx);
}
