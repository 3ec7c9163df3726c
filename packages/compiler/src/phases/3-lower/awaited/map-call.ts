import { Node, type CallExpression, type Expression } from '../../../ts-morph.js';
import { dslNameOf, NOT_STATIC, staticValue } from '../../1-discover/index.js';
import { helperFunctionOf } from '../../2-analyze/index.js';
import { nestedContext, type LoweringContext } from '../context.js';
import { isLocalAsyncHelper, lowerExpression } from '../expressions/index.js';
import type { Flow } from '../flow.js';
import type { IrMap } from '../ir.js';
import { scopeOf } from '../pending.js';
import { sourceSnippet } from '../state-hints.js';
import { catchersFor } from './catchers.js';
import { isPromiseAll, promiseCombinator } from './parallel-call.js';
import { settleGraph } from './settled.js';
import type { Sink } from './result-binding.js';
import { sendResult } from './task-call.js';

/** `Promise.all(items.map(async (item) => …))` (or `Promise.allSettled`). */
export function isPromiseAllOfMap(call: CallExpression): boolean {
  if (!isPromiseAll(call)) return false;
  const [argument] = call.getArguments();
  return argument !== undefined && Node.isCallExpression(argument) && Node.isPropertyAccessExpression(argument.getExpression()) && (argument.getExpression() as never as { getName(): string }).getName() === 'map';
}

/**
 * `await map(items, async (item, index) => …, options)` and `await
 * Promise.all(items.map(async (item, index) => …))` → a Map state whose
 * ItemProcessor is the callback's body, in its own variable scope (it reads
 * the workflow's variables, never assigns them). The result is the array of
 * the iterations' results.
 *
 * @example
 * // const receipts = await map(order.items, async (item) => reserve(item), { maxConcurrency: 5 });
 */
export function lowerMapCall(call: CallExpression, sink: Sink, flow: Flow, ctx: LoweringContext): void {
  let items: Expression | undefined;
  let callback: Node | undefined;
  let optionsNode: Node | undefined;
  if (dslNameOf(call.getExpression()) === 'map') {
    [items, callback, optionsNode] = call.getArguments() as [Expression?, Node?, Node?];
  } else {
    const inner = call.getArguments()[0] as CallExpression;
    items = (inner.getExpression() as never as { getExpression(): Expression }).getExpression();
    [callback] = inner.getArguments();
  }
  // A callback that is not async (`(x) => reserve(x)`) returns its task's promise, which the Map awaits the same way.
  if (!items || !callback || !(Node.isArrowFunction(callback) || Node.isFunctionExpression(callback))) {
    ctx.diagnostics.report('map_callback_not_function', callback ?? call);
    return;
  }
  let options = optionsNode === undefined ? {} : staticValue(optionsNode);
  if (options === NOT_STATIC || typeof options !== 'object' || options === null) {
    ctx.diagnostics.report('call_options_not_static', optionsNode!);
    options = {};
  }
  // Iterations read the workflow's variables as they are when the Map starts: give pending work to a state first.
  flow.flush(call);
  const [itemParameter, indexParameter, arrayParameter] = callback.getParameters();
  const parameters: Array<[typeof itemParameter & object, string]> = [];
  if (itemParameter) parameters.push([itemParameter, '$states.input.value']);
  if (indexParameter) parameters.push([indexParameter, '$states.input.index']);
  // `xs.map(async (x, i, all) => …)`: each item carries the whole array (only `Array.prototype.map` passes it).
  if (arrayParameter) parameters.push([arrayParameter, '$states.input.array']);
  const { maxConcurrency, toleratedFailurePercentage, toleratedFailureCount } = options as Record<string, number | undefined>;
  const reader = s3ItemsSource(items, ctx);
  if (reader === null) return;
  // An ItemReader exists only on a Distributed Map, as do the failure thresholds.
  const distributed = reader !== undefined || toleratedFailureCount !== undefined || toleratedFailurePercentage !== undefined;
  const inner = nestedContext(ctx);
  // A Distributed Map's iterations see no outer variables: the ones they read travel in the item.
  // Variables read through an override (local functions, a callback's token) are not stored, so they need not travel.
  const carried = distributed ? outerVariablesRead(callback, ctx).filter((variable) => !ctx.overrides.has(variable)) : [];
  let processor = ctx.visit.body(callback, parameters, inner, carried.map((variable) => [variable, `$states.input.outer.${variable}`] as [string, string]));
  // `Promise.allSettled(items.map(…))`: each iteration settles on its own, so one failure does not fail the Map.
  if (promiseCombinator(call) === 'allSettled') processor = settleGraph(processor, callback, 'item', inner);
  const state: IrMap = {
    kind: 'map',
    hint: `For each ${itemParameter ? sourceSnippet(itemParameter.getNameNode(), 20) : 'item'} of ${sourceSnippet(items, 40)}`,
    node: call,
    assign: new Map(),
    items: 'null',
    itemSelector: { value: '$states.context.Map.Item.Value', index: '$states.context.Map.Item.Index' },
    processor,
    catch: catchersFor(ctx),
  };
  if (distributed) state.distributed = true;
  if (maxConcurrency !== undefined) state.maxConcurrency = maxConcurrency;
  if (toleratedFailurePercentage !== undefined) state.toleratedFailurePercentage = toleratedFailurePercentage;
  if (toleratedFailureCount !== undefined) state.toleratedFailureCount = toleratedFailureCount;
  flow.add(state, (read) => {
    const scope = scopeOf(read, ctx.names, ctx.diagnostics);
    if (reader) {
      state.itemReader = { bucket: lowerExpression(reader.bucket, scope), key: lowerExpression(reader.key, scope), inputType: reader.inputType };
    } else state.items = lowerExpression(items, scope);
    if (arrayParameter) state.itemSelector.array = state.items;
    // Values, not their stored form: a boxed variable travels unboxed (absent when undefined) and is boxed again inside.
    if (carried.length > 0) state.itemSelector.outer = `{${carried.map((variable) => `'${variable}': ${read(variable)}`).join(', ')}}`;
    sendResult(state, '$states.result', sink, flow, ctx);
  });
}

