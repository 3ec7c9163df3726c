import type { DoStatement } from 'ts-morph';
import { hoistAwaits } from '../awaited/hoist.js';
import type { LoweringContext } from '../context.js';
import { label, type Flow } from '../flow.js';
import { sourceSnippet } from '../state-hints.js';
import { addConditionChoice } from '../condition-choice.js';
import { takeLabels } from './labeled-statement.js';
import { leaveLoop } from './loop-jumps.js';
import { lowerStatements, statementsOf } from './statements.js';

/**
 * `do body while (c)` → the body, then a Choice that goes back to the body's
 * start while `c` holds; `continue` goes to the test.
 *
 * @example
 * // do { status = await check(id); } while (status !== 'DONE');
 */
export function lowerDoStatement(statement: DoStatement, flow: Flow, ctx: LoweringContext): void {
  const labels = takeLabels(ctx);
  const head = label();
  const test = label();
  const after = label();
  flow.jump(head, statement);
  flow.resumeAt(head);
  ctx.loops.push({ breakTo: after, continueTo: test, ...labels });
  lowerStatements(statementsOf(statement.getStatement()), flow, ctx);
  ctx.loops.pop();
  flow.jump(test, statement);
  flow.continueAfter(test);
  if (!flow.live) {
    flow.continueAfter(after);
    return;
  }
  hoistAwaits(statement.getExpression(), flow, ctx);
  if (!flow.live) {
    flow.continueAfter(after);
    return;
  }
  const [again, leave] = addConditionChoice(`Repeat while ${sourceSnippet(statement.getExpression())}`, statement, statement.getExpression(), flow, ctx);
  again.set(head);
  head.incoming += 1;
  leaveLoop(flow, leave, after, statement);
}
