import { Node, SyntaxKind, type ExpressionStatement } from '../../../ts-morph.js';
import { throwingHelperOf } from '../../2-analyze/index.js';
import { hoistAwaits, lowerShortCircuitStatement } from '../awaited/hoist.js';
import { unwrap } from '../awaited/unwrap.js';
import { lowerValue } from '../awaited/value.js';
import type { LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';

/**
 * `await task(…);` or `check(…);` of a plain helper that may throw (result discarded), `x = await task(…);` (result
 * assigned to an existing variable), and any other statement with awaits
 * inside (`total += (await price(i)).amount;`, `xs.push(await t());`): its
 * awaits run first, each into a variable, then the statement is pure.
 *
 * @example
 * // total = await sum(items) → Assign: { total: '{% $states.result.Payload %}' }
 */
export function lowerExpressionStatement(statement: ExpressionStatement, flow: Flow, ctx: LoweringContext): void {
  const expression = unwrap(statement.getExpression());
  if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.EqualsToken && Node.isIdentifier(expression.getLeft())) {
    lowerValue(expression.getRight(), { kind: 'bind', target: expression.getLeft() }, flow, ctx);
    return;
  }
  if (Node.isAwaitExpression(expression) || Node.isConditionalExpression(expression) || (Node.isCallExpression(expression) && throwingHelperOf(expression))) {
    lowerValue(expression, { kind: 'discard' }, flow, ctx);
    return;
  }
  if (lowerShortCircuitStatement(expression, flow, ctx)) return;
  hoistAwaits(expression, flow, ctx);
  if (flow.live) flow.pending.push({ kind: 'statements', statements: [statement], names: ctx.names });
}
