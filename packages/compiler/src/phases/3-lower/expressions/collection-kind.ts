import type { Type } from 'ts-morph';

/** Which collection a type is, if any. */
export type CollectionKind = 'Set' | 'Map';

/** The collection a type is (`Set<T>`, `ReadonlySet<T>`, `Map<K, V>`, `ReadonlyMap<K, V>`), from the standard library only. */
export function collectionKindOf(type: Type): CollectionKind | undefined {
  const symbol = type.getSymbol();
  if (!symbol || !symbol.getDeclarations().every((d) => d.getSourceFile().isDeclarationFile())) return undefined;
  const name = symbol.getName();
  if (name === 'Set' || name === 'ReadonlySet') return 'Set';
  if (name === 'Map' || name === 'ReadonlyMap') return 'Map';
  return undefined;
}
