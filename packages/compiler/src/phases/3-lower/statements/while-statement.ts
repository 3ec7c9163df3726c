import type { WhileStatement } from 'ts-morph';
import { hoistAwaits } from '../awaited/hoist.js';
import type { LoweringContext } from '../context.js';
import { label, type Flow } from '../flow.js';
import { sourceSnippet } from '../state-hints.js';
import { addConditionChoice } from '../condition-choice.js';
import { takeLabels } from './labeled-statement.js';
import { leaveLoop } from './loop-jumps.js';
import { lowerStatements, statementsOf } from './statements.js';

/**
 * `while (c) body` with awaits → a Choice loop: the test, the body's states,
 * a jump back to the test; `break` leaves, `continue` goes to the test.
 *
 * @example
 * // while (!(await poll(job)).done) … → Choice "While …" ⇄ body
 */
export function lowerWhileStatement(statement: WhileStatement, flow: Flow, ctx: LoweringContext): void {
  const labels = takeLabels(ctx);
  const head = label();
  const after = label();
  flow.jump(head, statement);
  flow.resumeAt(head);
  // The condition's awaits run again before each test.
  hoistAwaits(statement.getExpression(), flow, ctx);
  const [enter, leave] = addConditionChoice(`While ${sourceSnippet(statement.getExpression())}`, statement, statement.getExpression(), flow, ctx);
  const body = flow.fork([enter]);
  ctx.loops.push({ breakTo: after, continueTo: head, ...labels });
  lowerStatements(statementsOf(statement.getStatement()), body, ctx);
  ctx.loops.pop();
  body.jump(head, statement);
  leaveLoop(flow, leave, after, statement);
}
