import { Node, SyntaxKind, type Statement, type Symbol as TsSymbol } from '../../../ts-morph.js';
import { changesInPlace, isAssignment, rootOf, unwrap } from './in-place.js';
import { numericLiteralValue } from '../../1-discover/static-value.js';

/**
 * Get-or-create, change, store back:
 *
 *   const acc = bySite[k] ?? { count: 0 };
 *   acc.count += 1;
 *   bySite[k] = acc;
 *
 * In JavaScript `acc` may be `bySite[k]`'s own object, which sees the change at
 * once; in ASL it is a copy. The store back makes the two agree again, so the
 * change is exact when nothing looks at `bySite` between the change and the
 * store back, and the store back surely runs: the same path (the key's
 * variables unchanged since the read), in the same block as the declaration,
 * after the change, with no jump, `await`, `try` or call of a local function
 * between them.
 */
export interface WriteBack {
  /** The container's reference in the declaration's read (`bySite` in `bySite[k] ?? …`). */
  source: Node;
  /** True when `node` may run after the change and before the store back. */
  between(node: Node): boolean;
}

/** The store back that re-synchronises `symbol`'s value after its change at `site`, if there is one. */
export function findWriteBack(symbol: TsSymbol, site: Node, scope: Node): WriteBack | undefined {
  const declaration = symbol.getDeclarations()[0];
  if (!Node.isVariableDeclaration(declaration) || !Node.isIdentifier(declaration.getNameNode())) return undefined;
  const statement = declaration.getVariableStatement();
  const block = statement?.getParent();
  if (!statement || !Node.isBlock(block)) return undefined;
  const read = storedRead(declaration.getInitializer());
  const container = read && unwrap(read.getExpression());
  if (!read || !container || !Node.isIdentifier(container) || !isPath(read, container.getSymbol())) return undefined;
  const statements = block.getStatements();
  const from = statements.indexOf(statement);
  const changeAt = statements.findIndex((s) => site.getStart() >= s.getStart() && site.getEnd() <= s.getEnd());
  if (changeAt <= from || enclosingFunction(site) !== enclosingFunction(block)) return undefined;
  const writeAt = statements.findIndex((s, i) => i > changeAt && isStoreBack(s, read, symbol));
  if (writeAt < 0) return undefined;
  if (statements.slice(changeAt, writeAt).some((s) => interrupts(s, scope))) return undefined;
  if (insideTry(block, container.getSymbol(), scope)) return undefined;
  // The path names the same place at the store back: neither the key's variables nor the value's name change.
  const fixed = new Set([symbol, ...read.getDescendantsOfKind(SyntaxKind.Identifier).map((id) => id.getSymbol())]);
  if (statements.slice(from + 1, writeAt).some((s) => changes(s, fixed))) return undefined;
  const start = statements[changeAt]!.getStart();
  const target = unwrap((statements[writeAt] as import('ts-morph').ExpressionStatement).getExpression().asKindOrThrow(SyntaxKind.BinaryExpression).getLeft());
  const written = rootOf(target);
  const end = statements[writeAt]!.getEnd();
  return { source: container, between: (node) => node !== written && node.getStart() >= start && node.getStart() < end };
}

/** `C[k]`, `C.name`, or either followed by `?? fallback` / `|| fallback`. */
function storedRead(initializer: Node | undefined): (import('ts-morph').ElementAccessExpression | import('ts-morph').PropertyAccessExpression) | undefined {
  if (!initializer) return undefined;
  let node = unwrap(initializer);
  if (Node.isBinaryExpression(node) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(node.getOperatorToken().getKind())) node = unwrap(node.getLeft());
  return Node.isElementAccessExpression(node) || Node.isPropertyAccessExpression(node) ? node : undefined;
}

