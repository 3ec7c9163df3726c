import { Node, SyntaxKind, type CallExpression } from '../../../ts-morph.js';
import { dslNameOf } from '../../1-discover/index.js';
import { CONTEXT_OBJECT } from './context-object.js';
import { throwingHelperOf } from '../../2-analyze/index.js';
import { isTaskCallee } from '../../1-discover/task-declarations.js';
import { guardNullish } from './access.js';
import { isGlobal } from './standard-globals.js';
import { reportThrowInCallback } from './callback-throws.js';
import { lowerArrayMethod } from './array-methods.js';
import { collectionKindOf } from './collection-kind.js';
import { lowerCollectionMethod } from './collections.js';
import { isDateType, lowerDateMethod, lowerDateStatic } from './dates.js';
import { isRegExp, lowerRegExpMethod } from './regexps.js';
import { lowerGlobalCall, lowerGlobalMethod, GLOBAL_OBJECTS } from './global-calls.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { lowerNumberMethod } from './number-methods.js';
import { lowerStringMethod } from './string-methods.js';
import { jsString } from './to-string.js';
import { mayBeNaN } from './nan-analysis.js';
import { unlessNaN } from './nan-values.js';
import { kindsOf, onlyKinds, withoutNullish } from './value-kinds.js';

/**
 * Lowers a call: a method of Math/JSON/Object/Array/Number, an array or string
 * method, a global conversion function, or a call of a lambda or a local helper.
 */
export function lowerCall(node: CallExpression, ctx: LowerContext): string {
  // Everywhere a state can be made, such a call was inlined already (`hoistAwaits`): here it stands in a lambda.
  if (throwingHelperOf(node)) return reportThrowInCallback(node, ctx);
  const callee = node.getExpression();
  // `map(s3Items(…), …)` never gets here (the Map reads its source): anywhere else the items would have to be a value.
  if (dslNameOf(callee) === 's3Items') return ctx.report('map_s3_items_outside_map', node);
  if (dslNameOf(callee) === 'context' && node.getArguments().length === 0) return `(${CONTEXT_OBJECT})`;
  if (Node.isPropertyAccessExpression(callee)) {
    const receiver = callee.getExpression();
    const name = callee.getName();
    const global = GLOBAL_OBJECTS.find((object) => isGlobal(receiver, object));
    if (global) return lowerGlobalMethod(global, name, node, ctx);
    if (isGlobal(receiver, 'Date')) return lowerDateStatic(name, node, ctx);
    const kinds = kindsOf(receiver);
    const present = withoutNullish(kinds);
    if (isRegExp(receiver)) return lowerRegExpMethod(name, receiver, node, ctx);
    if (isDateType(receiver.getType().getNonNullableType())) return guardNullish(lowerNode(receiver, ctx), kinds, ctx, (v) => lowerDateMethod(name, v, node, ctx));
    const collection = collectionKindOf(receiver.getType().getNonNullableType());
    if (collection) return guardNullish(lowerNode(receiver, ctx), kinds, ctx, (v) => lowerCollectionMethod(collection, name, v, node, ctx));
    const reported = ctx.scope.diagnostics.diagnostics.length;
    const receiverText = lowerNode(receiver, ctx);
    // A receiver that could not be lowered was reported already; its methods would only repeat the problem.
    if (ctx.scope.diagnostics.diagnostics.length > reported && !onlyKinds(present, 'array', 'string')) return 'null';
    if (onlyKinds(present, 'array')) return guardNullish(receiverText, kinds, ctx, (v) => lowerArrayMethod(name, v, receiver, node, ctx));
    if (onlyKinds(present, 'string')) return guardNullish(receiverText, kinds, ctx, (v) => lowerStringMethod(name, v, node, ctx));
    if (onlyKinds(present, 'number')) {
      // NaN.toFixed(2) and NaN.toString() are "NaN".
      if (mayBeNaN(receiver) && name !== 'valueOf') return guardNullish(receiverText, kinds, ctx, (v) => unlessNaN(v, ctx, '"NaN"', (n) => lowerNumberMethod(name, n, node, ctx)));
      return guardNullish(receiverText, kinds, ctx, (v) => lowerNumberMethod(name, v, node, ctx));
    }
    if (onlyKinds(present, 'number', 'boolean') && name === 'toString' && node.getArguments().length === 0) {
      return guardNullish(receiverText, kinds, ctx, (v) => jsString(v, present, ctx));
    }
    if (onlyKinds(present, 'function')) {
      return ctx.report('expression_unsupported_call', node, { name: callee.getText(), reason: 'call the function directly' });
    }
    return ctx.report('expression_unsupported_call', node, { name: callee.getText(), reason: `no lowering for methods of \`${receiver.getType().getText()}\`` });
  }
  if (Node.isIdentifier(callee)) {
    const global = lowerGlobalCall(callee, node, ctx);
    if (global !== undefined) return global;
    if (node.getArguments().some((argument) => Node.isSpreadElement(argument))) {
      return ctx.report('expression_unsupported_call', node, { name: callee.getText(), reason: 'spread arguments are not supported' });
    }
    if (isTaskCallee(callee)) {
      const fn = node.getFirstAncestor((ancestor) => Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor));
      if (fn) {
        const keeper = fn.getParentIfKind(SyntaxKind.CallExpression)?.getExpression();
        const list = keeper && Node.isPropertyAccessExpression(keeper) && ['push', 'unshift'].includes(keeper.getName()) ? keeper.getExpression().getText() : 'pending';
        const request = node.getArguments()[0]?.getText().replace(/\s+/g, ' ') ?? '{}';
        return ctx.report('task_in_function_value', node, { task: callee.getText(), fn: fn.getText().replace(/\s+/g, ' ').slice(0, 60), list, request });
      }
    }
    const kinds = kindsOf(callee);
    if (!onlyKinds(withoutNullish(kinds), 'function')) {
      return ctx.report('expression_unsupported_call', node, { name: callee.getText(), reason: 'it is not a function' });
    }
    const fn = lowerNode(callee, ctx);
    const args = node.getArguments().map((argument) => lowerNode(argument as any, ctx));
    return `${fn}(${args.join(', ')})`;
  }
  // An immediately invoked lambda, `((x) => …)(v)`.
  if (onlyKinds(kindsOf(callee), 'function') && !node.getArguments().some((argument) => Node.isSpreadElement(argument))) {
    return `(${lowerNode(callee, ctx)})(${node.getArguments().map((argument) => lowerNode(argument as any, ctx)).join(', ')})`;
  }
  return ctx.report('expression_unsupported_call', node, { name: callee.getText() });
}
