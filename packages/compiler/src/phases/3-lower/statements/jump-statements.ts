import type { BreakStatement, ContinueStatement } from 'ts-morph';
import type { LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';
import { runFinallyBlocks } from './finally-exit.js';

/**
 * `break` → a jump to the innermost loop's or switch's exit.
 *
 * @example
 * // while (…) { if (await done()) break; … }
 */
export function lowerBreakStatement(statement: BreakStatement, flow: Flow, ctx: LoweringContext): void {
  const target = ctx.loops.at(-1);
  if (statement.getLabel() || !target) {
    ctx.diagnostics.report('labeled_jump', statement);
    return;
  }
  runFinallyBlocks(ctx.loops.length, 'break', flow, ctx);
  if (flow.live) flow.jump(target.breakTo, statement);
}

/**
 * `continue` → a jump to the innermost loop's next round (its condition, or
 * its update first).
 *
 * @example
 * // for (const item of items) { if (!item.active) continue; await process(item); }
 */
export function lowerContinueStatement(statement: ContinueStatement, flow: Flow, ctx: LoweringContext): void {
  const target = [...ctx.loops].reverse().find((loop) => !loop.isSwitch);
  if (statement.getLabel() || !target) {
    ctx.diagnostics.report('labeled_jump', statement);
    return;
  }
  runFinallyBlocks(ctx.loops.indexOf(target) + 1, 'continue', flow, ctx);
  if (flow.live) flow.jump(target.continueTo, statement);
}
