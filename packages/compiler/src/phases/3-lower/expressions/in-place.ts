import { Node, SyntaxKind } from '../../../ts-morph.js';
import { kindsOf, onlyKinds } from './value-kinds.js';
import { CheckerWeakMap, typeOf } from '../../../program/index.js';

/**
 * What counts as changing a value in place: an assignment to a path below a
 * variable (`o.a = v`, `xs[i] += 1`), `delete o.k`, `Object.assign(o, …)`, and
 * the methods of arrays, Sets and Maps that change their receiver.
 */

/** Answers of `changesInPlace`, per identifier (and checker: a method's receiver kind is a type): the slicing and the Assign analysis ask for every identifier of a run, run after run. */
const changesInPlaceAnswers = new CheckerWeakMap<Node, boolean>();

/** True when `reference` is the root of a path that is changed in place (`o.a = v`, `xs.push(v)`, `delete o.k`). */
export function changesInPlace(reference: Node): boolean {
  return changesInPlaceAnswers.memo(reference, () => rootOfChangeInPlace(reference));
}

function rootOfChangeInPlace(reference: Node): boolean {
  let top: Node = reference;
  let path = false;
  while (true) {
    const parent = top.getParent();
    if ((Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === top) {
      const call = parent.getParent();
      if (Node.isPropertyAccessExpression(parent) && Node.isCallExpression(call) && call.getExpression() === parent && isMutatorCall(call)) return true;
      top = parent;
      path = true;
    } else if (Node.isParenthesizedExpression(parent) || Node.isNonNullExpression(parent) || Node.isAsExpression(parent)) top = parent;
    else break;
  }
  const parent = top.getParent();
  if (path && Node.isBinaryExpression(parent) && parent.getLeft() === top && isAssignment(parent.getOperatorToken().getKind())) return true;
  if (path && (Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) && isIncrement(parent.getOperatorToken())) return true;
  if (path && parent?.getKind() === SyntaxKind.DeleteExpression) return true;
  if (Node.isCallExpression(parent) && parent.getArguments()[0] === top && parent.getExpression().getText() === 'Object.assign') return true;
  return false;
}

/** Array methods that change their receiver, and the Set/Map ones (only on a Set or Map). */
const ARRAY_MUTATORS = new Set(['push', 'unshift', 'pop', 'shift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
const COLLECTION_MUTATORS = new Set(['add', 'set', 'delete', 'clear']);

/** True when `call` is `receiver.method(…)` with a method that changes an array, a Set or a Map in place. */
export function isMutatorCall(call: Node): boolean {
  if (!Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return false;
  const name = callee.getName();
  const receiver = callee.getExpression();
  if (ARRAY_MUTATORS.has(name)) return onlyKinds(kindsOf(receiver), 'array');
  if (COLLECTION_MUTATORS.has(name)) return collectionKind(receiver) !== undefined;
  return false;
}

/** `'Set'` or `'Map'` when `node`'s type is one. */
export function collectionKind(node: Node): 'Set' | 'Map' | undefined {
  const name = typeOf(node).getNonNullableType().getSymbol()?.getName();
  return name === 'Set' || name === 'Map' ? name : undefined;
}

/** How deep below its root variable a change in place changes a value: 0 for `xs.push(x)`, `o.k = v`; 1 for `o.a.k = v`. */
export function changedDepth(site: Node): number {
  let container: Node | undefined;
  if (Node.isCallExpression(site)) {
    const callee = site.getExpression();
    container = callee.getText() === 'Object.assign' ? site.getArguments()[0] : Node.isPropertyAccessExpression(callee) ? callee.getExpression() : undefined;
  } else if (Node.isPropertyAccessExpression(site) || Node.isElementAccessExpression(site)) container = site.getExpression();
  else if (site.getKind() === SyntaxKind.DeleteExpression) {
    const target = unwrap(site.getFirstChildByKind(SyntaxKind.PropertyAccessExpression) ?? site.getFirstChildByKind(SyntaxKind.ElementAccessExpression) ?? site);
    container = Node.isPropertyAccessExpression(target) || Node.isElementAccessExpression(target) ? target.getExpression() : undefined;
  }
  let depth = 0;
  for (let node = container && unwrap(container); node && (Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node)); node = unwrap(node.getExpression())) depth++;
  return container ? depth : 1;
}

export function unwrap(node: Node): Node {
  return Node.isParenthesizedExpression(node) || Node.isNonNullExpression(node) || Node.isAsExpression(node) ? unwrap(node.getExpression()) : node;
}

/** The identifier at the root of a path (`o` in `o.a[0].b`), if any. */
export function rootOf(node: Node): Node | undefined {
  let current = node;
  while (Node.isPropertyAccessExpression(current) || Node.isElementAccessExpression(current) || Node.isParenthesizedExpression(current) || Node.isNonNullExpression(current) || Node.isAsExpression(current)) current = current.getExpression();
  return Node.isIdentifier(current) ? current : undefined;
}

export function isAssignment(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
}

function isIncrement(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.PlusPlusToken || kind === SyntaxKind.MinusMinusToken;
}
