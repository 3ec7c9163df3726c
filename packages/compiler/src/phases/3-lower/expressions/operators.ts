import { Node, SyntaxKind, onFirstUse, type BinaryExpression, type ConditionalExpression, type Expression, type PrefixUnaryExpression } from '../../../ts-morph.js';
import { isDateComparison } from './dates.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { bindOnce, numberLiteral } from './text.js';
import { lowerInfinityComparison } from './infinity-bounds.js';
import { lowerInstanceOf } from './instance-of.js';
import { mayBeNaN } from './nan-analysis.js';
import { nanArithmetic, nanOrdering, truthinessKinds, unlessNaN } from './nan-values.js';
import { lowerAsString } from './to-string.js';
import { lowerConditionNode, truthy } from './truthiness.js';
import { declaredKinds, kindsOf, onlyKinds, type Kinds } from './value-kinds.js';
import { numericLiteralValue } from '../../1-discover/static-value.js';
import { editAt } from '../../../diagnostics/index.js';

const arithmeticOperators = onFirstUse((): Partial<Record<SyntaxKind, string>> => ({
  [SyntaxKind.MinusToken]: '-',
  [SyntaxKind.AsteriskToken]: '*',
  [SyntaxKind.SlashToken]: '/',
  // JSONata's % is JavaScript's (the sign follows the dividend: -7 % 3 is -1 in both).
  [SyntaxKind.PercentToken]: '%',
}));

const orderingOperators = onFirstUse((): Partial<Record<SyntaxKind, string>> => ({
  [SyntaxKind.LessThanToken]: '<',
  [SyntaxKind.LessThanEqualsToken]: '<=',
  [SyntaxKind.GreaterThanToken]: '>',
  [SyntaxKind.GreaterThanEqualsToken]: '>=',
}));

/** Lowers a binary operator by the TypeScript types of its operands. */
export function lowerBinary(node: BinaryExpression, ctx: LowerContext): string {
  const operator = node.getOperatorToken().getKind();
  const left = node.getLeft();
  const right = node.getRight();
  const symbol = node.getOperatorToken().getText();

  if (operator === SyntaxKind.PlusToken) return lowerPlus(node, ctx);
  const arithmetic = arithmeticOperators()[operator];
  if (arithmetic) {
    if (!numeric(left, right, node, symbol, ctx)) return 'null';
    if (mayBeNaN(node)) return nanArithmetic(arithmetic, left, lowerNode(left, ctx), right, lowerNode(right, ctx), ctx);
    return `(${lowerNode(left, ctx)} ${arithmetic} ${lowerNode(right, ctx)})`;
  }
  if (operator === SyntaxKind.AsteriskAsteriskToken) {
    if (!numeric(left, right, node, symbol, ctx)) return 'null';
    if (mayBeNaN(node)) return nanArithmetic('**', left, lowerNode(left, ctx), right, lowerNode(right, ctx), ctx);
    return `$power(${lowerNode(left, ctx)}, ${lowerNode(right, ctx)})`;
  }
  const ordering = orderingOperators()[operator];
  if (ordering) {
    // Both languages order strings by UTF-16 code units and numbers numerically; JSONata refuses mixed operands,
    // where JavaScript would convert, so only same-kind comparisons are lowered.
    const l = declaredKinds(left);
    const r = declaredKinds(right);
    // Dates compare by their time values in JavaScript, which is what a lowered Date is.
    if (isDateComparison(left, right)) return `(${lowerNode(left, ctx)} ${ordering} ${lowerNode(right, ctx)})`;
    const bounded = lowerInfinityComparison(ordering, left, right, ctx);
    if (bounded !== undefined) return bounded;
    if (!((onlyKinds(l, 'number') && onlyKinds(r, 'number')) || (onlyKinds(l, 'string') && onlyKinds(r, 'string')))) {
      return ctx.report('expression_unsupported_operator', node, { operator: symbol, reason: 'both sides must be numbers or both strings (JavaScript converts mixed or missing operands; JSONata does not)' });
    }
    if (mayBeNaN(left) || mayBeNaN(right)) return nanOrdering(ordering, left, lowerNode(left, ctx), right, lowerNode(right, ctx), ctx);
    return `(${lowerNode(left, ctx)} ${ordering} ${lowerNode(right, ctx)})`;
  }
  switch (operator) {
    case SyntaxKind.EqualsEqualsEqualsToken:
      return lowerStrictEquality(node, ctx, false);
    case SyntaxKind.ExclamationEqualsEqualsToken:
      return lowerStrictEquality(node, ctx, true);
    case SyntaxKind.EqualsEqualsToken:
    case SyntaxKind.ExclamationEqualsToken:
      return lowerLooseEquality(node, ctx, operator === SyntaxKind.ExclamationEqualsToken);
    case SyntaxKind.AmpersandAmpersandToken:
    case SyntaxKind.BarBarToken:
      return lowerLogical(node, ctx, operator === SyntaxKind.AmpersandAmpersandToken);
    case SyntaxKind.QuestionQuestionToken:
      // NaN is not nullish, but it is null compiled: a value that may be NaN has no null of its own (see checkNaNUse).
      if (mayBeNaN(left)) return bindOnce(lowerNode(left, ctx), ctx, (v) => `($exists(${v}) ? ${v} : ${lowerNode(right, ctx)})`);
      return bindOnce(lowerNode(left, ctx), ctx, (v) => `(${v} != null ? ${v} : ${lowerNode(right, ctx)})`);
    case SyntaxKind.InKeyword:
      return lowerIn(node, ctx);
    default:
      if (node.getOperatorToken().getKind() >= SyntaxKind.FirstAssignment && node.getOperatorToken().getKind() <= SyntaxKind.LastAssignment) {
        return ctx.report('expression_mutation', node, { text: node.getText() });
      }
      if (operator === SyntaxKind.InstanceOfKeyword) return lowerInstanceOf(node, ctx);
      return ctx.report('expression_unsupported_operator', node, { operator: symbol, reason: '' });
  }
}

