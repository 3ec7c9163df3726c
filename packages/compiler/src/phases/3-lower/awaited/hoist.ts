import { Node, SyntaxKind, type BinaryExpression, type CallExpression, type ConditionalExpression, type PropertyAccessExpression } from '../../../ts-morph.js';
import { containsAwait, mayBeUndefined, throwingHelperOf } from '../../2-analyze/index.js';
import { addConditionChoice } from '../condition-choice.js';
import type { LoweringContext } from '../context.js';
import { hoistProblem, isChange, isMutation, isUsed, isVariableAssignment, isVariableUpdate, lowerAssignmentEffect, lowerExpression, lowerMutationEffect } from '../expressions/index.js';
import { expressionRootOf, type VariableUpdate } from '../expressions/effects.js';
import { rootOf, unwrap } from '../expressions/in-place.js';
import { label, type Flow } from '../flow.js';
import { scopeOf } from '../pending.js';
import { sourceSnippet } from '../state-hints.js';
import { lowerAwaitedInto, lowerConditional, lowerValue } from './value.js';

/**
 * Runs the awaits inside `expression` first, in JavaScript's evaluation
 * order (and calls of plain helpers that may throw, inlined the same way),
 * each into a variable of its own (`names.hoist`); the rest of the
 * expression is then pure and reads them (`ExpressionScope.hoisted`). An
 * await that JavaScript runs only on some paths (right of `&&`, `||`, `??`,
 * a branch of `? :`) is hoisted together with its whole conditional: a
 * Choice decides, as JavaScript would, whether the task runs. A call that
 * changes its receiver and whose value is used (`for (const s of
 * steps.reverse())`, `await t(queue.shift())`) runs in the same order: the
 * variable is rebound and the call reads its result (see {@link hoistMutation}).
 *
 * Operands left of an await are read after it, from the same values: a
 * task gets a copy of its input and cannot change a workflow variable, and
 * an expression cannot assign one (the expression lowering reports that).
 *
 * @example
 * // total += (await price(i)).amount → Task "Price" (Assign: { value: … }), then `total` reads $value.amount
 */
export function hoistAwaits(expression: Node, flow: Flow, ctx: LoweringContext): void {
  if (!flow.live || !(containsAwait(expression) || containsUsedChange(expression))) return;
  if (Node.isFunctionLikeDeclaration(expression) || Node.isArrowFunction(expression) || Node.isFunctionExpression(expression)) return;
  if (Node.isAwaitExpression(expression)) {
    lowerAwaitedInto(expression, ctx.names.hoist(expression, awaitedName(expression)), flow, ctx);
    return;
  }
  if (Node.isCallExpression(expression) && throwingHelperOf(expression)) {
    lowerAwaitedInto(expression, ctx.names.hoist(expression, resultName(expression.getExpression())), flow, ctx);
    return;
  }
  if (Node.isBinaryExpression(expression) && isShortCircuit(expression)) {
    hoistAwaits(expression.getLeft(), flow, ctx);
    if (flow.live && containsAwait(expression.getRight())) lowerShortCircuit(expression, ctx.names.hoist(expression, 'value'), flow, ctx);
    // Without an await the right side stays in the expression: a change in place there is reported by its lowering.
    return;
  }
  if (Node.isConditionalExpression(expression)) {
    hoistAwaits(expression.getCondition(), flow, ctx);
    if (flow.live && (containsAwait(expression.getWhenTrue()) || containsAwait(expression.getWhenFalse()))) {
      lowerConditional(expression as ConditionalExpression, { kind: 'variable', variable: ctx.names.hoist(expression, 'value') }, flow, ctx);
    }
    return;
  }
  expression.forEachChild((child) => hoistAwaits(child, flow, ctx));
  if (flow.live && isMutation(expression) && isUsed(expression)) hoistMutation(expression, flow, ctx);
  else if (flow.live && isVariableUpdate(expression) && isUsed(expression)) hoistUpdate(expression, flow, ctx);
  else if (flow.live && isVariableAssignment(expression) && isUsed(expression)) hoistAssignment(expression, flow, ctx);
}

/**
 * `x = v` / `x += v` whose value is used (`last = total += n`, `if ((left -= n)
 * < 0)`): a pending binding gives the variable its new value first, and the
 * expression reads the variable. One that JavaScript would order differently
 * against another read of the variable is left to the expression lowering,
 * which reports why.
 */
