import type { ReturnStatement } from 'ts-morph';
import { lowerValue } from '../awaited/value.js';
import type { LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';

/**
 * `return value` → the workflow's (or the Map iteration's) output: a Succeed
 * with Output, or, for `return await task(…)`, the task itself ends with its
 * result as Output.
 *
 * @example
 * // return { chargeId } → { Type: 'Succeed', Output: "{% {'chargeId': $chargeId} %}" }
 */
export function lowerReturnStatement(statement: ReturnStatement, flow: Flow, ctx: LoweringContext): void {
  if (ctx.finallies > 0) {
    ctx.diagnostics.report('return_in_finally_try', statement);
    return;
  }
  const expression = statement.getExpression();
  if (!expression) {
    flow.add({ kind: 'succeed', hint: 'Return', node: statement, assign: new Map(), output: 'null' });
    return;
  }
  lowerValue(expression, { kind: 'return' }, flow, ctx);
}
