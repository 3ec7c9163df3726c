import { Node, type Expression } from '../../../ts-morph.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { truthy } from './truthiness.js';
import { valueKinds, type Kinds } from './value-kinds.js';

/** A callback argument as a JSONata function value (a lambda, a local function or a helper). */
export function lowerCallback(argument: Expression, ctx: LowerContext): string {
  return lowerNode(argument, ctx);
}

/** The kinds a callback returns. */
export function callbackResultKinds(argument: Expression): Kinds {
  const signature = argument.getType().getCallSignatures()[0];
  return signature ? valueKinds(signature.getReturnType()) : new Set(['unknown']);
}

/**
 * A predicate callback as a JSONata lambda returning a boolean: JavaScript
 * tests the callback's result for truthiness, JSONata's $filter uses $boolean.
 *
 * @example
 * lowerPredicate(`(x) => x.name`, ctx) // 'function($v, $i){ ($__t1 := $f($v, $i); …) }'
 */
export function lowerPredicate(argument: Expression, ctx: LowerContext): string {
  const kinds = callbackResultKinds(argument);
  const fn = lowerCallback(argument, ctx);
  if (kinds.size === 1 && kinds.has('boolean')) return fn;
  const arity = Node.isArrowFunction(argument) || Node.isFunctionExpression(argument) ? argument.getParameters().length : 2;
  const params = ['$__v', '$__i'].slice(0, Math.max(arity, 1));
  return `function(${params.join(', ')}){ ${truthy(`(${fn})(${params.join(', ')})`, kinds, ctx)} }`;
}
