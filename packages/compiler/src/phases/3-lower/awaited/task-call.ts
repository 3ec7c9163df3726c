import { retrierFor, type RetryOptions, type TaskDescription } from '@typestep/dsl';
import { Node, SyntaxKind, type CallExpression, type Expression } from '../../../ts-morph.js';
import { NOT_STATIC, staticValue } from '../../1-discover/index.js';
import { reportNonJson } from '../expressions/collections.js';
import type { LoweringContext } from '../context.js';
import { lowerExpression } from '../expressions/index.js';
import { label, type Flow } from '../flow.js';
import type { IrTask, IrTemplate } from '../ir.js';
import { scopeOf, type Reader } from '../pending.js';
import { humanize } from '../state-hints.js';
import { catchersFor } from './catchers.js';
import { namedStateOf } from './named-state.js';
import { addConditionChoice } from '../condition-choice.js';
import { sourceSnippet } from '../state-hints.js';
import { orNull, sinkBindings, throughPath, type Sink } from './result-binding.js';
import { unwrap } from './unwrap.js';

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
export function lowerTaskCall(call: CallExpression, declared: TaskDescription, sink: Sink, flow: Flow, ctx: LoweringContext, callee: Node = call.getExpression()): void {
  const optionsNode = call.getArguments()[1];
  const chosen = optionsNode && chosenOptions(optionsNode);
  if (!chosen) {
    lowerTaskState(call, withCallOptions(declared, optionsNode, ctx), sink, flow, ctx, callee);
    return;
  }
  // Options chosen at run time (`c ? { retry } : undefined`, `c && { … }`) are fields of the Task: a Choice between copies.
  const [holds, otherwise] = addConditionChoice(`If ${sourceSnippet(chosen.condition)}`, optionsNode, chosen.condition, flow, ctx);
  const after = label();
  for (const [exit, options] of [[holds, chosen.whenTrue], [otherwise, chosen.whenFalse]] as const) {
    const branch = flow.fork([exit]);
    lowerTaskState(call, withCallOptions(declared, options, ctx), sink, branch, ctx, callee);
    branch.jump(after, call);
  }
  flow.continueAfter(after);
}

/** The condition and the two option literals of `c ? a : b` or `c && a` (the falsy side passes no options). */
function chosenOptions(node: Node): { condition: Expression; whenTrue?: Node; whenFalse?: Node } | undefined {
  const inner = unwrap(node as Expression);
  if (Node.isConditionalExpression(inner)) return { condition: inner.getCondition(), whenTrue: inner.getWhenTrue(), whenFalse: inner.getWhenFalse() };
  if (Node.isBinaryExpression(inner) && inner.getOperatorToken().getKind() === SyntaxKind.AmpersandAmpersandToken) return { condition: inner.getLeft(), whenTrue: inner.getRight() };
  return undefined;
}

/** One Task state for a call whose options are known; `callee` (the task's name) names the state. */
function lowerTaskState(call: CallExpression, description: CallDescription, sink: Sink, flow: Flow, ctx: LoweringContext, callee: Node): void {
  const [input] = call.getArguments();
  const stateName = description.name === undefined ? undefined : namedStateOf(description.name, ctx);
  const state: IrTask = {
    kind: 'task',
    hint: stateName ?? humanize(callee.getText().split('.').at(-1) ?? 'Task'),
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
    for (const [field, node] of Object.entries(description.computed)) state[field as 'timeoutSeconds' | 'heartbeatSeconds'] = { expression: secondsText(node, read, ctx) };
    sendResult(state, resultOf(description), sink, flow, ctx);
  });
}

/**
 * A `timeoutSeconds`/`heartbeatSeconds` computed at run time, as JSONata.
 * Natively the dsl rejects anything but a positive integer when the call is
 * made; compiled the state fails too (AWS would reject the field), never runs
 * with a different limit.
 */
function secondsText(node: Expression, read: Reader, ctx: LoweringContext): string {
  const value = lowerExpression(node, scopeOf(read, ctx.names, ctx.diagnostics));
  const message = JSON.stringify(`typestep: ${node.getText()} must be a positive integer number of seconds`);
  return `($s := ${value}; $type($s) = "number" and $s >= 1 and $s <= 99999999 and $s = $floor($s) ? $s : $error(${message}))`;
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

/** A task's description for one call: static fields, and the limits computed at run time. */
type CallDescription = TaskDescription & { computed: Partial<Record<'timeoutSeconds' | 'heartbeatSeconds', Expression>> };

/** Fields of call options that may be computed at run time (JSONata `TimeoutSeconds`/`HeartbeatSeconds`). */
const COMPUTABLE = ['timeoutSeconds', 'heartbeatSeconds'] as const;

/**
 * The declaration's description with a call's options laid over it. The
 * options are static, except `timeoutSeconds`/`heartbeatSeconds` in an
 * object literal, which may be computed; `undefined` and `null` pass none.
 */
function withCallOptions(description: TaskDescription, optionsNode: Node | undefined, ctx: LoweringContext): CallDescription {
  const computed: CallDescription['computed'] = {};
  const inner = optionsNode && unwrap(optionsNode as Expression);
  if (inner === undefined || Node.isNullLiteral(inner) || (Node.isIdentifier(inner) && inner.getText() === 'undefined')) return { ...description, computed };
  let options = staticValue(inner);
  if (options === NOT_STATIC && Node.isObjectLiteralExpression(inner)) {
    const fields: Record<string, unknown> = {};
    for (const property of inner.getProperties()) {
      const name = Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) ? property.getName() : undefined;
      const value = Node.isPropertyAssignment(property) ? property.getInitializerOrThrow() : Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : undefined;
      const known = value === undefined ? NOT_STATIC : staticValue(value);
      if (name !== undefined && value !== undefined && known === NOT_STATIC && (COMPUTABLE as readonly string[]).includes(name)) computed[name as (typeof COMPUTABLE)[number]] = value;
      else if (name !== undefined && known !== NOT_STATIC) fields[name] = known;
      else {
        ctx.diagnostics.report('call_options_not_static', property, { field: name === undefined ? 'a spread' : `\`${name}\`` });
        return { ...description, computed };
      }
    }
    options = fields;
  }
  if (options === NOT_STATIC || typeof options !== 'object' || options === null) {
    ctx.diagnostics.report('call_options_not_static', optionsNode!);
    return { ...description, computed };
  }
  const { name, timeoutSeconds, heartbeatSeconds, retry } = options as { name?: string; timeoutSeconds?: number; heartbeatSeconds?: number; retry?: RetryOptions | RetryOptions[] };
  return {
    ...description,
    ...(name !== undefined ? { name } : {}),
    ...(timeoutSeconds !== undefined && !computed.timeoutSeconds ? { timeoutSeconds } : {}),
    ...(heartbeatSeconds !== undefined && !computed.heartbeatSeconds ? { heartbeatSeconds } : {}),
    ...(retry !== undefined ? { retry: Array.isArray(retry) ? retry : [retry] } : {}),
    computed,
  };
}
