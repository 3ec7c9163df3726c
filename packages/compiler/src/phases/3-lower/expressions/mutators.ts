import { Node, type CallExpression, type Expression } from '../../../ts-morph.js';
import { collectionKind } from './in-place.js';
import { lowerArrayMethod } from './array-methods.js';
import { mapDeleteText, mapHasText, mapSetText, setAddText, setDeleteText, setHasText } from './collections.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { elementKinds, onlyKinds, valueKinds, type Kinds } from './value-kinds.js';

/**
 * What a method that changes its receiver does, as values: the receiver's new
 * value and the call's result, both over `current` (a variable holding the
 * receiver's value before the call) and `updated` (one holding the new value).
 * A Set is a JSON array of distinct values in insertion order; a Map an array
 * of `[key, value]` pairs in insertion order.
 */
export interface Mutation {
  /** Bindings (`$__t := …`) both texts read, evaluated first, in order. */
  bindings: string[];
  value: string;
  /** The call's result; reads `updated` when it is the new value (push's length, sort's array). */
  result: string;
}

/**
 * Lowers `receiver.method(…)` that changes the receiver (an array, Set or Map
 * method, or `Object.assign(receiver, …)`). Reports and returns undefined for a
 * form with no lowering.
 */
export function lowerMutation(call: CallExpression, current: string, updated: string, ctx: LowerContext): Mutation | undefined {
  const callee = call.getExpression();
  const args = call.getArguments() as Expression[];
  if (callee.getText() === 'Object.assign') {
    const sources = args.slice(1).map((a) => lowerNode(a, ctx));
    return { bindings: [], value: `$merge([${[current, ...sources].join(', ')}])`, result: updated };
  }
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.getName();
  const receiver = callee.getExpression();
  const bindings: string[] = [];
  const bind = (text: string) => {
    const variable = ctx.temporary();
    bindings.push(`${variable} := ${text}`);
    return variable;
  };
  const spread = args.some((a) => Node.isSpreadElement(a));
  if (spread && name !== 'push' && name !== 'unshift') {
    ctx.report('expression_unsupported_call', call, { name: `.${name}`, reason: 'spread arguments are not supported' });
    return undefined;
  }
  const item = (a: Expression) => (Node.isSpreadElement(a) ? lowerNode(a.getExpression(), ctx) : `${ctx.helper('one')}(${lowerNode(a, ctx)})`);
  const arg = (i: number) => (args[i] ? lowerNode(args[i], ctx) : '()');
  const kind = collectionKind(receiver);
  if (kind) {
    const keys = kind === 'Set' ? elementKinds(receiver.getType().getNonNullableType()) : keyKinds(receiver);
    if (name !== 'clear' && !onlyKinds(keys, 'string', 'number', 'boolean', 'null')) {
      ctx.report('expression_reference_equality', call, { operator: `${kind}.prototype.${name}` });
      return undefined;
    }
    if (name === 'clear') return { bindings, value: '[]', result: '()' };
    const key = bind(arg(0));
    if (kind === 'Set') {
      if (name === 'add') return { bindings, value: setAddText(current, key, ctx), result: updated };
      return { bindings, value: setDeleteText(current, key, ctx), result: setHasText(current, key) };
    }
    if (name === 'set') return { bindings, value: mapSetText(current, key, arg(1), ctx), result: updated };
    return { bindings, value: mapDeleteText(current, key, ctx), result: mapHasText(current, key, ctx) };
  }
  const slice = (from: string, to: string) => `${ctx.helper('slice')}(${current}, ${from}, ${to})`;
  const relative = (text: string) => `${ctx.helper('relative')}(${text}, $count(${current}))`;
  switch (name) {
    case 'push':
      return { bindings, value: [current, ...args.map(item)].reduce((all, part) => `$append(${all}, ${part})`), result: `$count(${updated})` };
    case 'unshift':
      return { bindings, value: [...args.map(item), current].reduce((all, part) => `$append(${all}, ${part})`), result: `$count(${updated})` };
    case 'pop':
      return { bindings, value: slice('0', '-1'), result: `${ctx.helper('at')}(${current}, $count(${current}) - 1)` };
    case 'shift':
      return { bindings, value: slice('1', '()'), result: `${ctx.helper('at')}(${current}, 0)` };
    case 'splice': {
      if (args.length === 0) return { bindings, value: current, result: '[]' };
      const start = bind(relative(arg(0)));
      const count = bind(args.length > 1 ? `$min([$max([${ctx.helper('trunc')}(${arg(1)}), 0]), $count(${current}) - ${start}])` : `$count(${current}) - ${start}`);
      const inserted = args.slice(2).map(item);
      const value = [slice('0', start), ...inserted, slice(`${start} + ${count}`, '()')].reduce((all, part) => `$append(${all}, ${part})`);
      return { bindings, value, result: slice(start, `${start} + ${count}`) };
    }
    case 'sort':
      return { bindings, value: lowerArrayMethod('toSorted', current, receiver, call, ctx), result: updated };
    case 'reverse':
      return { bindings, value: `[$reverse(${current})]`, result: updated };
    case 'fill': {
      const fill = bind(arg(0));
      const from = bind(relative(args[1] ? arg(1) : '0'));
      const to = bind(relative(args[2] ? arg(2) : `$count(${current})`));
      return { bindings, value: `${ctx.helper('map')}(${current}, function($__e, $__i){ $__i >= ${from} and $__i < ${to} ? ${fill} : $__e })`, result: updated };
    }
    case 'copyWithin': {
      const target = bind(relative(arg(0)));
      const from = bind(relative(args[1] ? arg(1) : '0'));
      const to = bind(relative(args[2] ? arg(2) : `$count(${current})`));
      const count = bind(`$min([${to} - ${from}, $count(${current}) - ${target}])`);
      const value = `${ctx.helper('map')}(${current}, function($__e, $__i){ $__i >= ${target} and $__i < ${target} + ${count} ? ${ctx.helper('at')}(${current}, ${from} + $__i - ${target}) : $__e })`;
      return { bindings, value, result: updated };
    }
    default:
      ctx.report('expression_unsupported_call', call, { name: `.${name}`, reason: 'no lowering for this method' });
      return undefined;
  }
}

/** The kinds of a Map's keys. */
function keyKinds(receiver: Node): Kinds {
  const [key] = receiver.getType().getNonNullableType().getTypeArguments();
  return key ? valueKinds(key) : new Set(['unknown']);
}