function numeric(left: Expression, right: Expression, node: Node, operator: string, ctx: LowerContext): boolean {
  // An out-of-range xs[i] is undefined: JavaScript computes NaN (null in JSON), JSONata nothing — the NaN divergence.
  if (onlyKinds(declaredKinds(left), 'number') && onlyKinds(declaredKinds(right), 'number')) return true;
  ctx.report('expression_unsupported_operator', node, { operator, reason: 'both sides must be numbers (JavaScript would convert other operands)' });
  return false;
}

/** `+`: numbers add; if either side is a string both sides convert with JavaScript's String() and join. */
function lowerPlus(node: BinaryExpression, ctx: LowerContext): string {
  const left = node.getLeft();
  const right = node.getRight();
  const l = kindsOf(left);
  const r = kindsOf(right);
  if (onlyKinds(declaredKinds(left), 'number') && onlyKinds(declaredKinds(right), 'number')) {
    if (mayBeNaN(node)) return nanArithmetic('+', left, lowerNode(left, ctx), right, lowerNode(right, ctx), ctx);
    return `(${lowerNode(left, ctx)} + ${lowerNode(right, ctx)})`;
  }
  if (onlyKinds(declaredKinds(left), 'string') || onlyKinds(declaredKinds(right), 'string')) {
    if (l.has('unknown') || r.has('unknown') || l.has('object') || r.has('object')) {
      return ctx.report('expression_any_type', node, { text: node.getText(), type: node.getType().getText(), why: '`+` joins strings but adds numbers' });
    }
    return `(${lowerAsString(left, l, ctx)} & ${lowerAsString(right, r, ctx)})`;
  }
  const reported = ctx.scope.diagnostics.diagnostics.length;
  lowerNode(left, ctx);
  lowerNode(right, ctx);
  // An operand already reported (an unknown name) explains the missing type better than a second diagnostic.
  if (ctx.scope.diagnostics.diagnostics.length > reported) return 'null';
  return ctx.report('expression_any_type', node, { text: node.getText(), type: `${left.getType().getText()} + ${right.getType().getText()}`, why: '`+` joins strings but adds numbers' });
}

function isNullLiteral(node: Expression): boolean {
  return Node.isNullLiteral(node);
}

function isUndefinedLiteral(node: Expression): boolean {
  return Node.isIdentifier(node) && node.getText() === 'undefined';
}

function isReference(kinds: Kinds): boolean {
  return kinds.has('object') || kinds.has('array') || kinds.has('function');
}

