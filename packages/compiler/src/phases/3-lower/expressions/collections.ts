/**
 * Set and Map as workflow values. ASL variables hold JSON, so a collection is
 * an array in insertion order:
 *
 * - a Set is the array of its distinct items (compared as SameValueZero, which
 *   for JSON primitives is `===`);
 * - a Map is the array of its `[key, value]` pairs.
 *
 * Only primitive items and keys are allowed: JavaScript compares objects in a
 * Set or as Map keys by reference, which JSON values do not have. Spreading,
 * `for…of`, `Array.from` and `Object.fromEntries` read these arrays as they
 * read the collections. The `…Text` functions build the JSONata for each
 * operation, so in-place updates (`set.add(x)` as a statement) can reuse them.
 */
import { Node, type CallExpression, type Expression, type NewExpression, type Type } from '../../../ts-morph.js';
import { collectionKindOf, type CollectionKind } from './collection-kind.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { bindOnce } from './text.js';
import { onlyKinds, valueKinds } from './value-kinds.js';
import { typeOf } from '../../../program/index.js';

/** True when `node` is a Set or a Map (possibly null or undefined). */
export function isCollection(node: Node): boolean {
  const type = typeOf(node).getNonNullableType();
  return collectionKindOf(type) !== undefined;
}

/** `set.has(x)`: whether the item is in the set. */
export function setHasText(set: string, item: string): string {
  return `(${item} in ${set})`;
}

/** `set.add(x)` as a value: the set with the item appended unless it is there. */
export function setAddText(set: string, item: string, ctx: LowerContext): string {
  return bindOnce(item, ctx, (x) => `(${x} in ${set} ? ${set} : $append(${set}, [${x}]))`);
}

/** `set.delete(x)` as a value: the set without the item. */
export function setDeleteText(set: string, item: string, ctx: LowerContext): string {
  return bindOnce(item, ctx, (x) => `${ctx.helper('pick')}(${set}, function($__v){ $__v != ${x} })`);
}

/** `new Set(items)`: the distinct items in first-seen order. */
export function setFromText(items: string, ctx: LowerContext): string {
  return `${ctx.helper('distinct')}(${items})`;
}

/** `map.get(k)`: the value for the key, or undefined. */
export function mapGetText(map: string, key: string, ctx: LowerContext): string {
  return `${ctx.helper('mapGet')}(${map}, ${key})`;
}

/** `map.has(k)`. */
export function mapHasText(map: string, key: string, ctx: LowerContext): string {
  return `(${ctx.helper('mapIndex')}(${map}, ${key}) >= 0)`;
}

/** `map.set(k, v)` as a value: the value replaced in place, or a new pair at the end. */
export function mapSetText(map: string, key: string, value: string, ctx: LowerContext): string {
  return `${ctx.helper('mapSet')}(${map}, ${key}, ${value})`;
}

/** `map.delete(k)` as a value: the map without the key's pair. */
export function mapDeleteText(map: string, key: string, ctx: LowerContext): string {
  return bindOnce(key, ctx, (k) => `${ctx.helper('pick')}(${map}, function($__e){ $__e[0] != ${k} })`);
}

/** `new Map(entries)`: the pairs, a repeated key keeping its first position and its last value. */
export function mapFromText(entries: string, ctx: LowerContext): string {
  return `$reduce(${entries}, function($__m, $__e){ ${ctx.helper('mapSet')}($__m, $__e[0], ${ctx.helper('at')}($__e, 1)) }, [])`;
}

/** `size`: the number of items or pairs. */
export function sizeText(collection: string): string {
  return `$count(${collection})`;
}

/** `new Set(…)` and `new Map(…)`; undefined when `node` constructs something else. */
export function lowerNewCollection(node: NewExpression, ctx: LowerContext): string | undefined {
  const kind = collectionKindOf(typeOf(node));
  if (!kind) return undefined;
  const [source] = (node.getArguments() as Expression[]);
  // A Set of a type parameter (`const unique = <T>(xs: T[]) => [...new Set(xs)]`): its items are checked at run time.
  const generic = kind === 'Set' && typeOf(node).getTypeArguments()[0]?.isTypeParameter() === true;
  const problem = source && !generic ? primitiveProblem(typeOf(node), kind) : undefined;
  if (problem) return ctx.report('expression_unsupported_call', node, { name: `new ${kind}`, reason: problem });
  if (!source || Node.isNullLiteral(source)) return '[]';
  if (!onlyKinds(valueKinds(typeOf(source)), 'array')) {
    return ctx.report('expression_unsupported_call', node, { name: `new ${kind}`, reason: kind === 'Set' ? 'it takes an array or another Set' : 'it takes an array of [key, value] pairs or another Map' });
  }
  const items = generic ? `${ctx.helper('primitiveItems')}(${lowerNode(source, ctx)})` : lowerNode(source, ctx);
  return kind === 'Set' ? setFromText(items, ctx) : mapFromText(items, ctx);
}

