import type { LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';
import { lowerStatements } from './statements.js';

/**
 * Runs the `finally` blocks a jump leaves (`return`, or `break`/`continue`
 * to a loop outside them), innermost first, each with the handlers and loops
 * that are outside its own `try`. `loopDepth` is the number of loops the
 * jump stays inside (0 for a `return`).
 *
 * @example
 * // try { return await work(); } finally { await unlock(); }  → work, unlock, then the return
 */
export function runFinallyBlocks(loopDepth: number, jump: 'return' | 'break' | 'continue', flow: Flow, ctx: LoweringContext): void {
  const frames = ctx.finallies.filter((frame) => frame.loops >= loopDepth);
  if (frames.length === 0) return;
  const saved = { catches: ctx.catches, finallies: ctx.finallies, loops: ctx.loops, copy: ctx.copy };
  // A named task in these copies gets its own state name: `Release lock (on return)`.
  ctx.copy = `on ${jump}`;
  for (const frame of [...frames].reverse()) {
    if (!flow.live) break;
    ctx.catches = saved.catches.slice(0, frame.catches);
    ctx.finallies = saved.finallies.slice(0, saved.finallies.indexOf(frame));
    ctx.loops = saved.loops.slice(0, frame.loops);
    lowerStatements(frame.block.getStatements(), flow, ctx);
  }
  ctx.catches = saved.catches;
  ctx.finallies = saved.finallies;
  ctx.loops = saved.loops;
  ctx.copy = saved.copy;
}
