import type { CallExpression } from 'ts-morph';
import type { LoweringContext } from '../context.js';
import { lowerExpression } from '../expressions/index.js';
import type { Flow } from '../flow.js';
import type { IrWait } from '../ir.js';
import { scopeOf } from '../pending.js';
import { sourceSnippet } from '../state-hints.js';
import { sinkBindings, type Sink } from './result-binding.js';

/**
 * `await sleep(seconds)` → Wait `Seconds`; `await sleepUntil(timestamp)` →
 * Wait `Timestamp`. Both resolve to `undefined` (null in ASL).
 *
 * @example
 * // await sleep(60) → { Type: 'Wait', Seconds: '{% 60 %}' }
 */
export function lowerWaitCall(call: CallExpression, which: 'sleep' | 'sleepUntil', sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const [argument] = call.getArguments();
  if (!argument) {
    ctx.diagnostics.report('unsupported_await', call, { text: call.getText() });
    return;
  }
  const state: IrWait = {
    kind: 'wait',
    hint: which === 'sleep' ? `Sleep ${sourceSnippet(argument, 40)}s` : `Sleep until ${sourceSnippet(argument, 40)}`,
    node: call,
    assign: new Map(),
  };
  flow.add(state, (read) => {
    const value = lowerExpression(argument as never, scopeOf(read, ctx.names, ctx.diagnostics));
    if (which === 'sleep') state.seconds = value;
    else state.timestamp = value;
    for (const [variable] of sinkBindings(sink, 'null', ctx)) state.assign.set(variable, 'null');
  });
  if (sink.kind === 'return') {
    flow.add({ kind: 'succeed', hint: 'Return', node: call, assign: new Map(), output: 'null' });
  }
}
