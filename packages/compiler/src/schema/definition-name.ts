import type { Symbol as MorphSymbol, Type } from 'ts-morph';

/**
 * The `$defs` name of a named type, or undefined for types written inline.
 * Interfaces, classes, enums and type aliases declared in the user's code are
 * named after their declaration; an instantiated generic adds its arguments
 * (`Page<Order>` → `PageOfOrder`, `Pair<string, number>` →
 * `PairOfStringAndNumber`). Library types (`Record`, `Partial`, `Array`) are
 * structural and stay inline.
 *
 * @example
 * definitionName(orderType); // { name: 'Order', symbol: <Order> }
 */
export function definitionName(type: Type): { name: string; symbol: MorphSymbol } | undefined {
  if (type.isLiteral() || type.isBooleanLiteral() || type.isBoolean() || type.isEnumLiteral() && !type.isUnion()) return undefined;
  if (type.isArray() || type.isTuple()) return undefined;
  const alias = type.getAliasSymbol();
  if (alias && isUserDeclared(alias)) return { name: withArguments(alias.getName(), type.getAliasTypeArguments()), symbol: alias };
  const symbol = type.getSymbol();
  if (!symbol || !isUserDeclared(symbol)) return undefined;
  if (type.isEnum()) return { name: symbol.getName(), symbol };
  if (type.isClassOrInterface() || type.getTargetType()?.isClassOrInterface()) {
    return { name: withArguments(symbol.getName(), type.getTypeArguments()), symbol };
  }
  return undefined;
}

function isUserDeclared(symbol: MorphSymbol): boolean {
  const declarations = symbol.getDeclarations();
  return declarations.length > 0 && declarations.every((declaration) => !declaration.getSourceFile().isInNodeModules());
}

function withArguments(name: string, args: Type[]): string {
  if (args.length === 0) return name;
  return `${name}Of${args.map(argumentName).join('And')}`;
}

function argumentName(type: Type): string {
  const named = type.getAliasSymbol() ?? (type.isClassOrInterface() || type.getTargetType() || type.isEnum() ? type.getSymbol() : undefined);
  if (named && isUserDeclared(named)) return withArguments(named.getName(), type.getAliasSymbol() ? type.getAliasTypeArguments() : type.getTypeArguments());
  if (type.isString()) return 'String';
  if (type.isNumber()) return 'Number';
  if (type.isBoolean()) return 'Boolean';
  if (type.isArray()) return `${argumentName(type.getArrayElementTypeOrThrow())}List`;
  if (type.isStringLiteral() || type.isNumberLiteral()) return String(type.getLiteralValue()).replace(/[^A-Za-z0-9]/g, '').replace(/^./, (c) => c.toUpperCase()) || 'Value';
  return 'Value';
}
