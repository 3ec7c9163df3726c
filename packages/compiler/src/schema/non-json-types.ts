import { Node, ts, type Type } from '../ts-morph.js';
import type { DiagnosticCode } from '../diagnostics/index.js';

/** Why a type cannot travel as JSON, as a catalog code and a short reason. */
export interface NonJsonProblem {
  code: DiagnosticCode;
  reason: string;
}

/**
 * Recognises the types JSON cannot carry: bigint, symbols, functions (and
 * constructors), `Date`, class instances with methods and library objects
 * with behaviour (`Map`, `Set`, `Promise`, `RegExp`…). Anything else is data.
 *
 * @example
 * nonJsonProblem(dateType); // { code: 'schema_date_type', reason: 'a Date object' }
 */
export function nonJsonProblem(type: Type): NonJsonProblem | undefined {
  const flags = type.getFlags();
  if (flags & (ts.TypeFlags.BigInt | ts.TypeFlags.BigIntLiteral)) return { code: 'schema_bigint_type', reason: 'a bigint' };
  if (flags & (ts.TypeFlags.ESSymbol | ts.TypeFlags.UniqueESSymbol)) return { code: 'schema_symbol_type', reason: 'a symbol' };
  if (!type.isObject() || type.isArray() || type.isReadonlyArray() || type.isTuple()) return undefined;
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return { code: 'schema_function_type', reason: 'a function' };
  const symbol = type.getSymbol();
  if (!symbol) return undefined;
  const declarations = symbol.getDeclarations();
  const fromLibrary = declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isInNodeModules());
  if (fromLibrary && symbol.getName() === 'Date') return { code: 'schema_date_type', reason: 'a Date object' };
  const hasMethods = type.getProperties().some((property) =>
    property.getDeclarations().some((declaration) => Node.isMethodDeclaration(declaration) || Node.isMethodSignature(declaration)));
  if (!hasMethods) return undefined;
  if (type.isClass() || type.getTargetType()?.isClass()) return { code: 'schema_class_instance', reason: 'a class instance with methods' };
  if (fromLibrary) {
    const reason = symbol.getName() === 'Promise' ? 'a Promise: await it first' : `${symbol.getName()} is a library object with methods`;
    return { code: 'schema_non_json_type', reason };
  }
  return undefined;
}
