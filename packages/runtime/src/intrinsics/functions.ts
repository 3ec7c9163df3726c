import { createHash } from 'node:crypto';
import { StatesError } from '../errors.js';
import { INTRINSIC_FAILURE, intrinsicDetail, intrinsicFailed } from '../jsonpath/messages.js';
import { isJsonEqual } from '../jsonpath/path.js';
import { describeNonJson, MAX_JSON_DEPTH } from '../json-value.js';
import type { PathScope } from '../jsonpath/scope.js';
import type { IntrinsicNode } from './parse.js';

/** Runs one call, given its evaluated argument values. */
export type IntrinsicRunner = (values: unknown[], scope: PathScope) => unknown;

/** One `States.*` function: how many arguments it takes and how it runs. */
export interface IntrinsicFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Called once at compile time with the argument nodes, so literal arguments can be pre-processed. */
  prepare(args: readonly IntrinsicNode[]): IntrinsicRunner;
}

const INPUT_CHARACTER_LIMIT = 10_000;
const ARRAY_RANGE_LIMIT = 1000;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

function fixed(minArgs: number, maxArgs: number, run: (values: unknown[], scope: PathScope) => unknown): IntrinsicFunction {
  return { minArgs, maxArgs, prepare: () => run };
}

/** The 18 intrinsic functions of the JSONPath query language, by full name. */
export const INTRINSIC_FUNCTIONS: ReadonlyMap<string, IntrinsicFunction> = new Map<string, IntrinsicFunction>([
  ['States.Format', { minArgs: 1, maxArgs: Infinity, prepare: prepareFormat }],
  ['States.StringToJson', fixed(1, 1, ([text]) => parseJsonText(requireString('States.StringToJson', text, 0)))],
  ['States.JsonToString', fixed(1, 1, ([value]) => JSON.stringify(value))],
  ['States.Array', fixed(0, Infinity, (values) => values)],
  ['States.ArrayPartition', fixed(2, 2, ([array, size]) => partitionArray(array, size))],
  ['States.ArrayContains', fixed(2, 2, ([array, value]) => requireArray('States.ArrayContains', array, 0).some((item) => isJsonEqual(item, value)))],
  ['States.ArrayRange', fixed(3, 3, ([start, end, step]) => buildRange(start, end, step))],
  ['States.ArrayGetItem', fixed(2, 2, ([array, index]) => getItem(array, index))],
  ['States.ArrayLength', fixed(1, 1, ([array]) => requireArray('States.ArrayLength', array, 0).length)],
  ['States.ArrayUnique', fixed(1, 1, ([array]) => keepFirstOccurrences(requireArray('States.ArrayUnique', array, 0)))],
  ['States.Base64Encode', fixed(1, 1, ([text]) => Buffer.from(requireBoundedString('States.Base64Encode', text), 'utf8').toString('base64'))],
  ['States.Base64Decode', fixed(1, 1, ([text]) => decodeBase64(requireBoundedString('States.Base64Decode', text)))],
  ['States.Hash', fixed(2, 2, ([data, algorithm]) => hash(data, algorithm))],
  ['States.JsonMerge', fixed(3, 3, ([left, right, deep]) => mergeShallow(left, right, deep))],
  ['States.MathRandom', fixed(2, 3, ([start, end, seed], scope) => pickRandom(start, end, seed, scope))],
  ['States.MathAdd', fixed(2, 2, ([a, b]) => requireInt32('States.MathAdd', a, 0) + requireInt32('States.MathAdd', b, 1))],
  ['States.StringSplit', fixed(2, 2, ([text, delimiters]) => splitString(text, delimiters))],
  ['States.UUID', fixed(0, 0, (_values, scope) => generateUuid(scope))],
]);

// ── Argument checks ──────────────────────────────────────────────────────────

function failure(fn: string, detail: string): StatesError {
  return new StatesError(INTRINSIC_FAILURE, intrinsicFailed(fn, detail), { scoped: true });
}

function describe(value: unknown): string {
  const text = String(JSON.stringify(value));
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

function requireString(fn: string, value: unknown, index: number): string {
  if (typeof value !== 'string') throw failure(fn, intrinsicDetail.argumentType(index, 'a string', describe(value)));
  return value;
}

function requireBoundedString(fn: string, value: unknown): string {
  const text = requireString(fn, value, 0);
  if (text.length > INPUT_CHARACTER_LIMIT) throw failure(fn, intrinsicDetail.inputTooLong(text.length, INPUT_CHARACTER_LIMIT));
  return text;
}

function requireArray(fn: string, value: unknown, index: number): unknown[] {
  if (!Array.isArray(value)) throw failure(fn, intrinsicDetail.argumentType(index, 'an array', describe(value)));
  return value;
}

function requireObject(fn: string, value: unknown, index: number): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw failure(fn, intrinsicDetail.argumentType(index, 'an object', describe(value)));
  }
  return value as Record<string, unknown>;
}