/** True when `node` is a path without effects (names, fields, literal keys) whose key does not read the container. */
function isPath(node: Node, container: TsSymbol | undefined): boolean {
  node = unwrap(node);
  if (Node.isIdentifier(node)) return true;
  if (Node.isStringLiteral(node) || Node.isNumericLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return true;
  if (Node.isPropertyAccessExpression(node)) return isPath(node.getExpression(), container);
  if (Node.isElementAccessExpression(node)) {
    const key = node.getArgumentExpressionOrThrow();
    return isPath(node.getExpression(), container) && isPath(key, container) && !key.getDescendantsOfKind(SyntaxKind.Identifier).concat(Node.isIdentifier(key) ? [key] : []).some((id) => id.getSymbol() === container);
  }
  return false;
}

/** True when `a` and `b` are the same path: the same variables, field names and literal keys. */
function samePath(a: Node, b: Node): boolean {
  a = unwrap(a);
  b = unwrap(b);
  if (Node.isIdentifier(a) && Node.isIdentifier(b)) return a.getSymbol() !== undefined && a.getSymbol() === b.getSymbol();
  if (Node.isPropertyAccessExpression(a) && Node.isPropertyAccessExpression(b)) return a.getName() === b.getName() && samePath(a.getExpression(), b.getExpression());
  if (Node.isElementAccessExpression(a) && Node.isElementAccessExpression(b)) return samePath(a.getExpression(), b.getExpression()) && samePath(a.getArgumentExpressionOrThrow(), b.getArgumentExpressionOrThrow());
  const literal = (n: Node) => (Node.isStringLiteral(n) || Node.isNumericLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n) ? String(Node.isNumericLiteral(n) ? numericLiteralValue(n) : n.getLiteralValue()) : undefined);
  return literal(a) !== undefined && literal(a) === literal(b);
}

/** `C[k] = value;` with the read's path on the left and the changed variable on the right. */
function isStoreBack(statement: Statement, read: Node, symbol: TsSymbol): boolean {
  if (!Node.isExpressionStatement(statement)) return false;
  const expression = unwrap(statement.getExpression());
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return false;
  const value = unwrap(expression.getRight());
  return Node.isIdentifier(value) && value.getSymbol() === symbol && samePath(expression.getLeft(), read);
}

/** True when `statement` may leave the block early or pause: a jump, an `await`, or a call of a function of the workflow. */
function interrupts(statement: Statement, scope: Node): boolean {
  const jumps = [SyntaxKind.BreakStatement, SyntaxKind.ContinueStatement, SyntaxKind.ReturnStatement, SyntaxKind.ThrowStatement, SyntaxKind.AwaitExpression, SyntaxKind.YieldExpression];
  return [statement, ...statement.getDescendants()].some((node) => {
    if (jumps.includes(node.getKind())) return true;
    // A local function may read anything it closes over, wherever it is written.
    if (!Node.isCallExpression(node)) return false;
    const callee = unwrap(node.getExpression());
    const declaration = Node.isIdentifier(callee) ? callee.getSymbol()?.getDeclarations()[0] : undefined;
    return declaration !== undefined && declaration.getSourceFile() === scope.getSourceFile();
  });
}

/** True when `block` is inside a `try` that `container` outlives: a failure between the change and the store back could be caught. */
function insideTry(block: Node, container: TsSymbol | undefined, scope: Node): boolean {
  const declaration = container?.getDeclarations()[0];
  return block.getAncestors().some((a) => Node.isTryStatement(a) && a.getAncestors().includes(scope) && !(declaration && declaration.getAncestors().includes(a)));
}

/** True when `statement` assigns, increments or changes in place one of `symbols`. */
function changes(statement: Statement, symbols: Set<TsSymbol | undefined>): boolean {
  return statement.getDescendantsOfKind(SyntaxKind.Identifier).some((id) => {
    if (!symbols.has(id.getSymbol())) return false;
    const parent = id.getParent();
    if (Node.isBinaryExpression(parent) && parent.getLeft() === id && isAssignment(parent.getOperatorToken().getKind())) return true;
    if ((Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) && [SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(parent.getOperatorToken())) return true;
    return changesInPlace(id) && !isOwnChange(id, symbols);
  });
}

/** The changed variable's own changes in place are what the store back is for; the key's are not allowed. */
function isOwnChange(id: Node, symbols: Set<TsSymbol | undefined>): boolean {
  return [...symbols][0] === id.getSymbol();
}

function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a) || Node.isMethodDeclaration(a));
}
