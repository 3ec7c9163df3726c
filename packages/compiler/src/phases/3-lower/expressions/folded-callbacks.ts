import { Node, SyntaxKind, type CallExpression } from '../../../ts-morph.js';
import { changesInPlace, isAssignment } from './in-place.js';
import { kindsOf, onlyKinds } from './value-kinds.js';

/** The array methods whose callback may change the variables around it. */
const FOLDED_METHODS = new Set(['filter', 'map', 'flatMap', 'some', 'every', 'find', 'findIndex', 'reduce']);

/** True when `fn` is the synchronous callback, written in place, of a folded array method (or of `forEach`). */
export function isFoldedCallback(fn: Node): boolean {
  if (!(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || fn.isAsync()) return false;
  const call = fn.getParent();
  if (!Node.isCallExpression(call) || call.getArguments()[0] !== fn) return false;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !onlyKinds(kindsOf(callee.getExpression()), 'array')) return false;
  return FOLDED_METHODS.has(callee.getName()) || callee.getName() === 'forEach';
}

/** The identifiers through which `fn` assigns, increments or changes in place a variable declared outside it. */
export function outerChanges(fn: Node): Node[] {
  return fn.getDescendantsOfKind(SyntaxKind.Identifier).filter((id) => {
    const declaration = id.getSymbol()?.getDeclarations()[0];
    if (!declaration || declaration.getAncestors().includes(fn) || !(Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration) || Node.isBindingElement(declaration))) return false;
    const parent = id.getParent();
    if (Node.isBinaryExpression(parent) && parent.getLeft() === id && isAssignment(parent.getOperatorToken().getKind())) return true;
    if ((Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) && [SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(parent.getOperatorToken())) return true;
    return changesInPlace(id);
  });
}

/** True for `xs.method(callback)` (a folded method) whose callback changes a variable around it. */
export function isCallbackFold(node: Node): node is CallExpression {
  if (!Node.isCallExpression(node)) return false;
  const callback = node.getArguments()[0];
  const callee = node.getExpression();
  return callback !== undefined && isFoldedCallback(callback) && Node.isPropertyAccessExpression(callee) && callee.getName() !== 'forEach' && outerChanges(callback).length > 0;
}
