import { basename } from 'node:path';
import type { IrCatch, IrGraph, IrNode, IrState, IrTemplate } from '../3-lower/index.js';
import type { StateNames } from './state-names.js';
import { unparenthesized } from '../3-lower/expressions/text.js';

/** A source span, per state name. */
export interface SourceMapEntry {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** JSON object. */
type Json = Record<string, unknown>;

/**
 * Turns the IR graph into ASL `{ StartAt, States }`: labels resolved away,
 * states named from their hints (unique across nested machines), fields in
 * the order AWS's console shows them, JSONata in `{% %}`.
 *
 * @example
 * emitGraph(machine.graph, names, sourceMap) // { StartAt: 'Charge card', States: { … } }
 */
export function emitGraph(graph: IrGraph, names: StateNames, sourceMap: Record<string, SourceMapEntry>, boxed: ReadonlySet<string>): { StartAt: string; States: Json } {
  const order: IrState[] = [];
  const seen = new Set<IrState>();
  const visit = (node: IrNode | undefined) => {
    const state = resolve(node);
    if (seen.has(state)) return;
    seen.add(state);
    order.push(state);
    names.nameOf(state);
    for (const target of successors(state)) visit(target);
  };
  visit(graph.start);
  const states: Json = {};
  for (const state of order) {
    const name = names.nameOf(state);
    states[name] = emitState(state, names, sourceMap, boxed);
    sourceMap[name] = spanOf(state);
  }
  return { StartAt: names.nameOf(resolve(graph.start)), States: states };
}

function resolve(node: IrNode | undefined): IrState {
  let current = node;
  for (let hops = 0; current?.kind === 'label'; hops++) {
    if (hops > 10_000) throw new Error('emit: a cycle of labels with no state (an empty infinite loop)');
    current = current.next;
  }
  if (!current) throw new Error('emit: a transition to nowhere (a label with no state after it)');
  return current;
}

function successors(state: IrState): Array<IrNode | undefined> {
  const out: Array<IrNode | undefined> = [];
  if ('next' in state && state.next !== undefined) out.push(state.next);
  if (state.kind === 'choice') {
    for (const rule of state.rules) out.push(rule.next);
    out.push(state.default);
  }
  if ('catch' in state) for (const catcher of state.catch) out.push(catcher.next);
  return out;
}

function emitState(state: IrState, names: StateNames, sourceMap: Record<string, SourceMapEntry>, boxed: ReadonlySet<string>): Json {
  const out: Json = { Type: typeName(state), Comment: commentOf(state) };
  const target = (node: IrNode | undefined) => names.nameOf(resolve(node));
  switch (state.kind) {
    case 'task':
      out.Resource = state.resource;
      if (state.arguments !== undefined) out.Arguments = template(state.arguments);
      if (state.timeoutSeconds !== undefined) out.TimeoutSeconds = typeof state.timeoutSeconds === 'number' ? state.timeoutSeconds : jsonata(state.timeoutSeconds.expression);
      if (state.heartbeatSeconds !== undefined) out.HeartbeatSeconds = typeof state.heartbeatSeconds === 'number' ? state.heartbeatSeconds : jsonata(state.heartbeatSeconds.expression);
      break;
    case 'wait':
      if (state.seconds !== undefined) out.Seconds = jsonata(state.seconds);
      if (state.timestamp !== undefined) out.Timestamp = jsonata(state.timestamp);
      break;
    case 'choice':
      out.Choices = state.rules.map((rule) => ({ Condition: jsonata(rule.condition), ...assignField(rule.assign, boxed), Next: target(rule.next) }));
      out.Default = target(state.default);
      break;
    case 'fail':
      out.Error = state.errorLiteral ?? jsonata(state.error);
      if (state.cause !== undefined) out.Cause = jsonata(state.cause);
      break;
    case 'parallel':
      out.Branches = state.branches.map((branch) => emitGraph(branch, names, sourceMap, boxed));
      break;
    case 'map':
      if (state.itemReader) {
        out.ItemReader = {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: state.itemReader.inputType },
          Arguments: { Bucket: jsonata(state.itemReader.bucket), Key: jsonata(state.itemReader.key) },
        };
      } else out.Items = jsonata(state.items);
      out.ItemSelector = Object.fromEntries(Object.entries(state.itemSelector).map(([key, value]) => [key, jsonata(value)]));
      out.ItemProcessor = {
        ProcessorConfig: state.distributed ? { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } : { Mode: 'INLINE' },
        ...emitGraph(state.processor, names, sourceMap, boxed),
      };
      if (state.maxConcurrency !== undefined) out.MaxConcurrency = state.maxConcurrency;
      if (state.toleratedFailurePercentage !== undefined) out.ToleratedFailurePercentage = state.toleratedFailurePercentage;
      if (state.toleratedFailureCount !== undefined) out.ToleratedFailureCount = state.toleratedFailureCount;
      break;
    default:
      break;
  }
  if (state.kind !== 'succeed' && state.kind !== 'fail') Object.assign(out, assignField(state.assign, boxed));
  if ('output' in state && state.output !== undefined) out.Output = jsonata(state.output);
  if (state.kind === 'task' && state.retry.length > 0) out.Retry = state.retry;
  if ('catch' in state && state.catch.length > 0) out.Catch = state.catch.map((catcher) => emitCatch(catcher, target, boxed));
  if (state.kind === 'task' || state.kind === 'pass' || state.kind === 'wait' || state.kind === 'parallel' || state.kind === 'map') {
    if ('end' in state && state.end) out.End = true;
    else out.Next = target(state.next);
  }
  return out;
}

