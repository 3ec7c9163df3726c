import { Node, SyntaxKind, VariableDeclarationKind, type CallExpression, type ForOfStatement } from '../../../ts-morph.js';
import { changesInPlace, rootOf, unwrap } from './in-place.js';
import type { LowerContext } from './lower-context.js';

/**
 * `xs.indexOf(x)` / `xs.includes(x)` of an object `x`: JavaScript compares by
 * reference, which JSON values do not have. One case has an answer without
 * identity: `x` is the item binding of a `for (const x of xs)` over the very
 * same `xs` (the same names, not reassigned nor changed in place in the loop),
 * so `indexOf` is the round's index and `includes` is true — provided the
 * array cannot hold one object twice (JavaScript would answer the first
 * place): its root is a parameter or a task's result (JSON copies), or a
 * constant array literal of literals.
 */
export function iterationOf(call: CallExpression): ForOfStatement | undefined {
  const callee = call.getExpression();
  const [argument, ...rest] = call.getArguments();
  if (!Node.isPropertyAccessExpression(callee) || !['indexOf', 'includes'].includes(callee.getName()) || !argument || rest.length > 0) return undefined;
  const item = unwrap(argument);
  if (!Node.isIdentifier(item)) return undefined;
  const declaration = item.getSymbol()?.getDeclarations()[0];
  if (!Node.isVariableDeclaration(declaration) || !Node.isIdentifier(declaration.getNameNode())) return undefined;
  const list = declaration.getParent();
  const loop = list?.getParent();
  if (!Node.isVariableDeclarationList(list) || list.getDeclarationKind() !== VariableDeclarationKind.Const || !Node.isForOfStatement(loop) || loop.isAwaited()) return undefined;
  // Inside a function nested in the loop the round may be over when it runs.
  if (enclosingFunction(call) !== enclosingFunction(loop) || !loop.getStatement().containsRange(call.getPos(), call.getEnd())) return undefined;
  const receiver = callee.getExpression();
  if (!samePath(receiver, loop.getExpression())) return undefined;
  const root = rootOf(receiver);
  const symbol = root?.getSymbol();
  if (!symbol || !holdsDistinctObjects(symbol.getDeclarations()[0])) return undefined;
  const changed = loop.getStatement().getDescendantsOfKind(SyntaxKind.Identifier).some((reference) => reference.getSymbol() === symbol && (changesInPlace(reference) || isAssigned(reference)));
  return changed ? undefined : loop;
}

/**
 * The JSONata text of the round index `call` (see {@link iterationOf}) asks
 * about: the await-free loop's own (`ctx.substitutions`) or the states loop's
 * index variable (registered as the value hoisted for the statement).
 */
export function iterationIndex(call: CallExpression, ctx: LowerContext): string | undefined {
  const loop = iterationOf(call);
  if (!loop) return undefined;
  return ctx.substitutions.get(loop) ?? ctx.scope.hoisted?.(loop);
}

/** True when a call in `loop`'s body asks about its round (see {@link iterationOf}). */
export function asksForIndex(loop: ForOfStatement): boolean {
  return loop.getStatement().getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => iterationOf(call) === loop);
}

/** True when the value declared at `declaration` is a JSON copy or a literal whose objects are all written out. */
function holdsDistinctObjects(declaration: Node | undefined): boolean {
  if (Node.isParameterDeclaration(declaration)) return true;
  const variable = Node.isBindingElement(declaration) ? declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) : declaration;
  if (!Node.isVariableDeclaration(variable)) return false;
  const initializer = variable.getInitializer() && unwrap(variable.getInitializer()!);
  if (Node.isAwaitExpression(initializer)) return true;
  if (Node.isBindingElement(declaration) || !Node.isArrayLiteralExpression(initializer)) return false;
  return initializer.getElements().every((element) => isLiteral(unwrap(element)));
}

function isLiteral(node: Node): boolean {
  if (Node.isObjectLiteralExpression(node)) return node.getProperties().every((p) => Node.isPropertyAssignment(p) && isLiteral(unwrap(p.getInitializerOrThrow())));
  if (Node.isArrayLiteralExpression(node)) return node.getElements().every((e) => isLiteral(unwrap(e)));
  return Node.isStringLiteral(node) || Node.isNumericLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || Node.isTrueLiteral(node) || Node.isFalseLiteral(node) || Node.isNullLiteral(node);
}

/** `a.b.c` and `a.b.c` naming the same symbols all along. */
function samePath(a: Node, b: Node): boolean {
  a = unwrap(a);
  b = unwrap(b);
  if (Node.isIdentifier(a) && Node.isIdentifier(b)) return a.getSymbol() !== undefined && a.getSymbol() === b.getSymbol();
  if (Node.isPropertyAccessExpression(a) && Node.isPropertyAccessExpression(b)) return a.getName() === b.getName() && samePath(a.getExpression(), b.getExpression());
  return false;
}

/** `x = …`, `x += …`, `x++`: the name itself gets a new value. */
function isAssigned(reference: Node): boolean {
  let top = reference;
  while (Node.isParenthesizedExpression(top.getParent())) top = top.getParent()!;
  const parent = top.getParent();
  if (Node.isBinaryExpression(parent) && parent.getLeft() === top) {
    const kind = parent.getOperatorToken().getKind();
    return kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
  }
  return Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent);
}

function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor((a) => Node.isFunctionLikeDeclaration(a) || Node.isArrowFunction(a) || Node.isFunctionExpression(a));
}
