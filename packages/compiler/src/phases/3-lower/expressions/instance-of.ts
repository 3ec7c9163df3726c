import { Node, type BinaryExpression, type Expression } from '../../../ts-morph.js';
import { classNamesOf, ERROR_CLASS_FIELD, errorClassOf, errorClassRef, errorNamesOf, hasPlainErrorClasses } from '../../1-discover/index.js';
import { lowerNode, type LowerContext } from './lower-context.js';

/**
 * `e instanceof X` where `e` is a caught error (`catch (e)`, or a rejected
 * result's `reason`). Every caught error is a WorkflowError (natively too:
 * failures are reported as one) unless it is an instance of an `Error`
 * subclass thrown in the body: the catch variable keeps its class (see
 * `ERROR_CLASS_FIELD`), which `instanceof` of such a class tests.
 * `instanceof Error` is always true. For an error class of the program the
 * compiled workflow can only see the error's name: the test is "the name is
 * one the class or a class extending it gives its errors". Natively the
 * class's `Symbol.hasInstance` matches a failure the runtime reported by the
 * class's own name (see the dsl's WorkflowError).
 *
 * @example
 * // e instanceof PaymentDeclined → ($e.name in ["PaymentDeclined", "CardExpired"])
 */
export function lowerInstanceOf(node: BinaryExpression, ctx: LowerContext): string {
  const left = node.getLeft();
  if (!isCaughtError(left)) {
    return ctx.report('expression_unsupported_operator', node, { operator: 'instanceof', reason: 'only a caught error (`catch (e)`, a rejected `reason`) can be tested: other workflow values are JSON data, not class instances' });
  }
  const ref = errorClassRef(node.getRight());
  if (!ref) return ctx.report('expression_unsupported_operator', node, { operator: 'instanceof', reason: 'the class must be WorkflowError, Error or an error class that extends one of them' });
  // Only a program with error classes extending `Error` can throw an error that is not a WorkflowError.
  const notPlain = (e: string) => (hasPlainErrorClasses(node) ? `$not($exists(${e}.${ERROR_CLASS_FIELD}))` : 'true');
  if (ref.kind === 'error') return 'true';
  if (ref.kind === 'workflow-error') return notPlain(lowerNode(left, ctx));
  const e = lowerNode(left, ctx);
  const target = errorClassOf(ref.declaration, ctx.scope.diagnostics);
  if (!target) return 'false';
  // An instance of an `Error` subclass is told by its class, which the catch variable keeps.
  if (target.root === 'error') return `(${e}.${ERROR_CLASS_FIELD} in ${list(classNamesOf(ref.declaration, node))})`;
  const names = errorNamesOf(ref.declaration, node, ctx.scope.diagnostics);
  if (!names) return 'false';
  const byName = `(${e}.name in ${list(names)})`;
  return notPlain(e) === 'true' ? byName : `(${byName} and ${notPlain(e)})`;
}

function list(names: string[]): string {
  return `[${names.map((name) => JSON.stringify(name)).join(', ')}]`;
}

/** A `catch (e)` variable, or `r.reason` of a `PromiseRejectedResult`. */
export function isCaughtError(expression: Expression): boolean {
  let inner: Node = expression;
  while (Node.isParenthesizedExpression(inner) || Node.isAsExpression(inner) || Node.isNonNullExpression(inner)) inner = inner.getExpression();
  if (Node.isIdentifier(inner)) return inner.getSymbol()?.getDeclarations().some((declaration) => Node.isCatchClause(declaration.getParent())) ?? false;
  if (Node.isPropertyAccessExpression(inner) && inner.getName() === 'reason') {
    return inner.getExpression().getType().getSymbol()?.getName() === 'PromiseRejectedResult';
  }
  return false;
}
