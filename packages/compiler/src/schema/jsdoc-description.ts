import { ts, type Node, type Symbol as MorphSymbol } from '../ts-morph.js';

/**
 * The JSDoc text of a declaration (its summary, without tags), which becomes
 * the schema's `description`; undefined when there is none.
 *
 * @example
 * // /** The customer's order. *\/ interface Order { … }
 * describeSymbol(orderSymbol, node); // "The customer's order."
 */
export function describeSymbol(symbol: MorphSymbol, node: Node): string | undefined {
  const checker = node.getProject().getTypeChecker().compilerObject;
  const text = ts.displayPartsToString(symbol.compilerSymbol.getDocumentationComment(checker)).trim();
  return text || undefined;
}