function requireInteger(fn: string, value: unknown, index: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw failure(fn, intrinsicDetail.argumentType(index, 'an integer', describe(value)));
  }
  return value;
}

/** The math intrinsics round non-integers to the nearest integer, halves up (Java's Math.round, as AWS). */
function requireRoundedInteger(fn: string, value: unknown, index: number): number {
  if (typeof value !== 'number') throw failure(fn, intrinsicDetail.argumentType(index, 'a number', describe(value)));
  // `+ 0` turns Math.round(-0.4)'s -0 into 0.
  return Math.round(value) + 0;
}

function requireInt32(fn: string, value: unknown, index: number): number {
  const rounded = requireRoundedInteger(fn, value, index);
  if (rounded < INT32_MIN || rounded > INT32_MAX) throw failure(fn, intrinsicDetail.outOfIntRange(rounded));
  return rounded;
}

// ── Generic ──────────────────────────────────────────────────────────────────

type TemplatePart = string | typeof PLACEHOLDER;
const PLACEHOLDER = Symbol('placeholder');

function prepareFormat(args: readonly IntrinsicNode[]): IntrinsicRunner {
  const first = args[0]!;
  // A literal template is split once; only there does `\{` mean a literal brace.
  const literalParts = first.kind === 'string' ? splitTemplate(first.raw, true) : undefined;
  return (values) => {
    const parts = literalParts ?? splitTemplate(requireString('States.Format', values[0], 0), false);
    let placeholders = 0;
    for (const part of parts) if (part === PLACEHOLDER) placeholders++;
    if (placeholders !== values.length - 1) throw failure('States.Format', intrinsicDetail.placeholderCount(placeholders, values.length - 1));
    let out = '';
    let next = 1;
    for (const part of parts) out += part === PLACEHOLDER ? formatValue(values[next++]) : part;
    return out;
  };
}

function splitTemplate(template: string, escaped: boolean): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (escaped && ch === '\\' && i + 1 < template.length) {
      literal += template[++i];
    } else if (ch === '{' && template[i + 1] === '}') {
      parts.push(literal, PLACEHOLDER);
      literal = '';
      i++;
    } else {
      literal += ch;
    }
  }
  parts.push(literal);
  return parts;
}