/** `===` / `!==`: JSONata's = compares deeply, JavaScript compares objects by reference, so objects are refused. */
function lowerStrictEquality(node: BinaryExpression, ctx: LowerContext, negate: boolean): string {
  const left = node.getLeft();
  const right = node.getRight();
  const not = (text: string) => (negate ? `$not(${text})` : text);
  for (const [side, other] of [[left, right], [right, left]] as const) {
    if (isUndefinedLiteral(side)) return not(`$not($exists(${lowerNode(other, ctx)}))`);
    // A value that may be NaN is never null (checkNaNUse reports one that may be both): its null is NaN.
    if (isNullLiteral(side)) return mayBeNaN(other) ? not(`(${lowerNode(other, ctx)}; false)`) : not(`(${lowerNode(other, ctx)} = null)`);
  }
  const l = kindsOf(left);
  const r = kindsOf(right);
  if (isReference(l) || isReference(r)) {
    return ctx.report('expression_reference_equality', node, { operator: node.getOperatorToken().getText() });
  }
  const mayBeUndefined = l.has('undefined') || r.has('undefined') || l.has('unknown') || r.has('unknown');
  // NaN === NaN is false, but null = null is true: a NaN on the left makes the comparison false.
  if (mayBeNaN(left) && mayBeNaN(right)) {
    return not(bindOnce(lowerNode(left, ctx), ctx, (v) => `($not(${v} = null) and ${mayBeUndefined ? `${ctx.helper('equal')}(${v}, ${lowerNode(right, ctx)})` : `${v} = ${lowerNode(right, ctx)}`})`));
  }
  if (mayBeUndefined) return not(`${ctx.helper('equal')}(${lowerNode(left, ctx)}, ${lowerNode(right, ctx)})`);
  return `(${lowerNode(left, ctx)} ${negate ? '!=' : '='} ${lowerNode(right, ctx)})`;
}

/** `==` / `!=`: lowered only where they mean the same as the strict form, or as the `x == null` idiom. */
function lowerLooseEquality(node: BinaryExpression, ctx: LowerContext, negate: boolean): string {
  const left = node.getLeft();
  const right = node.getRight();
  const not = (text: string) => (negate ? `$not(${text})` : text);
  for (const [side, other] of [[left, right], [right, left]] as const) {
    if (isNullLiteral(side) || isUndefinedLiteral(side)) {
      // x == null is true for null and undefined alike; `!= null` is false for a missing value in JSONata.
      if (mayBeNaN(other)) return not(`$not($exists(${lowerNode(other, ctx)}))`);
      return not(`$not(${lowerNode(other, ctx)} != null)`);
    }
  }
  const l = kindsOf(left);
  const r = kindsOf(right);
  for (const kind of ['string', 'number', 'boolean'] as const) {
    if (onlyKinds(l, kind) && onlyKinds(r, kind)) {
      if (kind === 'number' && mayBeNaN(left) && mayBeNaN(right)) return lowerStrictEquality(node, ctx, negate);
      return `(${lowerNode(left, ctx)} ${negate ? '!=' : '='} ${lowerNode(right, ctx)})`;
    }
  }
  const token = node.getOperatorToken();
  const strict = negate ? '!==' : '===';
  const fix = { description: `Use \`${strict}\``, edits: [editAt(node, token.getStart(), token.getEnd(), strict)] };
  return ctx.report('expression_loose_equality', node, { operator: token.getText(), left: left.getType().getText(), right: right.getType().getText(), strict }, fix);
}

/** `&&` / `||` return one of their operands in JavaScript, not a boolean. */
function lowerLogical(node: BinaryExpression, ctx: LowerContext, and: boolean): string {
  const left = node.getLeft();
  const right = node.getRight();
  const l = kindsOf(left);
  if (onlyKinds(l, 'boolean') && onlyKinds(kindsOf(right), 'boolean')) return lowerConditionNode(node, ctx);
  return bindOnce(lowerNode(left, ctx), ctx, (v) => {
    const test = truthy(v, truthinessKinds(left), ctx);
    const other = lowerNode(right, ctx);
    return and ? `(${test} ? ${other} : ${v})` : `(${test} ? ${v} : ${other})`;
  });
}

