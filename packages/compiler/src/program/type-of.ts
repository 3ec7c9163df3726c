import type { Node, Type } from '../ts-morph.js';

/**
 * A WeakMap of facts about syntax nodes that depend on the program's types
 * or symbols (a node's type, whether a call changes its receiver, which
 * helper a call reaches), kept per type checker. A node of a file that did
 * not change keeps its identity when another file does (an editor's project,
 * `@typestep/ts-plugin`), and what the new program's checker says about it
 * may differ: each checker gets its own answers.
 *
 * @example
 * const answers = new CheckerWeakMap<Node, boolean>();
 * answers.memo(node, () => isMutatorCall(node));
 */
export class CheckerWeakMap<K extends Node, V> {
  readonly #byChecker = new WeakMap<object, WeakMap<K, V>>();

  get(key: K): V | undefined {
    return this.#answers(key).get(key);
  }

  has(key: K): boolean {
    return this.#answers(key).has(key);
  }

  set(key: K, value: V): this {
    this.#answers(key).set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.#answers(key).delete(key);
  }

  /** The answer for `key`, from `compute` the first time this checker is asked (one lookup of the checker per call). */
  memo(key: K, compute: () => V): V {
    const answers = this.#answers(key);
    if (answers.has(key)) return answers.get(key)!;
    const answer = compute();
    answers.set(key, answer);
    return answer;
  }

  #answers(key: K): WeakMap<K, V> {
    const checker = key.getProject().getTypeChecker().compilerObject;
    let answers = this.#byChecker.get(checker);
    if (!answers) this.#byChecker.set(checker, (answers = new WeakMap()));
    return answers;
  }
}

const types = new CheckerWeakMap<Node, Type>();

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
  return types.memo(node, () => node.getType());
}
