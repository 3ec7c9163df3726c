import { Node, SyntaxKind } from 'ts-morph';

/** What {@link staticValue} returns for a node it cannot evaluate at compile time. */
export const NOT_STATIC: unique symbol = Symbol('not static');

/**
 * The JSON value of a literal expression, evaluated at compile time: string,
 * number, boolean and null literals, template strings without substitutions,
 * arrays, object literals, `as const`/`satisfies`, negative numbers,
 * `const` names whose initializer is itself static, and a class's `name`. Task declarations and
 * call options must be static: they become fields of the ASL.
 *
 * @example
 * staticValue(node /* { retry: { maxAttempts: 2 } } *\/) // { retry: { maxAttempts: 2 } }
 */
export function staticValue(node: Node | undefined, depth = 0): unknown {
  if (!node || depth > 20) return NOT_STATIC;
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  if (Node.isNumericLiteral(node)) return node.getLiteralValue();
  if (node.getKind() === SyntaxKind.TrueKeyword) return true;
  if (node.getKind() === SyntaxKind.FalseKeyword) return false;
  if (node.getKind() === SyntaxKind.NullKeyword) return null;
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isTypeAssertion(node)) {
    return staticValue(node.getExpression(), depth + 1);
  }
  if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.MinusToken) {
    const value = staticValue(node.getOperand(), depth + 1);
    return typeof value === 'number' ? -value : NOT_STATIC;
  }
  if (Node.isArrayLiteralExpression(node)) {
    const out: unknown[] = [];
    for (const element of node.getElements()) {
      const value = staticValue(element, depth + 1);
      if (value === NOT_STATIC) return NOT_STATIC;
      out.push(value);
    }
    return out;
  }
  if (Node.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const property of node.getProperties()) {
      if (Node.isPropertyAssignment(property)) {
        const nameNode = property.getNameNode();
        const key = Node.isIdentifier(nameNode) ? nameNode.getText() : staticValue(nameNode, depth + 1);
        if (typeof key !== 'string' && typeof key !== 'number') return NOT_STATIC;
        const value = staticValue(property.getInitializer(), depth + 1);
        if (value === NOT_STATIC) return NOT_STATIC;
        out[String(key)] = value;
      } else if (Node.isShorthandPropertyAssignment(property)) {
        const value = staticValue(property.getNameNode(), depth + 1);
        if (value === NOT_STATIC) return NOT_STATIC;
        out[property.getName()] = value;
      } else {
        return NOT_STATIC;
      }
    }
    return out;
  }
  // `PaymentDeclined.name` (in `retry: { errors: [PaymentDeclined.name] }`): a class's name is static.
  if (Node.isPropertyAccessExpression(node) && node.getName() === 'name') {
    const owner = node.getExpression().getSymbol();
    const declaration = (owner?.isAlias() ? owner.getAliasedSymbol() : owner)?.getDeclarations()[0];
    if (declaration && Node.isClassDeclaration(declaration) && declaration.getName() !== undefined) return declaration.getName();
  }
  if (Node.isIdentifier(node)) {
    if (node.getText() === 'undefined') return undefined;
    const symbol = node.getSymbol();
    const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
    const declaration = target?.getDeclarations()[0];
    if (declaration && Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.getDeclarationKind() === 'const') {
      return staticValue(declaration.getInitializer(), depth + 1);
    }
  }
  return NOT_STATIC;
}
