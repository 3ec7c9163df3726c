import { Node, SyntaxKind, type ExpressionStatement } from 'ts-morph';
import { containsAwait } from '../../2-analyze/index.js';
import { lowerValue, unwrap } from '../awaited/value.js';
import type { LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';

/**
 * `await task(…);` (result discarded) and `x = await task(…);` (result
 * assigned to an existing variable).
 *
 * @example
 * // total = await sum(items) → Assign: { total: '{% $states.result.Payload %}' }
 */
export function lowerExpressionStatement(statement: ExpressionStatement, flow: Flow, ctx: LoweringContext): void {
  const expression = unwrap(statement.getExpression());
  if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
    if (containsAwait(expression.getLeft())) {
      ctx.diagnostics.report('await_in_expression', expression.getLeft());
      return;
    }
    lowerValue(expression.getRight(), { kind: 'bind', target: expression.getLeft() }, flow, ctx);
    return;
  }
  lowerValue(expression, { kind: 'discard' }, flow, ctx);
}
