import type { Node, Type } from '../ts-morph.js';

/**
 * A memo of facts about syntax nodes that depend on the program's types
 * (a node's type, whether a call changes its receiver), kept per type
 * checker: a node of a file that did not change keeps its identity when
 * another file does (an editor's project, `@typestep/ts-plugin`), and the
 * new program's checker must be asked again.
 *
 * @example
 * const changes = typedMemo<boolean>();
 * changes(node, () => isMutatorCall(node));
 */
export function typedMemo<V>(): (node: Node, compute: () => V) => V {
  const byChecker = new WeakMap<object, WeakMap<Node, V>>();
  return (node, compute) => {
    const checker = node.getProject().getTypeChecker().compilerObject;
    let answers = byChecker.get(checker);
    if (!answers) byChecker.set(checker, (answers = new WeakMap()));
    if (answers.has(node)) return answers.get(node)!;
    const answer = compute();
    answers.set(node, answer);
    return answer;
  };
}

const types = typedMemo<Type>();

/**
 * `node.getType()`, asked of the checker once per node and checker.
 * TypeScript does not keep the type of most expressions: each `getType()`
 * checks the expression (and what it contains) again, and the lowering asks
 * for the same node's type from several places (its value kinds, JSON
 * checks, Date checks), run after run.
 *
 * @example
 * if (onlyKinds(valueKinds(typeOf(expression)), 'string')) …
 */
export function typeOf(node: Node): Type {
  return types(node, () => node.getType());
}
