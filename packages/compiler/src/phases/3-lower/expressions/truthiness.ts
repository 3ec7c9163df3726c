import type { Expression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../ts-morph.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { bindOnce } from './text.js';
import { truthinessKinds } from './nan-values.js';
import { kindsOf, onlyKinds, type Kinds } from './value-kinds.js';

/**
 * JSONata boolean text that is true exactly when a value of `kinds` is truthy in JavaScript.
 * JSONata's own truthiness ($boolean) differs: `{}` and `[]` are false there, and `"0"`… are fine, so it is never used.
 *
 * @example
 * truthy('$name', new Set(['string', 'undefined']), ctx) // '($name != "")'
 */
export function truthy(text: string, kinds: Kinds, ctx: LowerContext): string {
  if (onlyKinds(kinds, 'boolean')) return text;
  if (onlyKinds(kinds, 'null', 'undefined')) return 'false';
  // A comparison with a missing value is false in JSONata, so `undefined` falls out right in these three;
  // null must be ruled out separately where `!= null` would not already do it.
  if (onlyKinds(kinds, 'boolean', 'undefined', 'null')) return `(${text} = true)`;
  if (onlyKinds(kinds, 'number', 'undefined')) return `(${text} != 0)`;
  if (onlyKinds(kinds, 'string', 'undefined')) return `(${text} != "")`;
  if (onlyKinds(kinds, 'number', 'undefined', 'null')) return bindOnce(text, ctx, (v) => `(${v} != 0 and ${v} != null)`);
  if (onlyKinds(kinds, 'string', 'undefined', 'null')) return bindOnce(text, ctx, (v) => `(${v} != "" and ${v} != null)`);
  if (onlyKinds(kinds, 'object', 'array', 'function')) return `$exists(${text})`;
  if (onlyKinds(kinds, 'object', 'array', 'function', 'undefined', 'null')) return `(${text} != null)`;
  return `${ctx.helper('truthy')}(${text})`;
}

/**
 * Lowers `expression` in a boolean position (if, while, ternary, filter callbacks):
 * `&&`, `||` and `!` become JSONata `and`, `or` and `$not` over truthiness.
 */
export function lowerConditionNode(expression: Expression, ctx: LowerContext): string {
  const hoisted = ctx.scope.hoisted?.(expression);
  if (hoisted !== undefined) return truthy(hoisted, kindsOf(expression), ctx);
  if (Node.isParenthesizedExpression(expression)) return lowerConditionNode(expression.getExpression(), ctx);
  if (Node.isBinaryExpression(expression)) {
    const operator = expression.getOperatorToken().getKind();
    if (operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.BarBarToken) {
      const left = lowerConditionNode(expression.getLeft(), ctx);
      const right = lowerConditionNode(expression.getRight(), ctx);
      return `(${left} ${operator === SyntaxKind.AmpersandAmpersandToken ? 'and' : 'or'} ${right})`;
    }
  }
  if (Node.isPrefixUnaryExpression(expression) && expression.getOperatorToken() === SyntaxKind.ExclamationToken) {
    return `$not(${lowerConditionNode(expression.getOperand(), ctx)})`;
  }
  return truthy(lowerNode(expression, ctx), truthinessKinds(expression), ctx);
}
