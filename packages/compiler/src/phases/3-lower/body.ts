import { Node, type ArrowFunction, type FunctionExpression, type ParameterDeclaration } from '../../ts-morph.js';
import { bindingsOf } from './awaited/result-binding.js';
import type { LoweringContext } from './context.js';
import { Flow, label } from './flow.js';
import type { IrGraph } from './ir.js';

/**
 * The state graph of a function body: the workflow's, or a Map iteration's.
 * `parameters` says where each parameter's value comes from (`$states.input`
 * for the execution input); the bindings are carried by the first state. A
 * body that ends without `return` succeeds with `null` (JavaScript's
 * `undefined` as JSON).
 *
 * @example
 * lowerBody(workflow.body, [[param, '$states.input']], ctx) // { start: <label> }
 */
export function lowerBody(fn: ArrowFunction | FunctionExpression, parameters: Array<[ParameterDeclaration, string]>, ctx: LoweringContext, variables: Array<[string, string]> = []): IrGraph {
  const start = label();
  const flow = new Flow(ctx, [{ set: (target) => (start.next = target) }]);
  for (const [variable, value] of variables) flow.pending.push({ kind: 'bind', variable, value: () => value });
  for (const [parameter, value] of parameters) {
    for (const [variable, path] of bindingsOf(parameter, value, ctx)) flow.pending.push({ kind: 'bind', variable, value: () => path });
  }
  const body = fn.getBody();
  if (Node.isBlock(body)) ctx.visit.statements(body.getStatements(), flow, ctx);
  else if (Node.isExpression(body)) ctx.visit.value(body, { kind: 'return' }, flow, ctx);
  if (flow.live) flow.add({ kind: 'succeed', hint: 'Done', node: fn, assign: new Map(), output: 'null' });
  return { start };
}
