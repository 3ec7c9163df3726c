import { Node } from '../../../ts-morph.js';
import type { LowerContext } from './lower-context.js';

/**
 * A `throw`, or a call of a plain helper that may throw, inside a function
 * that is lowered to a JSONata lambda (a callback of `forEach`, `map`,
 * `filter`…, or a function nested in a helper): a lambda cannot fail the
 * workflow or reach a `catch`, so this is `throw_in_callback`, with the
 * loop that can (`for (const x of xs) { … }`).
 *
 * @example
 * // items.forEach((item) => { if (!item.sku) throw … }) → rewrite: for (const item of items) { … }
 */
export function reportThrowInCallback(node: Node, ctx: LowerContext): string {
  const callback = node.getFirstAncestor((ancestor) => Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor) || Node.isFunctionDeclaration(ancestor));
  const call = callback?.getParent();
  const callee = Node.isCallExpression(call) ? call.getExpression() : undefined;
  const text = node.getText().replace(/\s+/g, ' ').slice(0, 60);
  if ((Node.isArrowFunction(callback) || Node.isFunctionExpression(callback)) && Node.isPropertyAccessExpression(callee)) {
    const item = callback.getParameters()[0]?.getNameNode().getText() ?? 'item';
    const rewrite = `for (const ${item} of ${callee.getExpression().getText()}) { … }`;
    return ctx.report('throw_in_callback', node, { text, where: `the callback of \`${callee.getName()}\``, rewrite });
  }
  return ctx.report('throw_in_callback', node, { text, where: 'a nested function', rewrite: 'the check in the workflow body, or in a plain helper called from it' });
}
