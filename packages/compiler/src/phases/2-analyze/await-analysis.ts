import { Node } from '../../ts-morph.js';
import { throwingHelperOf } from './throwing-helpers.js';

/**
 * True when `node` awaits, not counting awaits inside nested functions that
 * are not awaited themselves. A `Promise.all(xs.map(async …))` is awaited by
 * its own `await`, so this is enough to tell state-producing statements apart.
 * A call of a plain helper that may throw counts as an await: it is inlined
 * into the graph the same way (see `throwingHelperOf`).
 *
 * @example
 * containsAwait(`const x = await t();`) // true
 * containsAwait(`assertPositive(order.total);`) // true when assertPositive throws
 */
export function containsAwait(node: Node): boolean {
  if (Node.isAwaitExpression(node)) return true;
  if (Node.isCallExpression(node) && throwingHelperOf(node)) return true;
  if (Node.isForOfStatement(node) && node.isAwaited()) return true;
  let found = false;
  node.forEachChild((child) => {
    if (found) return;
    if (Node.isFunctionLikeDeclaration(child) || Node.isArrowFunction(child) || Node.isFunctionExpression(child)) return;
    if (containsAwait(child)) found = true;
  });
  return found;
}

/**
 * True when `statement` leaves the run it is in: a `return` or `throw`
 * anywhere in it, or a `break`/`continue` whose target lies outside it.
 *
 * @example
 * escapesRun(`if (x) return 1;`) // true
 */
export function escapesRun(statement: Node): boolean {
  const labels: string[] = [];
  const visit = (node: Node, loopDepth: number, switchDepth: number): boolean => {
    if (Node.isReturnStatement(node) || Node.isThrowStatement(node)) return true;
    const target = (Node.isBreakStatement(node) || Node.isContinueStatement(node)) ? node.getLabel()?.getText() : undefined;
    if (target !== undefined) return !labels.includes(target);
    if (Node.isBreakStatement(node)) return loopDepth === 0 && switchDepth === 0;
    if (Node.isContinueStatement(node)) return loopDepth === 0;
    if (Node.isLabeledStatement(node)) {
      labels.push(node.getLabel().getText());
      const escapes = visit(node.getStatement(), loopDepth, switchDepth);
      labels.pop();
      return escapes;
    }
    if (Node.isFunctionLikeDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node)) return false;
    const loop = Node.isIterationStatement(node) ? 1 : 0;
    const sw = Node.isSwitchStatement(node) ? 1 : 0;
    let escapes = false;
    node.forEachChild((child) => {
      if (!escapes && visit(child, loopDepth + loop, switchDepth + sw)) escapes = true;
    });
    return escapes;
  };
  return visit(statement, 0, 0);
}

/**
 * A statement that costs no state: no await, control stays in the run, and
 * no `try` (which the compiler lowers itself: a `try` whose block cannot fail
 * is its block, then its `finally`).
 */
export function isPure(statement: Node): boolean {
  return !containsAwait(statement) && !escapesRun(statement) && !containsTry(statement);
}

function containsTry(node: Node): boolean {
  if (Node.isTryStatement(node)) return true;
  if (Node.isFunctionLikeDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node)) return false;
  let found = false;
  node.forEachChild((child) => {
    if (!found && containsTry(child)) found = true;
  });
  return found;
}
