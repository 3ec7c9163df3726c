import { Node, SyntaxKind, type Type } from '../../ts-morph.js';

/**
 * True when a value of `type` may be `undefined` at run time: the type says
 * so (`T | undefined`, an optional field, `void`), or it says nothing
 * (`any`, `unknown`).
 *
 * @example
 * mayBeUndefined(typeOf(`profile.nickname`)) // true for `nickname?: string`
 */
export function mayBeUndefined(type: Type): boolean {
  if (type.isUndefined() || type.isVoid() || type.isAny() || type.isUnknown()) return true;
  return type.isUnion() && type.getUnionTypes().some((part) => part.isUndefined() || part.isVoid());
}

/**
 * True for a read whose declared type does not admit `undefined` although
 * JavaScript gives it: `xs[i]` outside the array, and `o.k` or `o[k]`
 * through an index signature (`Record<string, T>`) for a missing key.
 */
export function readsThroughIndex(expression: Node | undefined): boolean {
  let inner = expression;
  while (inner && (Node.isParenthesizedExpression(inner) || Node.isAsExpression(inner) || Node.isNonNullExpression(inner) || Node.isSatisfiesExpression(inner))) inner = inner.getExpression();
  if (!inner) return false;
  if (Node.isElementAccessExpression(inner)) return true;
  if (Node.isPropertyAccessExpression(inner)) {
    // A declared property has a symbol with a declaration; a key of an index signature has none.
    const declarations = inner.getNameNode().getSymbol()?.getDeclarations() ?? [];
    return declarations.length === 0 || declarations.every((declaration) => declaration.getKind() === SyntaxKind.IndexSignature);
  }
  return false;
}
