import type { Node } from 'ts-morph';
import type { LoweringContext } from '../context.js';
import { label } from '../flow.js';
import type { IrGraph, IrParallel, IrPass } from '../ir.js';
import { catchAll } from './catchers.js';

/** JavaScript's `{ status: 'fulfilled', value }` around a JSONata value. */
export function fulfilled(value: string): string {
  return `{'status': 'fulfilled', 'value': ${value}}`;
}

/** JavaScript's `{ status: 'rejected', reason }` around a caught error. */
export function rejected(reason: string): string {
  return `{'status': 'rejected', 'reason': ${reason}}`;
}

/**
 * A graph that runs `graph` and ends with what `Promise.allSettled` makes of
 * it: a one-branch Parallel whose Output is `{ status: 'fulfilled', value }`,
 * and whose catcher goes to a Pass with `{ status: 'rejected', reason }`
 * (`reason` as `catch (e)` would see it). For a body with its own `return`s
 * (an async arrow, a Map iteration), where the value cannot be wrapped where
 * it is returned.
 *
 * @example
 * settleGraph(lowerBody(callback, …), callback, 'item', ctx) // Parallel [body] → Output fulfilled; Catch → Pass rejected
 */
export function settleGraph(graph: IrGraph, node: Node, what: string, ctx: LoweringContext): IrGraph {
  const reason = ctx.names.fresh('reason');
  const failed: IrPass = { kind: 'pass', hint: `Settle ${what} as rejected`, node, assign: new Map(), output: rejected(`$${reason}`), end: true };
  const run: IrParallel = {
    kind: 'parallel',
    hint: `Settle ${what}`,
    node,
    assign: new Map(),
    branches: [graph],
    output: fulfilled('$states.result[0]'),
    end: true,
    catch: [catchAll(reason, failed)],
  };
  const start = label();
  start.next = run;
  return { start };
}