function emitCatch(catcher: IrCatch, target: (node: IrNode | undefined) => string, boxed: ReadonlySet<string>): Json {
  return { ErrorEquals: catcher.errors, ...assignField(catcher.assign, boxed), Next: target(catcher.next) };
}

/** An `Assign` field. A boxed variable's value is wrapped: `{"v": nothing}` is `{}`, where a bare nothing would fail the state. */
function assignField(assign: Map<string, string> | undefined, boxed: ReadonlySet<string>): Json {
  if (!assign || assign.size === 0) return {};
  return { Assign: Object.fromEntries([...assign].map(([variable, value]) => [variable, jsonata(boxed.has(variable) ? `{"v": ${value}}` : value)])) };
}

function template(value: IrTemplate): unknown {
  if ('expression' in value) return jsonata(value.expression);
  if ('literal' in value) return value.literal;
  return Object.fromEntries(Object.entries(value.object).map(([key, inner]) => [key, template(inner)]));
}

function jsonata(expression: string): string {
  // The parentheses around a whole expression only cost bytes.
  return `{% ${unparenthesized(expression)} %}`;
}

function typeName(state: IrState): string {
  return { task: 'Task', pass: 'Pass', wait: 'Wait', choice: 'Choice', succeed: 'Succeed', fail: 'Fail', parallel: 'Parallel', map: 'Map' }[state.kind];
}

/** `input.ts:12 if (order.total > 1000) {`: where the state comes from. */
function commentOf(state: IrState): string {
  const source = state.node.getSourceFile();
  const { line } = source.getLineAndColumnAtPos(state.node.getStart());
  // `${…}` would read as a deployment placeholder (DefinitionSubstitutions) in the Comment: break it up.
  const text = state.node.getText().split('\n')[0]!.trim().replace(/\$\{/g, '$ {');
  return `${basename(source.getFilePath())}:${line} ${text.length > 100 ? `${text.slice(0, 99)}…` : text}`;
}

function spanOf(state: IrState): SourceMapEntry {
  const source = state.node.getSourceFile();
  const start = source.getLineAndColumnAtPos(state.node.getStart());
  const end = source.getLineAndColumnAtPos(state.node.getEnd());
  return { file: source.getFilePath(), line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
