import { Node, SyntaxKind, onFirstUse, type Expression } from '../../../ts-morph.js';
import { isGlobal } from './standard-globals.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { bindOnce } from './text.js';
import { lowerConditionNode, truthy } from './truthiness.js';
import { declaredKinds, kindsOf, onlyKinds } from './value-kinds.js';

/**
 * `Infinity` as a bound: JSON has no Infinity, so no workflow value holds one,
 * but a comparison with it is decided without the value (`x < Infinity` is
 * true for every JSON number). A comparison whose operand is `±Infinity`,
 * `Number.POSITIVE_INFINITY`… directly or as a branch of `??`, `||`, `&&` or
 * `? :` is distributed over the branches:
 * `x < (a ?? Infinity)` → `a` nullish ? true : `x < a`.
 */

/** +1 for `Infinity`, `Number.POSITIVE_INFINITY`, `+Infinity`; -1 for their negations; 0 for anything else. */
export function infinitySign(node: Node): 1 | -1 | 0 {
  const inner = stripped(node);
  if (Node.isIdentifier(inner) && isGlobal(inner, 'Infinity')) return 1;
  if (Node.isPropertyAccessExpression(inner) && isGlobal(inner.getExpression(), 'Number')) {
    if (inner.getName() === 'POSITIVE_INFINITY') return 1;
    if (inner.getName() === 'NEGATIVE_INFINITY') return -1;
  }
  if (Node.isPrefixUnaryExpression(inner) && (inner.getOperatorToken() === SyntaxKind.MinusToken || inner.getOperatorToken() === SyntaxKind.PlusToken)) {
    const sign = infinitySign(inner.getOperand());
    return inner.getOperatorToken() === SyntaxKind.MinusToken ? (-sign as 1 | -1 | 0) : sign;
  }
  return 0;
}

/** True when `node` is an infinity or has one as a branch of `??`, `||`, `&&`, `? :`. */
export function mentionsInfinity(node: Node): boolean {
  const inner = stripped(node);
  if (infinitySign(inner) !== 0) return true;
  if (Node.isConditionalExpression(inner)) return mentionsInfinity(inner.getWhenTrue()) || mentionsInfinity(inner.getWhenFalse());
  if (Node.isBinaryExpression(inner) && branching().has(inner.getOperatorToken().getKind())) return mentionsInfinity(inner.getLeft()) || mentionsInfinity(inner.getRight());
  return false;
}

const branching = onFirstUse(() => new Set([SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken, SyntaxKind.AmpersandAmpersandToken]));

/** What a comparison sees on one side, once the branches are chosen: an infinity, or a number's JSONata text. */
type Operand = { infinity: 1 | -1 } | { text: string };

/**
 * `left <op> right` where a side mentions an infinity, distributed over the
 * branches that choose it. Left is evaluated before right on every path, as in
 * JavaScript; an operand compared with an infinity is still evaluated.
 */
export function lowerInfinityComparison(operator: string, left: Expression, right: Expression, ctx: LowerContext): string | undefined {
  if (!mentionsInfinity(left) && !mentionsInfinity(right)) return undefined;
  return choose(left, ctx, (l) => choose(right, ctx, (r) => compare(operator, l, r)));
}

/** Calls `k` with the operand `node` gives on each path through its `??`/`||`/`&&`/`? :` branches. */
function choose(node: Expression, ctx: LowerContext, k: (operand: Operand) => string): string {
  const inner = stripped(node) as Expression;
  const sign = infinitySign(inner);
  if (sign !== 0) return k({ infinity: sign });
  if (!mentionsInfinity(inner)) {
    if (!onlyKinds(declaredKinds(inner), 'number')) return ctx.report('expression_unsupported_operator', node, { operator: 'comparison with Infinity', reason: 'the other side must be a number' });
    return bindOnce(lowerNode(inner, ctx), ctx, (text) => k({ text }));
  }
  if (Node.isConditionalExpression(inner)) {
    return `(${lowerConditionNode(inner.getCondition(), ctx)} ? ${choose(inner.getWhenTrue(), ctx, k)} : ${choose(inner.getWhenFalse(), ctx, k)})`;
  }
  if (!Node.isBinaryExpression(inner)) return ctx.report('unsupported_expression', node, { kind: '`Infinity`', reason: 'JSON has no NaN or Infinity, so no workflow value can hold one' });
  const first = inner.getLeft();
  const operator = inner.getOperatorToken().getKind();
  if (infinitySign(first) !== 0) {
    // `Infinity || b` is Infinity, `Infinity && b` is b; `Infinity ?? b` is Infinity.
    return operator === SyntaxKind.AmpersandAmpersandToken ? choose(inner.getRight(), ctx, k) : choose(first, ctx, k);
  }
  if (mentionsInfinity(first)) return ctx.report('unsupported_expression', first, { kind: '`Infinity` on the left of `??`, `||` or `&&`', reason: 'JSON has no NaN or Infinity, so no workflow value can hold one' });
  const kinds = kindsOf(first);
  return bindOnce(lowerNode(first, ctx), ctx, (value) => {
    const takeFirst = operator === SyntaxKind.QuestionQuestionToken ? `${value} != null` : operator === SyntaxKind.BarBarToken ? truthy(value, kinds, ctx) : `$not(${truthy(value, kinds, ctx)})`;
    return `(${takeFirst} ? ${k({ text: value })} : ${choose(inner.getRight(), ctx, k)})`;
  });
}

/**
 * One path's comparison: two numbers compare in JSONata; with an infinity the answer is known, as every JSON
 * number is finite (a finite side was bound, so evaluated, by {@link choose} already).
 */
function compare(operator: string, left: Operand, right: Operand): string {
  if ('text' in left && 'text' in right) return `(${left.text} ${operator} ${right.text})`;
  const value = (operand: Operand) => ('infinity' in operand ? operand.infinity * Infinity : 0);
  return String(ORDER[operator](value(left), value(right)));
}

const ORDER: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function stripped(node: Node): Node {
  return Node.isParenthesizedExpression(node) || Node.isNonNullExpression(node) || Node.isAsExpression(node) ? stripped(node.getExpression()) : node;
}
