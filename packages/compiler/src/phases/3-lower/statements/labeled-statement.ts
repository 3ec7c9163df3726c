import { Node, type LabeledStatement } from '../../../ts-morph.js';
import type { LoweringContext } from '../context.js';
import { label, type Flow } from '../flow.js';
import { lowerStatements, statementsOf } from './statements.js';

/**
 * `outer: for (…) { … continue outer; }` → the loop, whose jump targets
 * carry the label (`break outer` leaves it, `continue outer` starts its
 * next round). A labeled block or `if` takes `break label` only: it jumps
 * to the end of the statement.
 *
 * @example
 * // outer: for (const row of rows) { for (const cell of row) { if (await bad(cell)) continue outer; } }
 */
export function lowerLabeledStatement(statement: LabeledStatement, flow: Flow, ctx: LoweringContext): void {
  const labels = [...(ctx.nextLabels ?? []), statement.getLabel().getText()];
  const inner = statement.getStatement();
  if (Node.isIterationStatement(inner) || Node.isSwitchStatement(inner) || Node.isLabeledStatement(inner)) {
    // The loop (or switch) pushes its targets next: they take the labels.
    ctx.nextLabels = labels;
    lowerStatements([inner], flow, ctx);
    ctx.nextLabels = undefined;
    return;
  }
  const after = label();
  ctx.loops.push({ breakTo: after, continueTo: after, labeledOnly: true, labels });
  lowerStatements(statementsOf(inner), flow, ctx);
  ctx.loops.pop();
  flow.jump(after, statement);
  flow.continueAfter(after);
}

/** The labels waiting for the loop target about to be pushed (then cleared: nested loops have their own). */
export function takeLabels(ctx: LoweringContext): { labels?: string[] } {
  const labels = ctx.nextLabels;
  ctx.nextLabels = undefined;
  return labels ? { labels } : {};
}