function hoistAssignment(node: BinaryExpression, flow: Flow, ctx: LoweringContext): void {
  if (hoistProblem(node, expressionRootOf(node))) return;
  const target = unwrap(node.getLeft());
  const variable = ctx.names.ofReference(target);
  if (variable === undefined || ctx.names.boxed.has(variable)) return;
  const scope = (read: (variable: string) => string) => scopeOf(read, ctx.names, ctx.diagnostics);
  flow.pending.push({ kind: 'bind', variable, value: (read) => lowerAssignmentEffect(node, target.getText(), scope(read)) });
  ctx.names.hoistAs(node, variable);
}

/**
 * `++n` / `n--` whose value is used (`if (++attempts > 3)`, `await get(ids[i++])`):
 * a pending binding gives the variable its new value first, and the expression
 * reads it (prefix) or the value kept from before (postfix, `attempts_before`).
 * An update JavaScript would order differently against another read of the
 * variable, or a variable that may hold undefined, is left to the expression
 * lowering, which reports why.
 */
function hoistUpdate(node: VariableUpdate, flow: Flow, ctx: LoweringContext): void {
  if (hoistProblem(node, expressionRootOf(node))) return;
  const operand = unwrap(node.getOperand());
  const variable = ctx.names.ofReference(operand);
  if (variable === undefined || ctx.names.boxed.has(variable)) return;
  const sign = node.getOperatorToken() === SyntaxKind.PlusPlusToken ? '+' : '-';
  if (Node.isPostfixUnaryExpression(node)) {
    const before = ctx.names.hoist(node, `${operand.getText()}_before`);
    flow.pending.push({ kind: 'bind', variable: before, value: (read) => read(variable) });
  } else ctx.names.hoistAs(node, variable);
  flow.pending.push({ kind: 'bind', variable, value: (read) => `(${read(variable)} ${sign} 1)` });
}

/**
 * `steps.reverse()` whose value is used: pending bindings rebind the root
 * variable to its new value and, unless the call returns that very value
 * (`reverse`, `sort`, `fill` on a variable), keep the result in a variable
 * of its own (`queue_shift`, boxed when it may be undefined). A call that
 * JavaScript would order differently against another read of its variable
 * is left to the expression lowering, which reports why.
 */
function hoistMutation(call: CallExpression, flow: Flow, ctx: LoweringContext): void {
  if (hoistProblem(call, expressionRootOf(call))) return;
  const callee = call.getExpression();
  const receiver = callee.getText() === 'Object.assign' ? call.getArguments()[0]! : (callee as PropertyAccessExpression).getExpression();
  const root = rootOf(receiver)!;
  const variable = ctx.names.ofReference(root);
  if (variable === undefined) return;
  const scope = (read: (variable: string) => string) => scopeOf(read, ctx.names, ctx.diagnostics);
  const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : 'assign';
  if (RETURNS_RECEIVER.has(method) && unwrap(receiver) === root) {
    flow.pending.push({ kind: 'bind', variable, value: (read) => lowerMutationEffect(call, root.getText(), scope(read), 'root') });
    ctx.names.hoistAs(call, variable);
    return;
  }
  const result = ctx.names.hoist(call, `${root.getText()}_${method}`);
  if (mayBeUndefined(call.getType())) ctx.names.box(result);
  flow.pending.push({ kind: 'bind', variable: result, value: (read) => lowerMutationEffect(call, root.getText(), scope(read), 'result') });
  flow.pending.push({ kind: 'bind', variable, value: (read) => lowerMutationEffect(call, root.getText(), scope(read), 'root') });
}

/** Methods whose result is their (changed) receiver. */
const RETURNS_RECEIVER = new Set(['reverse', 'sort', 'fill', 'copyWithin', 'assign']);

function containsUsedChange(node: Node): boolean {
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) return false;
  return (isChange(node) && isUsed(node)) || node.forEachChild((child) => (containsUsedChange(child) ? true : undefined)) === true;
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
  return Node.isCallExpression(operand) ? resultName(operand.getExpression()) : 'value';
}

function resultName(callee: Node): string {
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  return name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${name}_result` : 'value';
}