/** Object.prototype's members, which `in` also finds on every object. */
const PROTOTYPE_KEYS = ['constructor', '__defineGetter__', '__defineSetter__', 'hasOwnProperty', '__lookupGetter__', '__lookupSetter__', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'valueOf', '__proto__', 'toLocaleString'];

function lowerIn(node: BinaryExpression, ctx: LowerContext): string {
  const key = node.getLeft();
  const target = node.getRight();
  if (!onlyKinds(kindsOf(target), 'object') || !onlyKinds(kindsOf(key), 'string')) {
    return ctx.report('expression_unsupported_operator', node, { operator: 'in', reason: 'only `"key" in object` with a string key is supported' });
  }
  const prototypeKeys = `[${PROTOTYPE_KEYS.map((k) => JSON.stringify(k)).join(', ')}]`;
  return bindOnce(lowerNode(key, ctx), ctx, (k) => `(${k} in [$keys(${lowerNode(target, ctx)})] or ${k} in ${prototypeKeys})`);
}

/** Lowers `!x`, `-x`, `+x`; `~` and `++`/`--` inside expressions are refused. */
export function lowerPrefixUnary(node: PrefixUnaryExpression, ctx: LowerContext): string {
  const operand = node.getOperand();
  switch (node.getOperatorToken()) {
    case SyntaxKind.ExclamationToken:
      return lowerConditionNode(node, ctx);
    case SyntaxKind.MinusToken:
      if (!onlyKinds(declaredKinds(operand), 'number')) return ctx.report('expression_unsupported_operator', node, { operator: '-', reason: 'the operand must be a number' });
      if (Node.isNumericLiteral(operand)) return numberLiteral(-numericLiteralValue(operand));
      if (mayBeNaN(operand)) return unlessNaN(lowerNode(operand, ctx), ctx, 'null', (v) => `-${v}`);
      return `(-${lowerNode(operand, ctx)})`;
    case SyntaxKind.PlusToken:
      return lowerNumberConversion(operand, ctx);
    case SyntaxKind.PlusPlusToken:
    case SyntaxKind.MinusMinusToken:
      return ctx.report('expression_mutation', node, { text: node.getText() });
    default:
      return ctx.report('expression_unsupported_operator', node, { operator: node.getText().slice(0, 1), reason: 'bitwise operators have no JSONata counterpart' });
  }
}

/** Number(v) for a value of `kinds`. */
export function toNumber(text: string, kinds: Kinds, ctx: LowerContext): string {
  if (onlyKinds(kinds, 'number')) return text;
  if (onlyKinds(kinds, 'boolean')) return `(${text} ? 1 : 0)`;
  // JSONata's $number raises D3030 where JavaScript yields NaN ("abc"): NaN is not JSON, so the divergence is a runtime error.
  return `${ctx.helper('toNumber')}(${text})`;
}

/**
 * `Number(v)` and `+v` with JavaScript's rules for text (`numberOrNaN`): NaN,
 * for text that is no number, is null. A literal is converted by JavaScript.
 */
export function lowerNumberConversion(operand: Expression, ctx: LowerContext): string {
  const literal = Node.isStringLiteral(operand) || Node.isNoSubstitutionTemplateLiteral(operand) ? Number(operand.getLiteralValue()) : undefined;
  if (literal !== undefined && Number.isFinite(literal)) return numberLiteral(literal);
  if (literal !== undefined && Number.isNaN(literal)) return 'null';
  const kinds = kindsOf(operand);
  if (onlyKinds(kinds, 'number') || onlyKinds(kinds, 'boolean')) return toNumber(lowerNode(operand, ctx), kinds, ctx);
  const text = lowerNode(operand, ctx);
  // A NaN among other kinds is null, which numberOrNaN would read as JSON null (0).
  if (mayBeNaN(operand)) return unlessNaN(text, ctx, 'null', (v) => `${ctx.helper('numberOrNaN')}(${v})`);
  return `${ctx.helper('numberOrNaN')}(${text})`;
}

/** `c ? a : b` with JavaScript's truthiness for `c`. */
export function lowerConditional(node: ConditionalExpression, ctx: LowerContext): string {
  return `(${lowerConditionNode(node.getCondition(), ctx)} ? ${lowerNode(node.getWhenTrue(), ctx)} : ${lowerNode(node.getWhenFalse(), ctx)})`;
}

