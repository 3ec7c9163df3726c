import { Node, SyntaxKind, type Type } from '../../../ts-morph.js';
import { enumMemberValue } from '../../1-discover/static-value.js';
import { collectionKindOf } from './collection-kind.js';
import { typeOf } from '../../../program/index.js';

/** The JSON-level kinds a TypeScript type can hold at run time; lowering picks JSONata by them. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'array' | 'object' | 'function' | 'unknown';

/** The set of kinds a value of `type` may have at run time. */
export type Kinds = ReadonlySet<ValueKind>;

/**
 * The kinds of `type`, flattening unions; `any`, `unknown` and unresolved type
 * parameters give `unknown`.
 *
 * @example
 * valueKinds(checker type of `string | undefined`) // Set { 'string', 'undefined' }
 */
export function valueKinds(type: Type): Set<ValueKind> {
  const out = new Set<ValueKind>();
  collect(type, out);
  return out;
}

/**
 * The kinds of the value `node` computes: TypeScript's type, corrected where
 * the type is known to be too narrow. Without `noUncheckedIndexedAccess`
 * TypeScript types `xs[i]` as the element type, but out of range it is
 * undefined, so an index access may always be undefined — and `a ?? b`,
 * `a || b`, `c ? a : b` carry that through.
 */
export function kindsOf(node: Node): Set<ValueKind> {
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node)) {
    if (Node.isParenthesizedExpression(node) || !Node.isElementAccessExpression(node.getExpression())) return kindsOf(node.getExpression());
  }
  if (Node.isElementAccessExpression(node)) {
    const receiver = typeOf(node.getExpression());
    const kinds = valueKinds(typeOf(node));
    // A tuple slot or an enum member named by a constant (`Color[Color.Green]`) is always there.
    if (!(receiver.isTuple() && Node.isNumericLiteral(node.getArgumentExpression())) && enumMemberValue(node) === undefined) kinds.add('undefined');
    return kinds;
  }
  if (Node.isBinaryExpression(node)) {
    const operator = node.getOperatorToken().getKind();
    if (operator === SyntaxKind.QuestionQuestionToken) return new Set([...withoutNullish(kindsOf(node.getLeft())), ...kindsOf(node.getRight())]);
    if (operator === SyntaxKind.BarBarToken || operator === SyntaxKind.AmpersandAmpersandToken) return new Set([...kindsOf(node.getLeft()), ...kindsOf(node.getRight())]);
  }
  if (Node.isConditionalExpression(node)) return new Set([...kindsOf(node.getWhenTrue()), ...kindsOf(node.getWhenFalse())]);
  // xs.entries(), xs.keys(), xs.values() are iterators in JavaScript; lowered they are arrays, which for…of and
  // spreading read the same way.
  if (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    if (Node.isPropertyAccessExpression(callee) && ['entries', 'keys', 'values'].includes(callee.getName()) && onlyKinds(kindsOf(callee.getExpression()), 'array')) return new Set(['array']);
  }
  return valueKinds(typeOf(node));
}

function collect(type: Type, out: Set<ValueKind>): void {
  if (type.isUnion()) {
    for (const part of type.getUnionTypes()) collect(part, out);
    return;
  }
  if (type.isAny() || type.isUnknown()) out.add('unknown');
  else if (type.isString() || type.isStringLiteral() || type.isTemplateLiteral()) out.add('string');
  else if (type.isNumber() || type.isNumberLiteral()) out.add('number');
  else if (type.isBoolean() || type.isBooleanLiteral()) out.add('boolean');
  else if (type.isNull()) out.add('null');
  else if (type.isUndefined() || type.isVoid()) out.add('undefined');
  else if (type.isEnumLiteral()) out.add(typeof type.getLiteralValue() === 'string' ? 'string' : 'number');
  else if (type.isNever()) return;
  // A Set or a Map is lowered as an array (collections.ts).
  else if (type.isArray() || type.isTuple() || isReadonlyArray(type) || collectionKindOf(type)) out.add('array');
  else if (type.isTypeParameter()) {
    const constraint = type.getConstraint();
    if (constraint) collect(constraint, out);
    else out.add('unknown');
  } else if (type.isIntersection()) {
    const parts = new Set<ValueKind>();
    for (const part of type.getIntersectionTypes()) collect(part, parts);
    // A branded primitive (`string & { __brand: 'Id' }`) is still that primitive.
    const primitive = [...parts].find((kind) => kind === 'string' || kind === 'number' || kind === 'boolean');
    out.add(primitive ?? (parts.has('array') ? 'array' : 'object'));
  } else if (type.getCallSignatures().length > 0) out.add('function');
  else if (type.isObject()) out.add('object');
  else out.add('unknown');
}

function isReadonlyArray(type: Type): boolean {
  const name = type.getSymbol()?.getName();
  // A match result is an array with extra fields (index, input) that JSON leaves out, and so does the lowering.
  return name === 'ReadonlyArray' || name === 'RegExpMatchArray' || name === 'RegExpExecArray';
}

/**
 * The kinds TypeScript declares for `node`, without the index-access
 * correction of `kindsOf`: operators pick their JSONata by these (`xs[i] * 2`
 * multiplies numbers), while conversions and tests that treat undefined
 * specially use `kindsOf`.
 */
export function declaredKinds(node: Node): Set<ValueKind> {
  return valueKinds(typeOf(node));
}

/** True when every kind in `kinds` is in `allowed`. */
export function onlyKinds(kinds: Kinds, ...allowed: ValueKind[]): boolean {
  if (kinds.size === 0) return false;
  for (const kind of kinds) if (!allowed.includes(kind)) return false;
  return true;
}

/** True when a value of these kinds may be `null` or `undefined`. */
export function mayBeNullish(kinds: Kinds): boolean {
  return kinds.has('null') || kinds.has('undefined') || kinds.has('unknown');
}

/** The kinds without `null` and `undefined`. */
export function withoutNullish(kinds: Kinds): Set<ValueKind> {
  return new Set([...kinds].filter((kind) => kind !== 'null' && kind !== 'undefined'));
}

/** The kinds of the elements of an array type (the union over tuple members). */
export function elementKinds(type: Type): Set<ValueKind> {
  const out = new Set<ValueKind>();
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  for (const part of parts) {
    if (part.isTuple()) for (const member of part.getTupleElements()) collect(member, out);
    else {
      const element = part.getArrayElementType() ?? part.getTypeArguments()[0];
      if (element) collect(element, out);
    }
  }
  if (out.size === 0) out.add('unknown');
  return out;
}
