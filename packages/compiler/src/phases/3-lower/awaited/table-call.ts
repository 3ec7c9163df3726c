import type { CallExpression } from '../../../ts-morph.js';
import type { LoweringContext } from '../context.js';
import { lowerExpression, tableCallProblem, type LookupEntry, type TableCall } from '../expressions/index.js';
import { label, type Flow } from '../flow.js';
import type { IrChoice } from '../ir.js';
import { scopeOf } from '../pending.js';
import { sourceSnippet } from '../state-hints.js';
import { asyncHelperOf, lowerHelperCall } from './helper-call.js';
import type { Sink } from './result-binding.js';
import { lowerTaskCall } from './task-call.js';

/**
 * `await undo[kind](input)` through a table of tasks (see `lookup-tables.ts`)
 * → one Choice on the key with a rule per entry, each branch the entry's own
 * call (a Task, or an async helper inlined), joined after. The default raises
 * JavaScript's `TypeError: undo[kind] is not a function` (a key the table
 * lacks, which the types allow only through input that breaks them): caught
 * by an enclosing `catch` as natively, or a Fail with Error `TypeError`. A
 * static key (`undo.flight(…)`) is the entry's call alone.
 *
 * @example
 * // await undo[booking.kind]({ ref: booking.ref })  with  undo = { flight: cancelFlight, hotel: cancelHotel }
 * // → Choice "If booking.kind is…": $booking.kind = "flight" → Task "Cancel flight", "hotel" → Task "Cancel hotel", default → Fail TypeError
 */
export function lowerTableCall(call: CallExpression, table: TableCall, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  // `undo[kind]?.(x)` gives undefined for a missing key instead of the TypeError the default raises.
  const problem = call.hasQuestionDotToken() ? { node: call, reason: 'an optional call (`?.(…)`) gives `undefined` for a key the table lacks; call it plainly (a missing key is then the TypeError JavaScript raises, which a `catch` sees)' } : tableCallProblem(table);
  if (problem) {
    ctx.diagnostics.report('task_table_unsupported', problem.node, { callee: table.calleeText, reason: problem.reason });
    return;
  }
  const key = table.key;
  if (!key) {
    const [entry] = table.entries;
    if (entry) lowerEntryCall(call, entry, sink, flow, ctx);
    else raiseNotAFunction(call, table, flow, ctx);
    return;
  }
  const choice: IrChoice = { kind: 'choice', hint: `Look up ${sourceSnippet(call.getExpression())}`, node: call, assign: new Map(), rules: table.entries.map(() => ({ condition: 'false' })) };
  flow.add(choice, (read) => {
    const text = lowerExpression(key, scopeOf(read, ctx.names, ctx.diagnostics));
    table.entries.forEach((entry, index) => {
      choice.rules[index]!.condition = `${text} = ${JSON.stringify(entry.key)}`;
    });
  });
  const exits = flow.exits;
  const after = label();
  table.entries.forEach((entry, index) => {
    const branch = flow.fork([exits[index]!]);
    lowerEntryCall(call, entry, sink, branch, ctx);
    branch.jump(after, call);
  });
  raiseNotAFunction(call, table, flow.fork([exits.at(-1)!]), ctx);
  flow.exits = [];
  flow.continueAfter(after);
}

/** The call of one entry: its task's state, or its async helper inlined. */
function lowerEntryCall(call: CallExpression, entry: LookupEntry, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const task = ctx.tasks.describe(entry.value);
  if (task) return lowerTaskCall(call, task, sink, flow, ctx, entry.value);
  const helper = asyncHelperOf(entry.value);
  if (helper) return lowerHelperCall(call, helper, sink, flow, ctx);
}

/** JavaScript's TypeError for a key the table lacks, with V8's message. */
function raiseNotAFunction(call: CallExpression, table: TableCall, flow: Flow, ctx: LoweringContext): void {
  const message = JSON.stringify(`${table.calleeText} is not a function`);
  ctx.visit.raise('Not a function', call, () => ({ name: '"TypeError"', literalName: 'TypeError', cause: message, plain: { name: 'TypeError', className: 'TypeError' } }), false, flow, ctx);
}