/**
 * The workflow variables a callback reads that are declared outside it,
 * including those read by the local async helpers it calls: they are inlined
 * into the iteration and read the names they close over there.
 */
function outerVariablesRead(callback: Node, ctx: LoweringContext): string[] {
  const out = new Set<string>();
  const scopes = new Set<Node>();
  const visit = (scope: Node) => {
    if (scopes.has(scope)) return;
    scopes.add(scope);
    scope.forEachDescendant((node) => {
      if (!Node.isIdentifier(node)) return;
      const helper = helperFunctionOf(node);
      if (helper && isLocalAsyncHelper(helper)) visit(helper);
      const variable = ctx.names.ofReference(node);
      if (variable === undefined) return;
      const declaration = (node.getParent() && Node.isShorthandPropertyAssignment(node.getParent()!) ? (node.getParent() as never as { getValueSymbol(): { getDeclarations(): Node[] } | undefined }).getValueSymbol() : node.getSymbol())?.getDeclarations()[0];
      if (declaration && !declaration.getAncestors().some((ancestor) => scopes.has(ancestor))) out.add(variable);
    });
  };
  visit(callback);
  return [...out].sort();
}

/**
 * `map(s3Items<Row>({ bucket, key, inputType }), …)`: the bucket and key
 * expressions and the static input type. `undefined` when the items are not
 * `s3Items(…)`, `null` when they are but the source was reported.
 */
function s3ItemsSource(items: Expression, ctx: LoweringContext): { bucket: Expression; key: Expression; inputType: string } | undefined | null {
  if (!Node.isCallExpression(items) || dslNameOf(items.getExpression()) !== 's3Items') return undefined;
  const [source] = items.getArguments();
  if (!source || !Node.isObjectLiteralExpression(source)) {
    ctx.diagnostics.report('map_s3_items_source', source ?? items, { why: 'write the object in place, so its fields become the ItemReader\'s' });
    return null;
  }
  const fields = new Map<string, Expression>();
  for (const property of source.getProperties()) {
    if (Node.isPropertyAssignment(property)) fields.set(property.getName(), property.getInitializerOrThrow());
    else if (Node.isShorthandPropertyAssignment(property)) fields.set(property.getName(), property.getNameNode());
    else {
      ctx.diagnostics.report('map_s3_items_source', property, { why: 'spreads and methods cannot be read at compile time' });
      return null;
    }
  }
  const bucket = fields.get('bucket');
  const key = fields.get('key');
  if (!bucket || !key) {
    ctx.diagnostics.report('map_s3_items_source', source, { why: `\`${bucket ? 'key' : 'bucket'}\` is missing` });
    return null;
  }
  const typeNode = fields.get('inputType');
  const inputType = typeNode === undefined ? 'JSON' : staticValue(typeNode);
  if (inputType !== 'JSON' && inputType !== 'JSONL' && inputType !== 'CSV') {
    ctx.diagnostics.report('map_s3_items_source', typeNode!, { why: '`inputType` must be the literal \'JSON\', \'JSONL\' or \'CSV\' (it becomes ReaderConfig.InputType)' });
    return null;
  }
  return { bucket, key, inputType };
}
