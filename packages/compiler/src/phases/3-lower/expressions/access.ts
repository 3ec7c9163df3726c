import { Node, type ElementAccessExpression, type Expression, type PropertyAccessExpression } from '../../../ts-morph.js';
import { enumMemberValue, staticValue } from '../../1-discover/static-value.js';
import { isCollection, sizeText } from './collections.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { bindOnce, enclosed, fieldName, numberLiteral, stringLiteral } from './text.js';
import { isGlobal } from './standard-globals.js';
import { jsString } from './to-string.js';
import { kindsOf, mayBeNullish, onlyKinds, withoutNullish, type Kinds } from './value-kinds.js';

/** Math's constants. */
const MATH_CONSTANTS: Record<string, number> = { PI: Math.PI, E: Math.E, LN2: Math.LN2, LN10: Math.LN10, LOG2E: Math.LOG2E, LOG10E: Math.LOG10E, SQRT2: Math.SQRT2, SQRT1_2: Math.SQRT1_2 };

/**
 * Runs `build` on the receiver unless it is null or undefined, which gives
 * undefined — what `a?.b` gives, and the only way a nullable receiver passes
 * TypeScript's checks.
 */
export function guardNullish(text: string, kinds: Kinds, ctx: LowerContext, build: (receiver: string) => string): string {
  if (!mayBeNullish(kinds) || kinds.has('unknown')) return build(text);
  return bindOnce(text, ctx, (v) => `(${v} != null ? ${build(v)} : ())`);
}

/** `a.b`: a field of an object, `.length` of an array or string. */
export function lowerPropertyAccess(node: PropertyAccessExpression, ctx: LowerContext): string {
  const folded = foldConstant(node);
  if (folded !== undefined) return folded;
  const receiver = node.getExpression();
  const name = node.getName();
  if (isGlobal(receiver, 'Math') && name in MATH_CONSTANTS) return numberLiteral(MATH_CONSTANTS[name]);
  if (isGlobal(receiver, 'Number')) {
    // NaN is null in a compiled workflow (`nan-values.ts`).
    if (name === 'NaN') return 'null';
    const constant = ({ MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER, MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER, EPSILON: Number.EPSILON, MAX_VALUE: Number.MAX_VALUE, MIN_VALUE: Number.MIN_VALUE } as Record<string, number>)[name];
    if (constant !== undefined) return numberLiteral(constant);
    // Outside a comparison (infinity-bounds.ts decides those) an infinity would have to be a value.
    if (['POSITIVE_INFINITY', 'NEGATIVE_INFINITY', 'NaN'].includes(name)) return ctx.report('unsupported_expression', node, { kind: `\`Number.${name}\``, reason: 'JSON has no NaN or Infinity, so no workflow value can hold one' });
  }
  const kinds = kindsOf(receiver);
  const present = withoutNullish(kinds);
  const text = lowerNode(receiver, ctx);
  if (isCollection(receiver) && name === 'size') return guardNullish(text, kinds, ctx, (v) => sizeText(v));
  if (name === 'length') {
    // JSONata's $length counts code points, JavaScript's .length UTF-16 units: the helper fails on a string where
    // they differ (characters outside the Basic Multilingual Plane).
    if (onlyKinds(present, 'array')) return guardNullish(text, kinds, ctx, (v) => `$count(${v})`);
    if (onlyKinds(present, 'string')) return guardNullish(text, kinds, ctx, (v) => `${ctx.helper('length')}(${v})`);
  }
  if (present.has('array') || present.has('string') || present.has('number') || present.has('boolean')) {
    return ctx.report('unsupported_expression', node, { kind: `\`.${name}\` of a ${[...present].join(' | ')}`, reason: 'only `.length` is read from arrays and strings' });
  }
  const property = kindsOf(node);
  // A field holding an array is read with $lookup: a path step is where JSONata's sequences flatten and collapse.
  if (property.has('array') || property.has('unknown')) return `$lookup(${text}, ${stringLiteral(name)})`;
  return `${enclosed(text)}.${fieldName(name)}`;
}

/** `xs[i]`, `s[i]`, `record[key]` with JavaScript's rules (no negative or fractional indexes). */
export function lowerElementAccess(node: ElementAccessExpression, ctx: LowerContext): string {
  const folded = foldConstant(node);
  if (folded !== undefined) return folded;
  const receiver = node.getExpression();
  const argument = node.getArgumentExpressionOrThrow();
  const enumObject = enumObjectOf(receiver);
  if (enumObject !== undefined && onlyKinds(kindsOf(argument), 'string', 'number')) {
    return `$lookup(${enumObject}, ${jsString(lowerNode(argument, ctx), kindsOf(argument), ctx)})`;
  }
  const kinds = kindsOf(receiver);
  const present = withoutNullish(kinds);
  const index = kindsOf(argument);
  const text = lowerNode(receiver, ctx);
  if (onlyKinds(present, 'array') && onlyKinds(index, 'number')) {
    return guardNullish(text, kinds, ctx, (v) => `${ctx.helper('at')}(${v}, ${lowerNode(argument, ctx)})`);
  }
  if (onlyKinds(present, 'string') && onlyKinds(index, 'number')) {
    return guardNullish(text, kinds, ctx, (v) => `${ctx.helper('charAt')}(${v}, ${lowerNode(argument, ctx)})`);
  }
  if (onlyKinds(present, 'object') && onlyKinds(index, 'string', 'number')) {
    return guardNullish(text, kinds, ctx, (v) => `$lookup(${v}, ${jsString(lowerNode(argument, ctx), index, ctx)})`);
  }
  return ctx.report('unsupported_expression', node, { kind: 'element access', reason: `indexing \`${receiver.getType().getText()}\` by \`${argument.getType().getText()}\` has no JSON meaning` });
}

/**
 * The object JavaScript builds for an enum, as a JSONata object: each
 * member's name maps to its value, and a numeric value back to its name
 * (`Color[n]` with `n` known only at run time).
 */
function enumObjectOf(receiver: Expression): string | undefined {
  const symbol = receiver.getSymbol();
  const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  const declaration = target?.getDeclarations().find((d) => Node.isEnumDeclaration(d));
  if (!declaration || !Node.isEnumDeclaration(declaration)) return undefined;
  const object: Record<string, string | number> = {};
  for (const member of declaration.getMembers()) {
    const value = member.getValue();
    if (value === undefined) return undefined;
    object[member.getName()] = value;
    if (typeof value === 'number') object[String(value)] = member.getName();
  }
  return JSON.stringify(object);
}

/**
 * An enum member (`Color.Red`, `Color[0]`) or a primitive field of a
 * compile-time constant whose type is a literal (`LIMITS.retries` of an
 * `as const` object) as a literal; undefined when the access is not constant.
 */
function foldConstant(node: PropertyAccessExpression | ElementAccessExpression): string | undefined {
  const member = enumMemberValue(node);
  // Only where TypeScript's type is the literal itself (`as const`, enums): a field of a plain object may be assigned.
  const type = node.getType();
  if (member === undefined && !(type.isLiteral() || type.isBooleanLiteral())) return undefined;
  const value = member !== undefined ? member : staticValue(node);
  if (typeof value === 'number') return Number.isFinite(value) ? numberLiteral(value) : undefined;
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean') return String(value);
  return value === null ? 'null' : undefined;
}
