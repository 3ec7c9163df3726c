import type { LoweringContext } from '../context.js';
import type { IrCatch, IrNode } from '../ir.js';

/**
 * What `catch (e)` sees, built from the error output: the same fields as the
 * dsl's native `WorkflowError` (`name` is the ASL Error; `message` the Cause
 * or `''`; `cause` the Cause when there is one).
 */
const CAUGHT_ERROR =
  "{'name': $states.errorOutput.Error, 'message': $exists($states.errorOutput.Cause) ? $states.errorOutput.Cause : '', 'cause': $states.errorOutput.Cause}";

/**
 * The catchers of a state that can fail, inside the innermost `try`: every
 * error (`States.ALL`) goes to its handler, binding the `catch` variable.
 * Outside any `try` a state has none and a failure fails the execution.
 *
 * @example
 * catchersFor(ctx) // [{ errors: ['States.ALL'], assign: Map { e → CAUGHT_ERROR }, next: handler }]
 */
export function catchersFor(ctx: LoweringContext): IrCatch[] {
  const target = ctx.catches.at(-1);
  if (!target) return [];
  target.handler.incoming += 1;
  const assign = new Map<string, string>();
  if (target.variable !== undefined) assign.set(target.variable, CAUGHT_ERROR);
  return [{ errors: ['States.ALL'], assign, next: target.handler }];
}

/**
 * A catcher of every error that binds `variable` to what `catch (e)` sees
 * and goes to `next`: how `Promise.allSettled` turns a failed branch into
 * its `reason`.
 */
export function catchAll(variable: string, next: IrNode): IrCatch {
  return { errors: ['States.ALL'], assign: new Map([[variable, CAUGHT_ERROR]]), next };
}
