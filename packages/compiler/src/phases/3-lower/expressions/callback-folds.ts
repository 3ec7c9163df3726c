import { Node, SyntaxKind, type ArrowFunction, type CallExpression, type Expression, type FunctionExpression, type PropertyAccessExpression } from '../../../ts-morph.js';
import { bindPattern } from './bindings.js';
import { isChangedInPlace } from './aliasing.js';
import { callbackResultKinds } from './callbacks.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { lowerBlock, reduceLoop, type Flow } from './statements.js';
import { hoistMutations, lowerEffect } from './effects.js';
import { truthy } from './truthiness.js';

/**
 * Synchronous callbacks of array methods that change the variables around
 * them (`xs.filter((x) => { if (seen.has(x)) return false; seen.add(x); return true; })`).
 * A JSONata lambda cannot change the variables around it, so such a call is
 * lowered like `forEach`: one $reduce over the array carrying the run's
 * variables and the method's own result, the callback's body inlined, in
 * JavaScript's order — `some`, `every`, `find` and `findIndex` stop at the
 * item that decides, as JavaScript does.
 */

/** What a folded method keeps: its result's start, and how one callback result (and the item) changes it. */
interface Fold {
  initial: string;
  /** The text that continues after the callback returned `value` (a variable) for `item` at `index`; `acc` is the result so far. */
  step(value: string, item: string, index: string, acc: string, go: { next: string; stop: string }): string;
}

function foldOf(method: string, call: CallExpression, ctx: LowerContext): Fold {
  const callback = call.getArguments()[0] as Expression;
  const test = (value: string) => truthy(value, callbackResultKinds(callback), ctx);
  const one = (value: string) => `${ctx.helper('one')}(${value})`;
  switch (method) {
    case 'filter':
      return { initial: '[]', step: (v, item, _, acc, go) => `(${test(v)} ? (${acc} := $append(${acc}, ${one(item)}); ${go.next}) : ${go.next})` };
    case 'map':
      return { initial: '[]', step: (v, _, __, acc, go) => `(${acc} := $append(${acc}, ${one(v)}); ${go.next})` };
    case 'flatMap':
      return { initial: '[]', step: (v, _, __, acc, go) => `(${acc} := $append(${acc}, $type(${v}) = "array" ? ${v} : ${one(v)}); ${go.next})` };
    case 'some':
      return { initial: 'false', step: (v, _, __, acc, go) => `(${test(v)} ? (${acc} := true; ${go.stop}) : ${go.next})` };
    case 'every':
      return { initial: 'true', step: (v, _, __, acc, go) => `(${test(v)} ? ${go.next} : (${acc} := false; ${go.stop}))` };
    case 'find':
      return { initial: '()', step: (v, item, _, acc, go) => `(${test(v)} ? (${acc} := ${item}; ${go.stop}) : ${go.next})` };
    case 'findIndex':
      return { initial: '-1', step: (v, _, index, acc, go) => `(${test(v)} ? (${acc} := ${index}; ${go.stop}) : ${go.next})` };
    default: // reduce
      return { initial: '()', step: (v, _, __, acc, go) => `(${acc} := ${v}; ${go.next})` };
  }
}

/**
 * Lowers a folded call (see `isCallbackFold` in folded-callbacks.ts): the receiver once, then
 * one $reduce whose state carries the run's variables and the result; `then`
 * continues with the result (a variable).
 */
export function lowerCallbackFold(call: CallExpression, flow: Flow, ctx: LowerContext, then: (result: string, flow: Flow) => string): string {
  const callee = call.getExpression() as PropertyAccessExpression;
  const method = callee.getName();
  const callback = call.getArguments()[0] as ArrowFunction | FunctionExpression;
  const args = call.getArguments();
  if (args.length > (method === 'reduce' ? 2 : 1)) {
    return then(ctx.report('expression_unsupported_call', call, { name: `.${method}`, reason: 'a `thisArg` is not supported' }), flow);
  }
  const receiver = ctx.temporary();
  const acc = ctx.temporary();
  const state = ctx.temporary();
  const item = ctx.temporary();
  const index = ctx.temporary();
  const fold = foldOf(method, call, ctx);
  // reduce without a start value starts from the first item and folds the rest; an empty array is a TypeError.
  const seeded = method === 'reduce' && args.length < 2;
  const items = seeded ? `${ctx.helper('slice')}(${receiver}, 1, ())` : receiver;
  const initial = method === 'reduce' ? (seeded ? `${receiver}[0]` : lowerNode(args[1] as Expression, ctx)) : fold.initial;
  const parameters = callback.getParameters();
  const sources = method === 'reduce' ? [acc, item, seeded ? `(${index} + 1)` : index, receiver] : [item, index, receiver];
  const binding: string[] = [];
  const changed: string[] = [];
  const declare = (node: Node, local: string) => {
    const variable = ctx.declareLocal(node, local);
    if (isChangedInPlace(node)) changed.push(variable);
    return variable;
  };
  parameters.forEach((parameter, i) => binding.push(...bindPattern(parameter.getNameNode(), sources[i] ?? '()', ctx, declare)));
  const carried: Flow = { ...flow, mutable: [...flow.mutable, acc] };
  const loop = reduceLoop(items, state, item, index, binding, changed, false, [], carried, () => then(acc, flow), ctx, (inner) => {
    const value = ctx.temporary();
    const returnWith = (text: string) => `(${value} := ${text}; ${fold.step(value, item, index, acc, { next: inner.end, stop: inner.breakTo! })})`;
    const body = callback.getBody();
    const itemFlow: Flow = { mutable: inner.mutable, end: returnWith('()'), returnWith };
    if (Node.isBlock(body)) return lowerBlock(body.getStatements(), 0, itemFlow, ctx);
    return lowerValueBody(body as Expression, itemFlow, ctx);
  });
  const empty = '$error("typestep: TypeError: Reduce of empty array with no initial value")';
  const fill = seeded ? `$count(${receiver}) = 0 ? ${empty} : (${acc} := ${initial}; ${loop})` : `${acc} := ${initial}; ${loop}`;
  return `(${receiver} := ${lowerNode(callee.getExpression(), ctx)}; ${fill})`;
}

/** An expression body: `(calls++, x > 0)` runs its left operands for their effects, then gives the last one's value. */
function lowerValueBody(body: Expression, flow: Flow, ctx: LowerContext): string {
  const inner = unwrapParentheses(body);
  if (Node.isBinaryExpression(inner) && inner.getOperatorToken().getKind() === SyntaxKind.CommaToken) {
    return lowerEffect(inner.getLeft(), flow, (f) => lowerValueBody(inner.getRight(), f, ctx), ctx);
  }
  return hoistMutations(inner, flow, ctx, (f) => f.returnWith!(lowerNode(inner, ctx)));
}

function unwrapParentheses(node: Expression): Expression {
  return Node.isParenthesizedExpression(node) ? unwrapParentheses(node.getExpression()) : node;
}
