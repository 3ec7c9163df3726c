import { Node, SyntaxKind, type BinaryExpression, type ConditionalExpression } from 'ts-morph';
import { containsAwait } from '../../2-analyze/index.js';
import { addConditionChoice } from '../condition-choice.js';
import type { LoweringContext } from '../context.js';
import { lowerExpression } from '../expressions/index.js';
import { label, type Flow } from '../flow.js';
import { scopeOf } from '../pending.js';
import { sourceSnippet } from '../state-hints.js';
import { lowerAwaitedInto, lowerConditional, lowerValue } from './value.js';

/**
 * Runs the awaits inside `expression` first, in JavaScript's evaluation
 * order, each into a variable of its own (`names.hoist`); the rest of the
 * expression is then pure and reads them (`ExpressionScope.hoisted`). An
 * await that JavaScript runs only on some paths (right of `&&`, `||`, `??`,
 * a branch of `? :`) is hoisted together with its whole conditional: a
 * Choice decides, as JavaScript would, whether the task runs.
 *
 * Operands left of an await are read after it, from the same values: a
 * task gets a copy of its input and cannot change a workflow variable, and
 * an expression cannot assign one (the expression lowering reports that).
 *
 * @example
 * // total += (await price(i)).amount → Task "Price" (Assign: { value: … }), then `total` reads $value.amount
 */
export function hoistAwaits(expression: Node, flow: Flow, ctx: LoweringContext): void {
  if (!flow.live || !containsAwait(expression)) return;
  if (Node.isFunctionLikeDeclaration(expression) || Node.isArrowFunction(expression) || Node.isFunctionExpression(expression)) return;
  if (Node.isAwaitExpression(expression)) {
    lowerAwaitedInto(expression, ctx.names.hoist(expression, awaitedName(expression)), flow, ctx);
    return;
  }
  if (Node.isBinaryExpression(expression) && isShortCircuit(expression) && containsAwait(expression.getRight())) {
    hoistAwaits(expression.getLeft(), flow, ctx);
    if (flow.live) lowerShortCircuit(expression, ctx.names.hoist(expression, 'value'), flow, ctx);
    return;
  }
  if (Node.isConditionalExpression(expression) && (containsAwait(expression.getWhenTrue()) || containsAwait(expression.getWhenFalse()))) {
    hoistAwaits(expression.getCondition(), flow, ctx);
    if (flow.live) lowerConditional(expression as ConditionalExpression, { kind: 'variable', variable: ctx.names.hoist(expression, 'value') }, flow, ctx);
    return;
  }
  expression.forEachChild((child) => hoistAwaits(child, flow, ctx));
}

/**
 * `ok && await notify(x);` as a statement: the same Choice, with the value
 * dropped (so a falsy `ok` that is `undefined` is never stored).
 * Returns false when `expression` is not such a short-circuit.
 */
export function lowerShortCircuitStatement(expression: Node, flow: Flow, ctx: LoweringContext): boolean {
  if (!Node.isBinaryExpression(expression) || !isShortCircuit(expression) || !containsAwait(expression.getRight())) return false;
  hoistAwaits(expression.getLeft(), flow, ctx);
  if (flow.live) lowerShortCircuit(expression, undefined, flow, ctx);
  return true;
}

function isShortCircuit(expression: BinaryExpression): boolean {
  const operator = expression.getOperatorToken().getKind();
  return operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken;
}

/**
 * `l && r`, `l || r`, `l ?? r` whose `r` awaits → a Choice on `l`: one
 * branch awaits `r` into `variable`, the other keeps `l` (evaluated once
 * more: it is pure, and reads the same values). Without a variable the
 * value is dropped.
 */
function lowerShortCircuit(expression: BinaryExpression, variable: string | undefined, flow: Flow, ctx: LoweringContext): void {
  const left = expression.getLeft();
  const operator = expression.getOperatorToken().getKind();
  const scope = (read: (variable: string) => string) => scopeOf(read, ctx.names, ctx.diagnostics);
  const [holds, otherwise] =
    operator === SyntaxKind.QuestionQuestionToken
      ? addConditionChoice(`If ${sourceSnippet(left)} is missing`, expression, (read) => `$not(${lowerExpression(left, scope(read))} != null)`, flow, ctx)
      : addConditionChoice(`If ${sourceSnippet(left)}`, expression, left, flow, ctx);
  // `&&` and `??` evaluate the right side when the test holds; `||` when it does not.
  const [awaiting, keeping] = operator === SyntaxKind.BarBarToken ? [otherwise, holds] : [holds, otherwise];
  const after = label();
  const right = flow.fork([awaiting]);
  lowerValue(expression.getRight(), variable === undefined ? { kind: 'discard' } : { kind: 'variable', variable }, right, ctx);
  right.jump(after, expression);
  const kept = flow.fork([keeping]);
  if (variable !== undefined) kept.pending.push({ kind: 'bind', variable, value: (read) => lowerExpression(left, scope(read)) });
  kept.jump(after, expression);
  flow.continueAfter(after);
}

/** A readable variable name for an awaited value: the task's name (`price` for `await price(i)`), else `value`. */
function awaitedName(expression: Node & { getExpression(): Node }): string {
  const operand = expression.getExpression();
  const callee = Node.isCallExpression(operand) ? operand.getExpression() : undefined;
  const name = callee && (Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined);
  return name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${name}_result` : 'value';
}
