import { Node, type CallExpression, type Expression } from 'ts-morph';
import { callbackResultKinds, lowerCallback, lowerPredicate } from './callbacks.js';
import type { LowerContext } from './lower-context.js';
import { lowerNode } from './lower-expression.js';
import { bindOnce } from './text.js';
import { jsString } from './to-string.js';
import { elementKinds, kindsOf, onlyKinds, type Kinds } from './value-kinds.js';

/** Item kinds JSONata's $map/$filter results keep as they are (no array items to flatten, nothing missing). */
function flatSafe(kinds: Kinds): boolean {
  return onlyKinds(kinds, 'string', 'number', 'boolean', 'null', 'object');
}

/** Methods that change the array in place: lowered only on a fresh array (see `isFresh`). */
const IN_PLACE = new Set(['sort', 'reverse']);

/**
 * Lowers `xs.method(…)` for an array `xs` (its text is `receiver`, a simple
 * name). Each case says where JSONata's function differs.
 */
export function lowerArrayMethod(name: string, receiver: string, receiverNode: Expression, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  const items = elementKinds(receiverNode.getType().getNonNullableType());
  const arg = (i: number) => lowerNode(args[i], ctx);
  const argOr = (i: number, fallback: string) => (args[i] ? arg(i) : fallback);
  if (args.some((a) => Node.isSpreadElement(a))) return ctx.report('expression_unsupported_call', node, { name: `.${name}`, reason: 'spread arguments are not supported' });
  if (IN_PLACE.has(name) && !isFresh(receiverNode)) {
    return ctx.report('expression_mutation', node, { text: `${node.getText()} (use \`[...xs].${name}(…)\` or \`to${name === 'sort' ? 'Sorted' : 'Reversed'}()\`)` });
  }
  switch (name) {
    case 'map': {
      // $map collapses a one-item result to the item and drops undefined results; the reduce-based helper does neither.
      const results = callbackResultKinds(args[0]);
      if (flatSafe(results)) return `[$map(${receiver}, ${lowerCallback(args[0], ctx)})]`;
      return `${ctx.helper('map')}(${receiver}, ${lowerCallback(args[0], ctx)})`;
    }
    case 'filter':
      if (flatSafe(items)) return `[$filter(${receiver}, ${lowerPredicate(args[0], ctx)})]`;
      return `${ctx.helper('pick')}(${receiver}, ${lowerPredicate(args[0], ctx)})`;
    case 'reduce': {
      const fn = lowerCallback(args[0], ctx);
      if (args.length > 1) return `$reduce(${receiver}, ${fn}, ${arg(1)})`;
      return `($count(${receiver}) = 0 ? $error("typestep: TypeError: Reduce of empty array with no initial value") : $reduce(${receiver}, ${fn}))`;
    }
    case 'some':
      return `$reduce(${receiver}, function($__acc, $__v, $__i){ $__acc or (${lowerPredicate(args[0], ctx)})($__v, $__i) }, false)`;
    case 'every':
      return `$reduce(${receiver}, function($__acc, $__v, $__i){ $__acc and (${lowerPredicate(args[0], ctx)})($__v, $__i) }, true)`;
    case 'find':
      return `$lookup(${ctx.helper('search')}(${receiver}, ${lowerPredicate(args[0], ctx)}), "value")`;
    case 'findIndex':
      return `${ctx.helper('search')}(${receiver}, ${lowerPredicate(args[0], ctx)}).index`;
    case 'includes':
    case 'indexOf': {
      if (!onlyKinds(items, 'string', 'number', 'boolean', 'null')) {
        return ctx.report('expression_reference_equality', node, { operator: `.${name}` });
      }
      if (args.length > 1) return ctx.report('expression_unsupported_call', node, { name: `.${name}`, reason: 'the start position argument is not supported' });
      if (name === 'includes') return `(${arg(0)} in ${receiver})`;
      return `${ctx.helper('arrayIndexOf')}(${receiver}, ${arg(0)})`;
    }
    case 'join': {
      const separator = args[0] ? jsString(arg(0), kindsOf(args[0]), ctx) : '","';
      // join turns null and undefined items into "" and the rest into String(item).
      if (onlyKinds(items, 'string')) return `$join(${receiver}, ${separator})`;
      const convert = `function($__e){ $type($__e) = "null" ? "" : ${jsString('$__e', items, ctx)} }`;
      return `$join([$map(${receiver}, ${convert})], ${separator})`;
    }
    case 'slice':
      return `${ctx.helper('slice')}(${receiver}, ${argOr(0, '()')}, ${argOr(1, '()')})`;
    case 'concat': {
      const parts = args.map((a) => (onlyKinds(kindsOf(a), 'array') ? lowerNode(a, ctx) : `${ctx.helper('one')}(${lowerNode(a, ctx)})`));
      return parts.reduce((all, next) => `$append(${all}, ${next})`, receiver);
    }
    case 'flat':
      if (args.length > 0 && !(Node.isNumericLiteral(args[0]) && args[0].getLiteralValue() === 1)) {
        return ctx.report('expression_unsupported_call', node, { name: '.flat', reason: 'only one level (`flat()`) is supported' });
      }
      return `${ctx.helper('flat')}(${receiver})`;
    case 'at':
      return bindOnce(arg(0), ctx, (i) => `${ctx.helper('at')}(${receiver}, ${ctx.helper('trunc')}(${i}) < 0 ? ${ctx.helper('trunc')}(${i}) + $count(${receiver}) : ${ctx.helper('trunc')}(${i}))`);
    case 'sort':
    case 'toSorted': {
      if (args.length === 0) {
        // JavaScript's default order compares String(item), so [10, 9, 1] sorts to [1, 10, 9].
        return onlyKinds(items, 'string') ? `[$sort(${receiver})]` : `${ctx.helper('defaultSort')}(${receiver})`;
      }
      // (Inline lambdas name their parameters $__…: a user's variable can never be called that, so none is captured.)
      // $sort swaps when the comparator is true; JavaScript puts b first when compare(a, b) > 0. Both sorts are stable.
      return `[$sort(${receiver}, function($__a, $__b){ (${lowerCallback(args[0], ctx)})($__a, $__b) > 0 })]`;
    }
    case 'reverse':
    case 'toReversed':
      return `[$reverse(${receiver})]`;
    case 'entries':
      if (!iterated(node)) return ctx.report('expression_unsupported_call', node, { name: `.${name}()`, reason: 'an iterator is supported only where it is iterated (for…of, spread)' });
      return `${ctx.helper('indexed')}(${receiver})`;
    case 'keys':
      if (!iterated(node)) return ctx.report('expression_unsupported_call', node, { name: `.${name}()`, reason: 'an iterator is supported only where it is iterated (for…of, spread)' });
      return `($count(${receiver}) = 0 ? [] : [0..$count(${receiver}) - 1])`;
    case 'values':
      if (!iterated(node)) return ctx.report('expression_unsupported_call', node, { name: `.${name}()`, reason: 'an iterator is supported only where it is iterated (for…of, spread)' });
      return receiver;
    default:
      return ctx.report('expression_unsupported_call', node, { name: `Array.prototype.${name}`, reason: '' });
  }
}

/**
 * True when the receiver is an array no one else can see (a literal, or the
 * result of a call that copies): sorting it in place changes nothing observable.
 */
function isFresh(node: Expression): boolean {
  if (Node.isParenthesizedExpression(node)) return isFresh(node.getExpression());
  if (Node.isArrayLiteralExpression(node)) return true;
  if (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    return Node.isPropertyAccessExpression(callee) && ['map', 'filter', 'slice', 'concat', 'flat', 'toSorted', 'toReversed', 'keys', 'values', 'entries', 'split', 'sort', 'reverse'].includes(callee.getName());
  }
  return false;
}

/** True when an iterator call is consumed whole: the subject of a for…of or a spread into an array. */
function iterated(node: CallExpression): boolean {
  let top: Node = node;
  while (Node.isParenthesizedExpression(top.getParent())) top = top.getParent()!;
  const parent = top.getParent();
  return (Node.isForOfStatement(parent) && parent.getExpression() === top) || (Node.isSpreadElement(parent) && Node.isArrayLiteralExpression(parent.getParent()));
}
