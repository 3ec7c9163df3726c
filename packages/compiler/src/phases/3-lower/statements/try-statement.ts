import type { TryStatement } from 'ts-morph';
import { rethrownError } from '../../1-discover/index.js';
import type { LoweringContext } from '../context.js';
import { label, type Flow } from '../flow.js';
import { lowerStatements } from './statements.js';
import { raise } from './throw-statement.js';


/**
 * `try { … } catch (e) { … } finally { … }` with awaits. Every state inside
 * the `try` block that can fail gets a catcher (`States.ALL`) to the handler,
 * binding `e` to `{ name, message, cause }` as the dsl's `WorkflowError`
 * gives them; a `throw` inside jumps there directly. `finally` is lowered on
 * each path: after the normal end, before re-throwing an error that nothing
 * caught, and before a `return`, `break` or `continue` that leaves it.
 *
 * @example
 * // try { await charge(req); } catch (e) { await refund(req); throw e; }
 */
export function lowerTryStatement(statement: TryStatement, flow: Flow, ctx: LoweringContext): void {
  const catchClause = statement.getCatchClause();
  const finallyBlock = statement.getFinallyBlock();
  let finallyHandler;
  let finallyVariable: string | undefined;
  if (finallyBlock) {
    finallyHandler = label();
    finallyVariable = ctx.names.fresh('finally_error');
    ctx.catchVariables.add(finallyVariable);
    ctx.finallies.push({ block: finallyBlock, catches: ctx.catches.length, loops: ctx.loops.length });
    ctx.catches.push({ handler: finallyHandler, variable: finallyVariable });
  }
  if (catchClause) {
    const handler = label();
    const declaration = catchClause.getVariableDeclaration();
    const variable = declaration ? ctx.names.of(declaration) : undefined;
    if (variable !== undefined) ctx.catchVariables.add(variable);
    ctx.catches.push({ handler, variable });
    lowerStatements(statement.getTryBlock().getStatements(), flow, ctx);
    ctx.catches.pop();
    const normal = label();
    flow.jump(normal, statement.getTryBlock());
    if (handler.incoming > 0) {
      const handling = flow.fork([]);
      handling.continueAfter(handler);
      lowerStatements(catchClause.getBlock().getStatements(), handling, ctx);
      handling.jump(normal, catchClause);
    }
    flow.continueAfter(normal);
  } else {
    lowerStatements(statement.getTryBlock().getStatements(), flow, ctx);
  }
  if (!finallyBlock || !finallyHandler || finallyVariable === undefined) return;
  ctx.catches.pop();
  ctx.finallies.pop();
  if (finallyHandler.incoming > 0) {
    const failing = flow.fork([]);
    failing.continueAfter(finallyHandler);
    const copy = ctx.copy;
    ctx.copy = 'on error';
    lowerStatements(finallyBlock.getStatements(), failing, ctx);
    ctx.copy = copy;
    if (failing.live) {
      const variable = finallyVariable;
      raise('Rethrow', finallyBlock, (read) => ({ ...rethrownError(read(variable), finallyBlock), whole: read(variable) }), true, failing, ctx);
    }
  }
  if (flow.live) lowerStatements(finallyBlock.getStatements(), flow, ctx);
}