/** Reads `set.size` / `map.size`; undefined for other properties. */
export function lowerCollectionProperty(name: string, receiver: string): string | undefined {
  return name === 'size' ? sizeText(receiver) : undefined;
}

/** Lowers a method of a Set or Map whose text is `receiver`. */
export function lowerCollectionMethod(kind: CollectionKind, name: string, receiver: string, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  const arg = (i: number) => lowerNode(args[i], ctx);
  if (args.some((a) => Node.isSpreadElement(a))) return ctx.report('expression_unsupported_call', node, { name: `${kind}.prototype.${name}`, reason: 'spread arguments are not supported' });
  if (['add', 'set', 'delete', 'clear'].includes(name)) {
    return ctx.report('expression_mutation', node, { text: `${node.getText()} (as a statement of its own on a local it is an update; inside an expression build a new ${kind})` });
  }
  if (kind === 'Set') {
    switch (name) {
      case 'has':
        return setHasText(receiver, arg(0));
      // A Set's values() and keys() are its items; entries() pairs each item with itself.
      case 'values':
      case 'keys':
        return receiver;
      case 'entries':
        return `${ctx.helper('map')}(${receiver}, function($__v){ [$__v, $__v] })`;
    }
  } else {
    switch (name) {
      case 'get':
        return mapGetText(receiver, arg(0), ctx);
      case 'has':
        return mapHasText(receiver, arg(0), ctx);
      case 'entries':
        return receiver;
      case 'keys':
        return `${ctx.helper('map')}(${receiver}, function($__e){ $__e[0] })`;
      case 'values':
        return `${ctx.helper('map')}(${receiver}, function($__e){ ${ctx.helper('at')}($__e, 1) })`;
    }
  }
  return ctx.report('expression_unsupported_call', node, { name: `${kind}.prototype.${name}`, reason: name === 'forEach' ? 'use `for (const x of collection)`' : '' });
}

// An empty `new Set()` is not checked: what is added to it later is (a Set<unknown> of objects cannot be built from one).
/** Why a collection of `type` cannot be a JSON array of primitives, or undefined when it can. */
function primitiveProblem(type: Type, kind: CollectionKind): string | undefined {
  const [item] = type.getTypeArguments();
  if (!item || onlyKinds(valueKinds(item), 'string', 'number', 'boolean', 'null')) return undefined;
  return `JavaScript compares ${kind === 'Set' ? 'the items of a Set' : 'the keys of a Map'} by reference, which JSON values do not have; only strings, numbers, booleans and null are supported`;
}

/**
 * The first Set, Map or Date inside a value of `type` (its fields and items,
 * a few levels deep), for the places where a value leaves the workflow as
 * JSON: there JavaScript writes `{}` for a collection, which the compiled
 * arrays would not give.
 */
export function nonJsonPart(type: Type, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  if (type.isUnion()) {
    for (const part of type.getUnionTypes()) {
      const found = nonJsonPart(part, depth);
      if (found) return found;
    }
    return undefined;
  }
  const kind = collectionKindOf(type);
  if (kind) return kind;
  const symbol = type.getSymbol();
  if (symbol?.getName() === 'Date' && symbol.getDeclarations().every((d) => d.getSourceFile().isDeclarationFile())) return 'Date';
  if (type.isArray()) return nonJsonPart(type.getArrayElementTypeOrThrow(), depth + 1);
  if (type.isTuple()) {
    for (const element of type.getTupleElements()) {
      const found = nonJsonPart(element, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (type.isObject() && type.getCallSignatures().length === 0 && !symbol?.getDeclarations().some((d) => d.getSourceFile().isDeclarationFile())) {
    for (const property of type.getProperties()) {
      const declaration = property.getValueDeclaration() ?? property.getDeclarations()[0];
      if (!declaration) continue;
      const found = nonJsonPart(property.getTypeAtLocation(declaration), depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Reports a value that leaves the workflow (a task's input, the workflow's
 * output) when it holds a Set, a Map or a Date.
 */
export function reportNonJson(node: Node, report: (code: 'expression_not_json', node: Node, params: Record<string, string>) => void): void {
  const part = nonJsonPart(typeOf(node));
  if (!part) return;
  const reason = part === 'Date'
    ? 'natively JSON.stringify writes it as an ISO string, compiled it is a number of milliseconds; pass `d.toISOString()` or `d.getTime()`'
    : `natively JSON.stringify writes a ${part} as \`{}\`; pass \`[...${part === 'Set' ? 'set' : 'map.entries()'}]\`${part === 'Map' ? ' or `Object.fromEntries(map)`' : ''} instead`;
  const text = node.getText();
  const short = text.includes('\n') || text.length > 60 ? `${text.split('\n')[0].slice(0, 57)}…` : text;
  report('expression_not_json', node, { text: short, kind: part, reason });
}
