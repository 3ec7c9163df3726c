import { Node, SyntaxKind, type CallExpression, type Expression, type NewExpression } from '../../../ts-morph.js';
import { helperFunctionOf } from '../../2-analyze/index.js';
import { isGlobal } from './standard-globals.js';
import { isDateType } from './dates.js';
import { iterationIndex } from './iteration-index.js';
import { callbackResultKinds, lowerCallback, lowerPredicate } from './callbacks.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { bindOnce } from './text.js';
import { jsString } from './to-string.js';
import { elementKinds, kindsOf, onlyKinds, type Kinds } from './value-kinds.js';
import { numericLiteralValue } from '../../1-discover/static-value.js';

/** Item kinds JSONata's $map/$filter results keep as they are (no array items to flatten, nothing missing). */
function flatSafe(kinds: Kinds): boolean {
  return onlyKinds(kinds, 'string', 'number', 'boolean', 'null', 'object');
}

/** Methods that change the array in place: lowered only on a fresh array (see `isFresh`). */
const IN_PLACE = new Set(['sort', 'reverse', 'fill']);

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
    const copy = name === 'fill' ? 'Array.from({ length: n }, () => v)' : `to${name === 'sort' ? 'Sorted' : 'Reversed'}()`;
    return ctx.report('expression_mutation', node, { text: `${node.getText()} (use \`[...xs].${name}(…)\` or \`${copy}\`)` });
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
    case 'reduceRight': {
      const fn = lowerCallback(args[0], ctx);
      if (args.length > 1) return `${ctx.helper('reduceRight')}(${receiver}, ${fn}, ${arg(1)})`;
      // Without an initial value the last item starts the fold, and the rest are folded from the one before it.
      return `($count(${receiver}) = 0 ? $error("typestep: TypeError: Reduce of empty array with no initial value") : ${ctx.helper('reduceRight')}(${ctx.helper('slice')}(${receiver}, 0, -1), ${fn}, ${receiver}[-1]))`;
    }
    case 'findLast':
      return `$lookup(${ctx.helper('searchLast')}(${receiver}, ${lowerPredicate(args[0], ctx)}), "value")`;
    case 'findLastIndex':
      return `${ctx.helper('searchLast')}(${receiver}, ${lowerPredicate(args[0], ctx)}).index`;
    case 'flatMap':
      return `${ctx.helper('flatDepth')}(${ctx.helper('map')}(${receiver}, ${lowerCallback(args[0], ctx)}), 1)`;
    case 'with':
      return `${ctx.helper('with')}(${receiver}, ${arg(0)}, ${arg(1)})`;
    case 'fill':
      return `${ctx.helper('fill')}(${receiver}, ${argOr(0, '()')}, ${argOr(1, '()')}, ${argOr(2, '()')})`;
    case 'find':
      return `$lookup(${ctx.helper('search')}(${receiver}, ${lowerPredicate(args[0], ctx)}), "value")`;
    case 'findIndex':
      return `${ctx.helper('search')}(${receiver}, ${lowerPredicate(args[0], ctx)}).index`;
    case 'includes':
    case 'indexOf': {
      if (!onlyKinds(items, 'string', 'number', 'boolean', 'null')) {
        const index = iterationIndex(node, ctx);
        if (index !== undefined) return name === 'includes' ? 'true' : index;
        return ctx.report('expression_reference_equality', node, { operator: `.${name}` });
      }
      if (args.length > 1) {
        // From a position: search the items from there (relative, as slice counts) and shift the answer back.
        return bindOnce(`${ctx.helper('relative')}(${arg(1)}, $count(${receiver}))`, ctx, (from) => {
          const rest = `${ctx.helper('slice')}(${receiver}, ${from}, ())`;
          if (name === 'includes') return `(${arg(0)} in ${rest})`;
          const found = ctx.temporary();
          return `(${found} := ${ctx.helper('arrayIndexOf')}(${rest}, ${arg(0)}); ${found} < 0 ? -1 : ${found} + ${from})`;
        });
      }
      if (name === 'includes') return `(${arg(0)} in ${receiver})`;
      return `${ctx.helper('arrayIndexOf')}(${receiver}, ${arg(0)})`;
    }
    case 'lastIndexOf':
      if (!onlyKinds(items, 'string', 'number', 'boolean', 'null')) return ctx.report('expression_reference_equality', node, { operator: '.lastIndexOf' });
      if (args.length > 1) return ctx.report('expression_unsupported_call', node, { name: '.lastIndexOf', reason: 'the start position argument is not supported' });
      return `${ctx.helper('arrayLastIndexOf')}(${receiver}, ${arg(0)})`;
    case 'join': {
      const element = receiverNode.getType().getNonNullableType().getArrayElementType();
      if (element && isDateType(element.getNonNullableType())) return ctx.report('expression_unsupported_call', node, { name: '.join', reason: 'JavaScript writes each Date in the machine\'s time zone; map them with `d.toISOString()` first' });
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
      if (args.length === 0 || (Node.isNumericLiteral(args[0]) && numericLiteralValue(args[0]) === 1)) return `${ctx.helper('flat')}(${receiver})`;
      // flat(Infinity) flattens every level: no JSON array is nested that deep.
      if (Node.isIdentifier(args[0]) && args[0].getText() === 'Infinity') return `${ctx.helper('flatDepth')}(${receiver}, 1e308)`;
      return `${ctx.helper('flatDepth')}(${receiver}, ${ctx.helper('trunc')}(${arg(0)}))`;
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
function isFresh(node: Expression, seen: Set<Node> = new Set()): boolean {
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isNonNullExpression(node)) return isFresh(node.getExpression(), seen);
  if (Node.isArrayLiteralExpression(node) || isArrayOfLength(node)) return true;
  if (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    if (Node.isPropertyAccessExpression(callee)) return ['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'toSorted', 'toReversed', 'with', 'keys', 'values', 'entries', 'split', 'sort', 'reverse', 'fill', 'from', 'of'].includes(callee.getName());
    // A plain helper whose every return is itself fresh (`const unique = (xs) => [...new Set(xs)]`).
    const fn = helperFunctionOf(callee);
    if (!fn || fn.isAsync() || seen.has(fn)) return false;
    seen.add(fn);
    const body = fn.getBody();
    if (body && Node.isExpression(body)) return isFresh(body, seen);
    const returns = body ? body.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((r) => r.getFirstAncestor((a) => Node.isFunctionLikeDeclaration(a) || Node.isArrowFunction(a) || Node.isFunctionExpression(a)) === fn) : [];
    return returns.length > 0 && returns.every((r) => r.getExpression() !== undefined && isFresh(r.getExpressionOrThrow(), seen));
  }
  return false;
}


/** `new Array(n)` or `Array(n)`: n empty slots, which only `fill` (or `Array.from`) turns into values. */
export function isArrayOfLength(node: Node): boolean {
  if (!Node.isNewExpression(node) && !Node.isCallExpression(node)) return false;
  const args = node.getArguments();
  return isGlobal(node.getExpression(), 'Array') && args.length === 1 && onlyKinds(kindsOf(args[0]), 'number');
}

/**
 * `new Array(n)` / `Array(n)` as the receiver of `fill` (n items for fill to
 * overwrite) or of `keys()` (its indexes). Elsewhere its empty slots (which
 * `map` and `forEach` skip) have no JSON form. A length that is negative, a
 * fraction or past 2^32 − 1 is a RangeError natively; compiled the helper fails
 * the state with that message.
 */
export function lowerArrayOfLength(node: NewExpression | CallExpression, ctx: LowerContext): string {
  const length = lowerNode(node.getArguments()[0] as Expression, ctx);
  const method = calledMethod(node);
  if (method === 'keys') return `${ctx.helper('indexes')}(${length})`;
  if (method !== 'fill') {
    return ctx.report('unsupported_expression', node, { kind: '`Array(n)` with empty slots', reason: 'fill it (`Array(n).fill(v)`), take its indexes (`[...Array(n).keys()]`) or use `Array.from({ length: n }, (_, i) => …)`' });
  }
  return `${ctx.helper('map')}(${ctx.helper('indexes')}(${length}), function(){ null })`;
}

/** The method called on `node` (`fill` in `node.fill(v)`), past parentheses. */
function calledMethod(node: Node): string | undefined {
  let top = node;
  while (Node.isParenthesizedExpression(top.getParent())) top = top.getParent()!;
  const access = top.getParent();
  if (!Node.isPropertyAccessExpression(access)) return undefined;
  const call = access.getParent();
  return Node.isCallExpression(call) && call.getExpression() === access ? access.getName() : undefined;
}

/**
 * True when the items of `Array.from({ length: n })` (undefined, which a
 * workflow array holds as null) cannot be told from null: the array is filled,
 * its indexes taken, its length read, or a `map`/`forEach`/`flatMap` callback
 * ignores its item.
 */
export function undefinedItemsUnread(node: CallExpression): boolean {
  let top: Node = node;
  while (Node.isParenthesizedExpression(top.getParent())) top = top.getParent()!;
  const access = top.getParent();
  if (Node.isPropertyAccessExpression(access) && access.getName() === 'length') return true;
  const method = calledMethod(node);
  if (method === 'fill' || method === 'keys') return true;
  if (method !== 'map' && method !== 'forEach' && method !== 'flatMap') return false;
  const callback = (access!.getParent() as CallExpression).getArguments()[0];
  if (!(Node.isArrowFunction(callback) || Node.isFunctionExpression(callback))) return false;
  const item = callback.getParameters()[0]?.getNameNode();
  if (!item) return true;
  if (!Node.isIdentifier(item)) return false;
  const symbol = item.getSymbol();
  return !callback.getBody().getDescendantsOfKind(SyntaxKind.Identifier).some((id) => id.getSymbol() === symbol);
}

/** True when an iterator call is consumed whole: the subject of a for…of, a spread into an array or `Array.from`. */
function iterated(node: CallExpression): boolean {
  let top: Node = node;
  while (Node.isParenthesizedExpression(top.getParent())) top = top.getParent()!;
  const parent = top.getParent();
  if (Node.isCallExpression(parent) && parent.getArguments()[0] === top && isGlobalMethod(parent, 'Array', 'from')) return true;
  return (Node.isForOfStatement(parent) && parent.getExpression() === top) || (Node.isSpreadElement(parent) && Node.isArrayLiteralExpression(parent.getParent()));
}

function isGlobalMethod(call: CallExpression, object: string, name: string): boolean {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === name && isGlobal(callee.getExpression(), object);
}
