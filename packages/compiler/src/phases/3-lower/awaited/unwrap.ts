import { Node, type Expression } from '../../../ts-morph.js';

/** Strips parentheses and type-only wrappers. */
export function unwrap(expression: Expression): Expression {
  let inner = expression;
  while (Node.isParenthesizedExpression(inner) || Node.isAsExpression(inner) || Node.isNonNullExpression(inner) || Node.isSatisfiesExpression(inner) || Node.isTypeAssertion(inner)) {
    inner = inner.getExpression();
  }
  return inner;
}
