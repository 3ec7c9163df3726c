import { Node, SyntaxKind, onFirstUse, type Expression } from '../../../ts-morph.js';
import type { LowerContext } from './lower-context.js';
import { isFollowedField, mayBeNaN, unwrap } from './nan-analysis.js';
import { isBoundary, isFollowedArray, isFollowedCallbackResult, useOf } from './nan-items.js';
import { bindOnce, stringLiteral } from './text.js';
import { kindsOf, type Kinds } from './value-kinds.js';

/**
 * Lowering of values that may be NaN (`nan-analysis.ts`), with `null` as the
 * compiled NaN: JSON has no NaN, and `JSON.stringify`, a task's request and
 * the workflow's output write a NaN as `null` natively too.
 */

/** Calls whose arguments are lowered with NaN's semantics (`global-calls.ts`, `operators.ts`). */
const NAN_AWARE_CALLS = new Set([
  'Number', 'String', 'Boolean', 'isNaN', 'isFinite',
  'Number.isNaN', 'Number.isFinite', 'Number.isInteger', 'Number.isSafeInteger',
  'Math.floor', 'Math.ceil', 'Math.abs', 'Math.round', 'Math.trunc', 'Math.sign', 'Math.sqrt', 'Math.max', 'Math.min', 'Math.pow',
]);

/** Operators whose operands are lowered with NaN's semantics. */
const nanAwareOperators = onFirstUse(() => new Set([
  SyntaxKind.PlusToken, SyntaxKind.MinusToken, SyntaxKind.AsteriskToken, SyntaxKind.SlashToken, SyntaxKind.PercentToken, SyntaxKind.AsteriskAsteriskToken,
  SyntaxKind.LessThanToken, SyntaxKind.LessThanEqualsToken, SyntaxKind.GreaterThanToken, SyntaxKind.GreaterThanEqualsToken,
  SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken,
  SyntaxKind.AmpersandAmpersandToken, SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken, SyntaxKind.CommaToken,
]));

/**
 * Checks a value that may be NaN where it is used. Where the lowering follows
 * NaN (an operator, a conversion, a variable, a task's request, the
 * workflow's output) the text is kept; elsewhere (an array item, an object
 * field, a callback's result, a helper's argument) a NaN would be read back as
 * a plain number later, so there the evaluation fails on NaN instead.
 */