/** How AWS's Java implementation prints a value into a format string: `{a=1, b=[x, y]}`. */
function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).map(([key, item]) => `${key}=${formatValue(item)}`).join(', ')}}`;
  }
  return String(value);
}

function formatNumber(value: number): string {
  // Integers print in full, never as 1e+21.
  return Number.isInteger(value) && Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value);
}

// ── JSON ─────────────────────────────────────────────────────────────────────

function parseJsonText(text: string): unknown {
  // AWS's parser reads blank text as null.
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw failure('States.StringToJson', intrinsicDetail.invalidJson((error as Error).message));
  }
  // Parsed JSON can only be nested too deeply, which takes two brackets per level: short text cannot be.
  const problem = text.length > 2 * MAX_JSON_DEPTH ? describeNonJson(value) : undefined;
  if (problem) throw failure('States.StringToJson', intrinsicDetail.invalidJson(problem));
  return value;
}

function mergeShallow(left: unknown, right: unknown, deep: unknown): Record<string, unknown> {
  const a = requireObject('States.JsonMerge', left, 0);
  const b = requireObject('States.JsonMerge', right, 1);
  if (typeof deep !== 'boolean') throw failure('States.JsonMerge', intrinsicDetail.argumentType(2, 'a boolean', describe(deep)));
  if (deep) throw failure('States.JsonMerge', intrinsicDetail.deepMerge());
  const merged: Record<string, unknown> = {};
  for (const source of [a, b]) {
    for (const key of Object.keys(source)) {
      Object.defineProperty(merged, key, { value: source[key], enumerable: true, writable: true, configurable: true });
    }
  }
  return merged;
}

// ── Arrays ───────────────────────────────────────────────────────────────────

function partitionArray(array: unknown, size: unknown): unknown[][] {
  const items = requireArray('States.ArrayPartition', array, 0);
  const chunk = requireInteger('States.ArrayPartition', size, 1);
  if (chunk <= 0) throw failure('States.ArrayPartition', intrinsicDetail.notPositive(chunk));
  const chunks: unknown[][] = [];
  for (let i = 0; i < items.length; i += chunk) chunks.push(items.slice(i, i + chunk));
  return chunks;
}

function buildRange(start: unknown, end: unknown, step: unknown): number[] {
  const first = requireInteger('States.ArrayRange', start, 0);
  const last = requireInteger('States.ArrayRange', end, 1);
  const increment = requireInteger('States.ArrayRange', step, 2);
  if (increment === 0) throw failure('States.ArrayRange', intrinsicDetail.zeroStep());
  // The end is inclusive; a step pointing away from the end gives an empty range.
  const size = Math.max(0, Math.floor((last - first) / increment) + 1);
  if (size > ARRAY_RANGE_LIMIT) throw failure('States.ArrayRange', intrinsicDetail.rangeTooLarge(size, ARRAY_RANGE_LIMIT));
  const range = new Array<number>(size);
  for (let i = 0; i < size; i++) range[i] = first + i * increment;
  return range;
}

function getItem(array: unknown, index: unknown): unknown {
  const items = requireArray('States.ArrayGetItem', array, 0);
  const at = requireInteger('States.ArrayGetItem', index, 1);
  if (at < 0 || at >= items.length) throw failure('States.ArrayGetItem', intrinsicDetail.indexOutOfBounds(at, items.length));
  return items[at];
}

function keepFirstOccurrences(items: unknown[]): unknown[] {
  const seenScalars = new Set<unknown>();
  const keptContainers: unknown[] = [];
  const unique: unknown[] = [];
  for (const item of items) {
    if (typeof item === 'object' && item !== null) {
      if (keptContainers.some((kept) => isJsonEqual(kept, item))) continue;
      keptContainers.push(item);
    } else {
      // -0 and 0 are one value in JSON; Set already treats them as equal.
      if (seenScalars.has(item)) continue;
      seenScalars.add(item);
    }
    unique.push(item);
  }
  return unique;
}

// ── Encoding and hashing ─────────────────────────────────────────────────────

function decodeBase64(text: string): string {
  if (!isStrictBase64(text)) throw failure('States.Base64Decode', intrinsicDetail.invalidBase64());
  return Buffer.from(text, 'base64').toString('utf8');
}

/** Java's Base64 decoder is strict: whole quads, the standard alphabet, `=` only as padding. */
function isStrictBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  for (let i = 0; i < text.length - padding; i++) {
    const code = text.charCodeAt(i);
    const isAlphabet =
      (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47;
    if (!isAlphabet) return false;
  }
  return true;
}

function hash(data: unknown, algorithm: unknown): string {
  const text = requireBoundedString('States.Hash', data);
  const name = requireString('States.Hash', algorithm, 1);
  const nodeName = Object.hasOwn(HASH_ALGORITHMS, name) ? HASH_ALGORITHMS[name] : undefined;
  if (nodeName === undefined) throw failure('States.Hash', intrinsicDetail.unknownAlgorithm(name, Object.keys(HASH_ALGORITHMS)));
  return createHash(nodeName).update(text, 'utf8').digest('hex');
}

// ── Math ─────────────────────────────────────────────────────────────────────

function pickRandom(start: unknown, end: unknown, seed: unknown, scope: PathScope): number {
  const low = requireInt32('States.MathRandom', start, 0);
  const high = requireInt32('States.MathRandom', end, 1);
  if (high <= low) throw failure('States.MathRandom', intrinsicDetail.emptyRandomRange(low, high));
  const bound = high - low;
  // Java computes the span as an int; a span past int range cannot be drawn from.
  if (bound > INT32_MAX) throw failure('States.MathRandom', intrinsicDetail.outOfIntRange(bound));
  if (seed === undefined) return low + Math.floor(scope.random() * bound);
  return low + nextJavaRandomInt(requireRoundedInteger('States.MathRandom', seed, 2), bound);
}

const JAVA_MULTIPLIER = 0x5deece66dn;
const JAVA_MASK = (1n << 48n) - 1n;

/**
 * `new java.util.Random(seed).nextInt(bound)`: the seeded generator AWS's Java
 * implementation most plausibly uses, so a seeded call is reproducible everywhere.
 */
function nextJavaRandomInt(seed: number, bound: number): number {
  let state = (BigInt.asUintN(64, BigInt(seed)) ^ JAVA_MULTIPLIER) & JAVA_MASK;
  const next31 = (): number => {
    state = (state * JAVA_MULTIPLIER + 0xbn) & JAVA_MASK;
    return Number(state >> 17n);
  };
  if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(next31())) >> 31n);
  for (;;) {
    const bits = next31();
    const value = bits % bound;
    // Java rejects draws whose int arithmetic overflows, to keep the result uniform.
    if (bits - value + (bound - 1) <= INT32_MAX) return value;
  }
}

// ── Strings and identifiers ──────────────────────────────────────────────────

function splitString(text: unknown, delimiters: unknown): string[] {
  const input = requireString('States.StringSplit', text, 0);
  const separators = new Set(requireString('States.StringSplit', delimiters, 1));
  const tokens: string[] = [];
  let token = '';
  for (const ch of input) {
    if (!separators.has(ch)) {
      token += ch;
      continue;
    }
    if (token !== '') tokens.push(token);
    token = '';
  }
  if (token !== '') tokens.push(token);
  return tokens;
}

const HEX = '0123456789abcdef';

function generateUuid(scope: PathScope): string {
  let out = '';
  for (let i = 0; i < 16; i++) {
    let byte = Math.floor(scope.random() * 256) & 0xff;
    if (i === 6) byte = (byte & 0x0f) | 0x40; // version 4
    if (i === 8) byte = (byte & 0x3f) | 0x80; // RFC 4122 variant
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[byte >> 4]! + HEX[byte & 0x0f]!;
  }
  return out;
}
