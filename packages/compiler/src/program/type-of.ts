import type { Node, Type } from '../ts-morph.js';

/** The checker's answers per node: the lowering asks for the type of the same expression again and again. */
const types = new WeakMap<Node, Type>();

/**
 * `node.getType()`, asked of the checker once per node. TypeScript does not
 * keep the type of most expressions: each `getType()` checks the expression
 * (and what it contains) again, and the lowering asks for the same node's
 * type from several places (its value kinds, JSON checks, Date checks), run
 * after run. A node's type cannot change: a source file that changes is
 * parsed again (new nodes), also in a watch session.
 *
 * @example
 * if (onlyKinds(valueKinds(typeOf(expression)), 'string')) …
 */
export function typeOf(node: Node): Type {
  let type = types.get(node);
  if (!type) types.set(node, (type = node.getType()));
  return type;
}
