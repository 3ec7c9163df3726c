import type { ForOfStatement, ForStatement, Node } from 'ts-morph';
import type { LoweringContext } from '../context.js';
import { label, type Exit, type Flow } from '../flow.js';
import type { IrLabel } from '../ir.js';
import { lowerStatements, statementsOf } from './statements.js';

/**
 * The body of a loop whose rounds end with work of their own (a `for`'s update,
 * a `for…of`'s index step): `break` goes to `after`, `continue` to a label the
 * body's end joins only when some `continue` reaches it.
 */
export function lowerRoundBody(statement: ForStatement | ForOfStatement, body: Flow, after: IrLabel, ctx: LoweringContext, labels: { labels?: string[] }): void {
  const next = label();
  ctx.loops.push({ breakTo: after, continueTo: next, ...labels });
  lowerStatements(statementsOf(statement.getStatement()), body, ctx);
  ctx.loops.pop();
  // Without a `continue`, the round's end work folds into the body's last state; with one, both paths meet first.
  if (next.incoming > 0) {
    body.jump(next, statement);
    body.continueAfter(next);
  }
}

/** Control after a loop: the test's leaving exit, joined by every `break` (which went to `after`). */
export function leaveLoop(flow: Flow, leave: Exit, after: IrLabel, statement: Node): void {
  flow.exits = [leave];
  if (after.incoming > 0) {
    flow.jump(after, statement);
    flow.resumeAt(after);
  }
}