export function checkNaNUse(node: Expression, text: string, ctx: LowerContext): string {
  const kinds = kindsOf(node);
  if (kinds.has('null') || kinds.has('unknown')) ctx.report('expression_nan_or_null', node, { text: node.getText() });
  if (Node.isIdentifier(node) && node.getText() === 'NaN' && !isFollowedUse(node)) {
    return ctx.report('unsupported_expression', node, { kind: '`NaN`', reason: 'here a NaN would be stored where it is read back as a number (an array item, an object field, a callback\'s result); JSON has no NaN' });
  }
  if (isFollowedUse(node)) return text;
  return `${ctx.helper('notNaN')}(${text}, ${stringLiteral(`\`${node.getText().replace(/\s+/g, ' ').slice(0, 60)}\``)})`;
}

function isFollowedUse(node: Node): boolean {
  const { user, value } = useOf(node);
  if (!user) return false;
  if (Node.isVariableDeclaration(user)) return user.getInitializer() === value && Node.isIdentifier(user.getNameNode());
  if (Node.isBinaryExpression(user)) {
    const operator = user.getOperatorToken().getKind();
    if (operator >= SyntaxKind.FirstAssignment && operator <= SyntaxKind.LastAssignment) return isFollowedTarget(unwrap(user.getLeft()));
    return nanAwareOperators().has(operator);
  }
  // A field written under a name (`{ cost: v }`, `{ cost }`) may be followed by that name (`nan-analysis.ts`).
  if ((Node.isPropertyAssignment(user) && user.getInitializer() === value) || Node.isShorthandPropertyAssignment(user)) {
    return isFollowedField(user) || isBoundary(value);
  }
  if (Node.isPrefixUnaryExpression(user) || Node.isConditionalExpression(user) || Node.isTemplateSpan(user) || Node.isTypeOfExpression(user)) return true;
  if (Node.isExpressionStatement(user) || Node.isIfStatement(user) || Node.isWhileStatement(user) || Node.isDoStatement(user)) return true;
  if (Node.isForStatement(user)) return user.getCondition() === value;
  if (Node.isPropertyAccessExpression(user)) return ['toFixed', 'toString'].includes(user.getName()) && Node.isCallExpression(user.getParent());
  if (Node.isCallExpression(user)) {
    const callee = user.getExpression().getText();
    if (NAN_AWARE_CALLS.has(callee)) return true;
    return isBoundary(value);
  }
  // An item of an array that is followed (`nan-items.ts`): `[Number(a)]`, `xs.map((x) => Number(x))`.
  if (Node.isArrayLiteralExpression(user)) return isFollowedArray(user) || isBoundary(value);
  if (Node.isArrowFunction(user) || Node.isReturnStatement(user)) return isFollowedCallbackResult(value) || isBoundary(value);
  return isBoundary(value);
}

/** A variable (`x = v`), or a field the analysis follows (`o.cost = v`). */
function isFollowedTarget(target: Node): boolean {
  return Node.isIdentifier(target) || isFollowedField(target);
}

/** The kinds of `node` for a truthiness test: a NaN is null, which is falsy like NaN. */
export function truthinessKinds(node: Expression): Kinds {
  const kinds = kindsOf(node);
  return mayBeNaN(node) ? new Set([...kinds, 'null']) : kinds;
}

/** `build(v)` for a value that is not NaN, and `whenNaN` for NaN (`null`). */
export function unlessNaN(text: string, ctx: LowerContext, whenNaN: string, build: (value: string) => string): string {
  return bindOnce(text, ctx, (v) => `(${v} = null ? ${whenNaN} : ${build(v)})`);
}

/**
 * `left op right` for numbers where a side may be NaN: NaN in, NaN out, and
 * the cases JavaScript makes NaN itself: `0 / 0`, `x % 0`. A division by zero
 * of anything else is ±Infinity, which JSON cannot hold: it fails loudly.
 * `x ** 0` is 1 even for NaN.
 */
export function nanArithmetic(operator: string, left: Expression, leftText: string, right: Expression, rightText: string, ctx: LowerContext): string {
  const guard = (a: string, b: string) => [mayBeNaN(left) && `${a} = null`, mayBeNaN(right) && `${b} = null`].filter(Boolean).join(' or ');
  const guarded = (a: string, b: string, value: string) => (guard(a, b) ? `(${guard(a, b)} ? null : ${value})` : value);
  return bindOnce(leftText, ctx, (a) => bindOnce(rightText, ctx, (b) => {
    switch (operator) {
      case '/':
        return guarded(a, b, `(${b} = 0 ? (${a} = 0 ? null : $error(${stringLiteral(`typestep: ${left.getText()} / ${right.getText()} divides by zero: JavaScript gives Infinity, which JSON cannot hold`)})) : ${a} / ${b})`);
      case '%':
        return guarded(a, b, `(${b} = 0 ? null : ${a} % ${b})`);
      case '**':
        return `(${b} = 0 ? 1 : ${guarded(a, b, `$power(${a}, ${b})`)})`;
      default:
        return guarded(a, b, `(${a} ${operator} ${b})`);
    }
  }));
}

/** `left op right` for an ordering where a side may be NaN: every comparison with NaN is false. */
export function nanOrdering(operator: string, left: Expression, leftText: string, right: Expression, rightText: string, ctx: LowerContext): string {
  return bindOnce(leftText, ctx, (a) => bindOnce(rightText, ctx, (b) => {
    const checks = [mayBeNaN(left) && `${a} != null`, mayBeNaN(right) && `${b} != null`].filter(Boolean);
    return `(${[...checks, `${a} ${operator} ${b}`].join(' and ')})`;
  }));
}
