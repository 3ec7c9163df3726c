import type { IfStatement } from 'ts-morph';
import type { LoweringContext } from '../context.js';
import { addConditionChoice } from '../condition-choice.js';
import { label, type Flow } from '../flow.js';
import { sourceSnippet } from '../state-hints.js';
import { lowerStatements, statementsOf } from './statements.js';

/**
 * `if (c) … else …` with an await (or a return/throw/break) inside → a
 * Choice whose rule tests JavaScript truthiness of `c`; both branches join
 * after it.
 *
 * @example
 * // if (order.total > 1000) await sleep(60); → Choice "If order.total > 1000"
 */
export function lowerIfStatement(statement: IfStatement, flow: Flow, ctx: LoweringContext): void {
  const condition = statement.getExpression();
  const [thenExit, elseExit] = addConditionChoice(`If ${sourceSnippet(condition)}`, statement, condition, flow, ctx);
  const after = label();
  const thenFlow = flow.fork([thenExit]);
  lowerStatements(statementsOf(statement.getThenStatement()), thenFlow, ctx);
  thenFlow.jump(after, statement);
  const elseFlow = flow.fork([elseExit]);
  const otherwise = statement.getElseStatement();
  if (otherwise) lowerStatements(statementsOf(otherwise), elseFlow, ctx);
  elseFlow.jump(after, statement);
  flow.continueAfter(after);
}
