import { retrierFor, type RetryOptions, type TaskDescription } from '@typestep/dsl';
import { Node, type CallExpression } from 'ts-morph';
import { NOT_STATIC, staticValue } from '../../1-discover/index.js';
import { reportNonJson } from '../expressions/collections.js';
import type { LoweringContext } from '../context.js';
import { lowerExpression } from '../expressions/index.js';
import type { Flow } from '../flow.js';
import type { IrTask, IrTemplate } from '../ir.js';
import { scopeOf, type Reader } from '../pending.js';
import { humanize } from '../state-hints.js';
import { catchersFor } from './catchers.js';
import { namedStateOf } from './named-state.js';
import { orNull } from './value.js';
import { sinkBindings, throughPath, type Sink } from './result-binding.js';

/**
 * `await task(input, options?)` → a Task state: Resource and Arguments by
 * the kind of task (Lambda's `{ FunctionName, Payload }`, a nested
 * execution's `{ StateMachineArn, Input }`, a callback's request with
 * `$states.context.Task.Token`), Retry, TimeoutSeconds/HeartbeatSeconds, the
 * enclosing `try`'s catcher, and the result sent to the sink.
 *
 * @example
 * // const { chargeId } = await chargeCard({ orderId: order.id });
 * // → { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke',
 * //     Arguments: { FunctionName: '${ChargeFunctionArn}', Payload: "{% {'orderId': $order.id} %}" },
 * //     Assign: { chargeId: '{% $states.result.Payload.chargeId %}' } }
 */
export function lowerTaskCall(call: CallExpression, declared: TaskDescription, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const [input, optionsNode] = call.getArguments();
  const description = withCallOptions(declared, optionsNode, ctx);
  const stateName = description.name === undefined ? undefined : namedStateOf(description.name, ctx);
  const state: IrTask = {
    kind: 'task',
    hint: stateName ?? humanize(call.getExpression().getText().split('.').at(-1) ?? 'Task'),
    node: call,
    assign: new Map(),
    resource: description.resource,
    retry: description.retry.map(retrierFor),
    catch: catchersFor(ctx),
  };
  if (description.timeoutSeconds !== undefined) state.timeoutSeconds = description.timeoutSeconds;
  if (description.heartbeatSeconds !== undefined) state.heartbeatSeconds = description.heartbeatSeconds;
  flow.add(state, (read) => {
    const args = input === undefined ? undefined : taskArguments(description, input, read, ctx);
    if (args !== undefined) state.arguments = args;
    else if (description.kind === 'lambda' && description.invoke === 'envelope') state.arguments = { object: { FunctionName: { literal: description.functionArn } } };
    sendResult(state, resultOf(description), sink, flow, ctx);
  });
}

/** What the workflow sees of a task's result. */
function resultOf(description: TaskDescription): string {
  if (description.kind === 'lambda' && description.invoke === 'envelope') return '$states.result.Payload';
  if (description.kind === 'workflow') return '$states.result.Output';
  return '$states.result';
}

/** Sends a state's result to the sink: Assign entries, or the Output of a last state. */
export function sendResult(state: IrTask | { assign: Map<string, string>; output?: string; end?: boolean }, whole: string, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  const result = throughPath(whole, sink);
  if (sink.kind === 'bind' || sink.kind === 'variable') {
    // A binding that may be undefined (`const { note } = await t()`, `note?: string`) is boxed: emit wraps its entry.
    for (const [variable, path] of sinkBindings(sink, throughPath('__RESULT__', sink), ctx)) state.assign.set(variable, path.replace('__RESULT__', whole));
  } else if (sink.kind === 'return') {
    state.output = result;
    state.end = true;
  }
  void flow;
}

function taskArguments(description: TaskDescription, input: Node, read: Reader, ctx: LoweringContext): IrTemplate | undefined {
  const scope = scopeOf(read, ctx.names, ctx.diagnostics);
  if (description.kind === 'callback') {
    if (!(Node.isArrowFunction(input) || Node.isFunctionExpression(input)) || input.getParameters().length > 1) {
      ctx.diagnostics.report('callback_input_not_function', input);
      return undefined;
    }
    const body = input.getBody();
    const expression = Node.isBlock(body) ? singleReturn(body) : body;
    if (!expression || !Node.isExpression(expression)) {
      ctx.diagnostics.report('callback_input_not_function', input);
      return undefined;
    }
    const token = input.getParameters()[0];
    const variable = token ? ctx.names.of(token) : undefined;
    if (variable !== undefined) ctx.overrides.set(variable, '$states.context.Task.Token');
    return { expression: lowerExpression(expression, scope) };
  }
  if (!Node.isExpression(input)) return undefined;
  reportNonJson(input, (code, node, params) => ctx.diagnostics.report(code, node, params));
  const value = orNull(lowerExpression(input, scope), input);
  if (description.kind === 'lambda' && description.invoke === 'envelope') {
    return { object: { FunctionName: { literal: description.functionArn }, Payload: { expression: value } } };
  }
  if (description.kind === 'workflow') {
    return { object: { StateMachineArn: { literal: description.stateMachineArn }, Input: { expression: value } } };
  }
  return { expression: value };
}

function singleReturn(body: Node): Node | undefined {
  const statements = Node.isBlock(body) ? body.getStatements() : [];
  const only = statements.length === 1 ? statements[0] : undefined;
  return only && Node.isReturnStatement(only) ? only.getExpression() : undefined;
}

/** The declaration's description with a call's options (static) laid over it. */
function withCallOptions(description: TaskDescription, optionsNode: Node | undefined, ctx: LoweringContext): TaskDescription {
  if (optionsNode === undefined) return description;
  const options = staticValue(optionsNode);
  if (options === NOT_STATIC || typeof options !== 'object' || options === null) {
    ctx.diagnostics.report('call_options_not_static', optionsNode);
    return description;
  }
  const { name, timeoutSeconds, heartbeatSeconds, retry } = options as { name?: string; timeoutSeconds?: number; heartbeatSeconds?: number; retry?: RetryOptions | RetryOptions[] };
  return {
    ...description,
    ...(name !== undefined ? { name } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(heartbeatSeconds !== undefined ? { heartbeatSeconds } : {}),
    ...(retry !== undefined ? { retry: Array.isArray(retry) ? retry : [retry] } : {}),
  };
}

