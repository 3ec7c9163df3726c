import { Node, SyntaxKind, type BinaryExpression, type ElementAccessExpression, type NumericLiteral, type PropertyAccessExpression } from '../../ts-morph.js';

/** What {@link staticValue} returns for a node it cannot evaluate at compile time. */
export const NOT_STATIC: unique symbol = Symbol('not static');

/**
 * The number a numeric literal denotes. ts-morph's `getLiteralValue()` reads
 * a literal without a decimal point with `parseInt`, so `1e21` would be 1 and
 * `5e-324` would be 5; the scanner's text (`0x10` already reads "16") goes
 * through `Number` instead.
 *
 * @example
 * numericLiteralValue(node /* 1e-7 *\/) // 1e-7
 */
export function numericLiteralValue(node: NumericLiteral): number {
  return Number(node.compilerNode.text);
}

/**
 * The JSON value of a literal expression, evaluated at compile time: string,
 * number, boolean and null literals, template strings without substitutions,
 * arrays, object literals (with spreads), `as const`/`satisfies`, negative
 * numbers, arithmetic and `+` of static values, template strings of static
 * values, enum members, fields of static objects and arrays, and `const`
 * names whose initializer is itself static, and a class's `name`. Task declarations and
 * call options must be static: they become fields of the ASL.
 *
 * @example
 * staticValue(node /* { retry: { maxAttempts: 2 } } *\/) // { retry: { maxAttempts: 2 } }
 */
export function staticValue(node: Node | undefined, depth = 0): unknown {
  if (!node || depth > 20) return NOT_STATIC;
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  if (Node.isNumericLiteral(node)) return numericLiteralValue(node);
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
  if (Node.isBinaryExpression(node)) return binaryValue(node, depth);
  if (Node.isTemplateExpression(node)) {
    let text = node.getHead().getLiteralText();
    for (const span of node.getTemplateSpans()) {
      const value = staticValue(span.getExpression(), depth + 1);
      if (!isPrimitive(value)) return NOT_STATIC;
      text += String(value) + span.getLiteral().getLiteralText();
    }
    return text;
  }
  // `PaymentDeclined.name` (in `retry: { errors: [PaymentDeclined.name] }`): a class's name is static.
  if (Node.isPropertyAccessExpression(node) && node.getName() === 'name') {
    const owner = node.getExpression().getSymbol();
    const declaration = (owner?.isAlias() ? owner.getAliasedSymbol() : owner)?.getDeclarations()[0];
    if (declaration && Node.isClassDeclaration(declaration) && declaration.getName() !== undefined) return declaration.getName();
  }
  if (Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node)) {
    const member = enumMemberValue(node);
    if (member !== undefined) return member;
    const receiver = staticValue(node.getExpression(), depth + 1);
    const key = Node.isPropertyAccessExpression(node) ? node.getName() : staticValue(node.getArgumentExpression(), depth + 1);
    if (receiver === null || typeof receiver !== 'object' || (typeof key !== 'string' && typeof key !== 'number')) return NOT_STATIC;
    // Own data only: `xs.length` of a static array, a field of a static object, never a prototype's member.
    if (Array.isArray(receiver) && key === 'length') return receiver.length;
    return Object.prototype.hasOwnProperty.call(receiver, key) ? (receiver as Record<string, unknown>)[key] : NOT_STATIC;
  }
  if (Node.isArrayLiteralExpression(node)) {
    const out: unknown[] = [];
    for (const element of node.getElements()) {
      if (Node.isSpreadElement(element)) {
        const spread = staticValue(element.getExpression(), depth + 1);
        if (!Array.isArray(spread)) return NOT_STATIC;
        out.push(...spread);
        continue;
      }
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
      } else if (Node.isSpreadAssignment(property)) {
        const spread = staticValue(property.getExpression(), depth + 1);
        if (spread === null || typeof spread !== 'object' || Array.isArray(spread)) return NOT_STATIC;
        Object.assign(out, spread);
      } else {
        return NOT_STATIC;
      }
    }
    return out;
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

function isPrimitive(value: unknown): value is string | number | boolean | null | undefined {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Arithmetic and string concatenation of static values, computed by JavaScript itself. */
function binaryValue(node: BinaryExpression, depth: number): unknown {
  const left = staticValue(node.getLeft(), depth + 1);
  const right = staticValue(node.getRight(), depth + 1);
  const operator = node.getOperatorToken().getKind();
  if (operator === SyntaxKind.PlusToken && (typeof left === 'string' || typeof right === 'string') && isPrimitive(left) && isPrimitive(right)) {
    return String(left) + String(right);
  }
  if (typeof left !== 'number' || typeof right !== 'number') return NOT_STATIC;
  const arithmetic: Partial<Record<SyntaxKind, (a: number, b: number) => number>> = {
    [SyntaxKind.PlusToken]: (a, b) => a + b,
    [SyntaxKind.MinusToken]: (a, b) => a - b,
    [SyntaxKind.AsteriskToken]: (a, b) => a * b,
    [SyntaxKind.SlashToken]: (a, b) => a / b,
    [SyntaxKind.PercentToken]: (a, b) => a % b,
    [SyntaxKind.AsteriskAsteriskToken]: (a, b) => a ** b,
  };
  const result = arithmetic[operator]?.(left, right);
  // NaN and Infinity are not JSON: such an option could not be written into the definition.
  return result !== undefined && Number.isFinite(result) ? result : NOT_STATIC;
}

/**
 * The value of an enum member (`Color.Red`, `Color['Red']`), or the name a
 * numeric enum maps a value back to (`Color[0]`).
 */
export function enumMemberValue(node: PropertyAccessExpression | ElementAccessExpression): string | number | undefined {
  const receiverSymbol = node.getExpression().getSymbol();
  const receiver = receiverSymbol?.isAlias() ? receiverSymbol.getAliasedSymbol() : receiverSymbol;
  const enumDeclaration = receiver?.getDeclarations().find((d) => Node.isEnumDeclaration(d));
  if (!enumDeclaration || !Node.isEnumDeclaration(enumDeclaration)) return undefined;
  const key = Node.isPropertyAccessExpression(node) ? node.getName() : staticValue(node.getArgumentExpression());
  const members = enumDeclaration.getMembers();
  if (typeof key === 'string') return members.find((m) => m.getName() === key)?.getValue();
  // Reverse mapping exists for numeric members only.
  if (typeof key === 'number') return members.find((m) => m.getValue() === key)?.getName();
  return undefined;
}
