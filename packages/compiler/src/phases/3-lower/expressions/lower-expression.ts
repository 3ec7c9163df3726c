import { Node, SyntaxKind, type Expression } from '../../../ts-morph.js';
import { lowerElementAccess, lowerPropertyAccess } from './access.js';
import { isArrayOfLength, lowerArrayOfLength } from './array-methods.js';
import { lowerCall } from './calls.js';
import { lowerNewCollection } from './collections.js';
import { lowerNewDate } from './dates.js';
import { expressionRootOf, hoistProblem, isChange, reportUnhoisted } from './effects.js';
import { lowerFunctionExpression } from './functions.js';
import { lowerIdentifier } from './identifiers.js';
import { lowerArrayLiteral, lowerObjectLiteral, lowerTemplate } from './literals.js';
import type { LowerContext } from './lower-context.js';
import { mayBeNaN } from './nan-analysis.js';
import { checkNaNUse, unlessNaN } from './nan-values.js';
import { lowerBinary, lowerConditional, lowerPrefixUnary } from './operators.js';
import { numberLiteral, stringLiteral } from './text.js';
import { numericLiteralValue } from '../../1-discover/static-value.js';

/**
 * Lowers one expression node: one case per TypeScript syntax kind, each handed
 * to a named function. Anything else is reported as `unsupported_expression`.
 * The other expression files reach it through `lowerNode` (the context's
 * visitor table), not by importing this file.
 */
/** Why a change whose value is used could not run before its expression, when no order problem says so. */
function unhoistedReason(node: Node, root: Node): string {
  const fn = node.getFirstAncestor((ancestor) => Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor));
  if (fn && fn.getAncestors().includes(root)) return 'inside a callback it cannot run before the expression that uses its value: change the value in a statement of its own';
  const where = node.getFirstAncestor((ancestor) => Node.isThrowStatement(ancestor)) ? 'in a thrown value' : 'here';
  return `${where} a change whose value is used is not run before its expression: change the value in a statement of its own first`;
}

export function lowerExpressionNode(node: Expression, ctx: LowerContext): string {
  const hoisted = ctx.scope.hoisted?.(node);
  if (hoisted !== undefined) return hoisted;
  const substitute = ctx.substitutions.get(node);
  if (substitute !== undefined) return substitute;
  if (isChange(node)) {
    // A change whose value is used runs before its expression (`hoistMutations`), unless that would reorder effects.
    const root = expressionRootOf(node);
    return reportUnhoisted(node, hoistProblem(node, root) ?? unhoistedReason(node, root), ctx);
  }
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isNonNullExpression(node) || Node.isSatisfiesExpression(node) || Node.isTypeAssertion(node)) {
    return lowerExpressionNode(node.getExpression(), ctx);
  }
  const text = lowerSyntax(node, ctx);
  return mayBeNaN(node) ? checkNaNUse(node, text, ctx) : text;
}

function lowerSyntax(node: Expression, ctx: LowerContext): string {
  if (Node.isIdentifier(node)) return lowerIdentifier(node, ctx);
  if (Node.isNumericLiteral(node)) return numberLiteral(numericLiteralValue(node));
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return stringLiteral(node.getLiteralValue());
  if (Node.isTemplateExpression(node)) return lowerTemplate(node, ctx);
  if (Node.isTrueLiteral(node)) return 'true';
  if (Node.isFalseLiteral(node)) return 'false';
  if (Node.isNullLiteral(node)) return 'null';
  if (Node.isObjectLiteralExpression(node)) return lowerObjectLiteral(node, ctx);
  if (Node.isArrayLiteralExpression(node)) return lowerArrayLiteral(node, ctx);
  if (Node.isPropertyAccessExpression(node)) return lowerPropertyAccess(node, ctx);
  if (Node.isElementAccessExpression(node)) return lowerElementAccess(node, ctx);
  if (Node.isCallExpression(node)) return lowerCall(node, ctx);
  if (Node.isBinaryExpression(node)) return lowerBinary(node, ctx);
  if (Node.isPrefixUnaryExpression(node)) return lowerPrefixUnary(node, ctx);
  if (Node.isConditionalExpression(node)) return lowerConditional(node, ctx);
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) return lowerFunctionExpression(node, ctx);
  if (Node.isTypeOfExpression(node)) {
    const operand = lowerExpressionNode(node.getExpression(), ctx);
    if (mayBeNaN(node.getExpression())) return unlessNaN(operand, ctx, '"number"', (v) => `${ctx.helper('typeOf')}(${v})`);
    return `${ctx.helper('typeOf')}(${operand})`;
  }
  if (Node.isVoidExpression(node)) return '()';
  if (Node.isRegularExpressionLiteral(node)) {
    return ctx.report('unsupported_expression', node, { kind: 'regular expression value', reason: 'a RegExp is not JSON, so no workflow variable can hold one; write the literal where it is used (`re.test(s)`, `s.replace(/…/g, …)`) or keep it in a module-level `const`' });
  }
  if (Node.isNewExpression(node)) {
    const date = lowerNewDate(node, ctx);
    if (date !== undefined) return date;
    const collection = lowerNewCollection(node, ctx);
    if (collection !== undefined) return collection;
    if (isArrayOfLength(node)) return lowerArrayOfLength(node, ctx);
    return ctx.report('unsupported_expression', node, { kind: `\`new ${node.getExpression().getText()}\``, reason: 'workflow values are JSON data; only `throw new WorkflowError(…)` creates an object with `new`' });
  }
  if (Node.isAwaitExpression(node)) {
    return ctx.report('unsupported_expression', node, { kind: '`await`', reason: 'an awaited call becomes its own state; it cannot sit inside a JSONata expression' });
  }
  if (Node.isPostfixUnaryExpression(node) || node.getKind() === SyntaxKind.DeleteExpression) {
    return ctx.report('expression_mutation', node, { text: node.getText() });
  }
  return ctx.report('unsupported_expression', node, { kind: node.getKindName() });
}
