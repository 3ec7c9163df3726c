import type { BreakStatement, ContinueStatement } from 'ts-morph';
import type { LoopTargets, LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';
import { runFinallyBlocks } from './finally-exit.js';

/**
 * `break` → a jump to the innermost loop's or switch's exit; `break outer`
 * to the exit of the statement labeled `outer`. The `finally` blocks the
 * jump leaves run first.
 *
 * @example
 * // while (…) { if (await done()) break; … }
 */
export function lowerBreakStatement(statement: BreakStatement, flow: Flow, ctx: LoweringContext): void {
  const target = targetOf(statement, ctx, (loop) => !loop.labeledOnly);
  if (!target) {
    ctx.diagnostics.report('labeled_jump', statement);
    return;
  }
  runFinallyBlocks(ctx.loops.indexOf(target) + 1, 'break', flow, ctx);
  if (flow.live) flow.jump(target.breakTo, statement);
}

/**
 * `continue` → a jump to the innermost loop's next round (its condition, or
 * its update first); `continue outer` to the next round of the loop labeled
 * `outer`.
 *
 * @example
 * // for (const item of items) { if (!item.active) continue; await process(item); }
 */
export function lowerContinueStatement(statement: ContinueStatement, flow: Flow, ctx: LoweringContext): void {
  const target = targetOf(statement, ctx, (loop) => !loop.isSwitch && !loop.labeledOnly);
  if (!target || target.isSwitch || target.labeledOnly) {
    ctx.diagnostics.report('labeled_jump', statement);
    return;
  }
  runFinallyBlocks(ctx.loops.indexOf(target) + 1, 'continue', flow, ctx);
  if (flow.live) flow.jump(target.continueTo, statement);
}

/** The statement a jump targets: the one with its label, else the innermost one `unlabeled` accepts. */
function targetOf(statement: BreakStatement | ContinueStatement, ctx: LoweringContext, unlabeled: (loop: LoopTargets) => boolean): LoopTargets | undefined {
  const name = statement.getLabel()?.getText();
  const loops = [...ctx.loops].reverse();
  return name === undefined ? loops.find(unlabeled) : loops.find((loop) => loop.labels?.includes(name));
}
