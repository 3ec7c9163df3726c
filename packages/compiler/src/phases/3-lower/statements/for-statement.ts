import { Node, SyntaxKind, type Expression, type ForStatement } from '../../../ts-morph.js';
import { hoistAwaits } from '../awaited/hoist.js';
import type { LoweringContext } from '../context.js';
import { lowerExpression } from '../expressions/index.js';
import { label, type Flow } from '../flow.js';
import { scopeOf, type PendingItem } from '../pending.js';
import { sourceSnippet } from '../state-hints.js';
import { addConditionChoice } from '../condition-choice.js';
import { takeLabels } from './labeled-statement.js';
import { leaveLoop, lowerRoundBody } from './loop-jumps.js';

/**
 * `for (init; c; update) body` with awaits → init as pending work, then a
 * Choice loop; the update runs at the end of each round and on `continue`.
 *
 * @example
 * // for (let attempt = 0; attempt < 3; attempt++) { … await … }
 */
export function lowerForStatement(statement: ForStatement, flow: Flow, ctx: LoweringContext): void {
  const labels = takeLabels(ctx);
  const initializer = statement.getInitializer();
  if (initializer) {
    hoistAwaits(initializer, flow, ctx);
    if (Node.isVariableDeclarationList(initializer)) {
      for (const declaration of initializer.getDeclarations()) {
        const value = declaration.getInitializer();
        const variable = ctx.names.of(declaration);
        if (!value || variable === undefined || !Node.isIdentifier(declaration.getNameNode())) {
          ctx.diagnostics.report('unsupported_loop_update', declaration);
          continue;
        }
        flow.pending.push({ kind: 'bind', variable, value: (read) => lowerExpression(value, scopeOf(read, ctx.names, ctx.diagnostics)) });
      }
    } else flow.pending.push(...updateItems(initializer, ctx));
  }
  const head = label();
  const after = label();
  flow.jump(head, statement);
  flow.resumeAt(head);
  const condition = statement.getCondition();
  if (condition) hoistAwaits(condition, flow, ctx);
  const [enter, leave] = addConditionChoice(condition ? `Loop while ${sourceSnippet(condition)}` : 'Loop', statement, condition, flow, ctx);
  const body = flow.fork([enter]);
  lowerRoundBody(statement, body, after, ctx, labels);
  const update = statement.getIncrementor();
  if (update && body.live) {
    hoistAwaits(update, body, ctx);
    if (body.live) body.pending.push(...updateItems(update, ctx));
  }
  body.jump(head, statement);
  leaveLoop(flow, leave, after, statement);
}

/** `i++`, `i += n`, `i = e`, and comma lists of them, as bindings (they are expressions, not statements). */
function updateItems(expression: Expression, ctx: LoweringContext): PendingItem[] {
  const scope = (read: (v: string) => string) => scopeOf(read, ctx.names, ctx.diagnostics);
  if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.CommaToken) {
    return [...updateItems(expression.getLeft(), ctx), ...updateItems(expression.getRight(), ctx)];
  }
  if ((Node.isPostfixUnaryExpression(expression) || Node.isPrefixUnaryExpression(expression)) && Node.isIdentifier(expression.getOperand())) {
    const variable = ctx.names.ofReference(expression.getOperand());
    const operator = expression.getOperatorToken();
    if (variable !== undefined && (operator === SyntaxKind.PlusPlusToken || operator === SyntaxKind.MinusMinusToken)) {
      return [{ kind: 'bind', variable, value: (read) => `${read(variable)} ${operator === SyntaxKind.PlusPlusToken ? '+' : '-'} 1` }];
    }
  }
  if (Node.isBinaryExpression(expression) && Node.isIdentifier(expression.getLeft())) {
    const variable = ctx.names.ofReference(expression.getLeft());
    const operator = { [SyntaxKind.EqualsToken]: '', [SyntaxKind.PlusEqualsToken]: '+', [SyntaxKind.MinusEqualsToken]: '-', [SyntaxKind.AsteriskEqualsToken]: '*' }[expression.getOperatorToken().getKind() as number];
    const right = expression.getRight();
    if (variable !== undefined && operator !== undefined) {
      return [{ kind: 'bind', variable, value: (read) => (operator === '' ? lowerExpression(right, scope(read)) : `${read(variable)} ${operator} (${lowerExpression(right, scope(read))})`) }];
    }
  }
  ctx.diagnostics.report('unsupported_loop_update', expression);
  return [];
}
