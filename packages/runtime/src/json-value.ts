import { StatesError } from './errors.js';

/**
 * What may cross into an execution as a JSON value, and how to write one that
 * is nested too deeply for `JSON.stringify` (which recurses, and throws
 * `RangeError` a few thousand levels down).
 */

/**
 * How deeply a value arriving from outside (execution input, a handler's
 * result, a callback's output) may nest. AWS does not document one; this
 * keeps every step of the interpreter (paths, JSONata, size checks) far from
 * the JavaScript stack's limit, so a deep value fails clearly instead.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * The error for a value that cannot enter an execution, `what` naming it
 * ("The execution input", "The result of the handler of Task state 'Charge'"):
 * States.DataLimitExceeded for nesting past the limit, States.Runtime for
 * what JSON cannot hold at all.
 *
 * @example
 * const reason = describeNonJson(value);
 * if (reason) throw nonJsonError('The execution input', reason);
 */
export function nonJsonError(what: string, reason: string): StatesError {
  if (reason.startsWith('nesting')) return new StatesError('States.DataLimitExceeded', `${what} is not a JSON value Step Functions accepts: ${reason}.`);
  return new StatesError('States.Runtime', `${what} is not a JSON value: ${reason}.`);
}

/**
 * Why `value` cannot cross AWS's JSON boundary, or undefined when it can: a
 * cycle, a BigInt, a function or symbol, or nesting deeper than `maxDepth`.
 * Reads like "a BigInt at $.order.total". Walks iteratively.
 *
 * @example
 * const looped: Record<string, unknown> = {};
 * looped.self = looped;
 * describeNonJson(looped); // 'a cycle at $.self (it contains itself)'
 * describeNonJson({ n: 1n }); // 'a BigInt at $.n'
 */
export function describeNonJson(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  // Nearly every value is plain JSON: a walk that builds no paths says so quickly (it runs on every execution's input).
  if (maxDepth >= QUICK_DEPTH && isPlainJson(value, [])) return undefined;
  return describeProblem(value, maxDepth);
}

/** How deep `isPlainJson` looks; a deeper value (rare) gets the full walk. */
const QUICK_DEPTH = 64;

/**
 * True when `value` certainly crosses the JSON boundary: no cycle, BigInt,
 * function or symbol, no `toJSON`, at most QUICK_DEPTH levels. False means
 * "look closer" (`describeProblem`). `ancestors` are the objects it is inside:
 * few, since it stops at QUICK_DEPTH, so a list is cheaper than a Set.
 */
function isPlainJson(value: unknown, ancestors: object[]): boolean {
  switch (typeof value) {
    case 'bigint':
    case 'function':
    case 'symbol':
      return false;
    case 'object':
      break;
    default:
      return true;
  }
  if (value === null) return true;
  if (ancestors.length >= QUICK_DEPTH || ancestors.includes(value)) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  ancestors.push(value);
  // Object.keys for arrays too: it is what the full walk looks at (holes skipped, named properties included).
  for (const key of Object.keys(value)) if (!isPlainJson((value as Record<string, unknown>)[key], ancestors)) return false;
  ancestors.pop();
  return true;
}

/** @internal `describeNonJson`'s full walk: the first problem, with its path; exported for its tests (the quick walk must agree with it). */
export function describeProblem(value: unknown, maxDepth: number): string | undefined {
  // Each entry is a value to visit, or (`leave`) an object whose children are done.
  const stack: Array<{ value: unknown; path: string; depth: number; leave?: true }> = [{ value, path: '$', depth: 0 }];
  const open = new Set<object>();
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (entry.leave) {
      open.delete(current as object);
      continue;
    }
    switch (typeof current) {
      case 'bigint':
        return `a BigInt at ${entry.path}`;
      case 'function':
        return `a function at ${entry.path}`;
      case 'symbol':
        return `a symbol at ${entry.path}`;
      case 'object': {
        if (current === null) break;
        if (open.has(current)) return `a cycle at ${entry.path} (it contains itself)`;
        if (entry.depth >= maxDepth) return `nesting deeper than ${maxDepth} levels (at ${entry.path.slice(0, 40)}…)`;
        const json = typeof (current as { toJSON?: unknown }).toJSON === 'function' ? (current as { toJSON(): unknown }).toJSON() : current;
        if (json !== current) {
          stack.push({ value: json, path: entry.path, depth: entry.depth });
          break;
        }
        open.add(current);
        stack.push({ value: current, path: entry.path, depth: entry.depth, leave: true });
        const array = Array.isArray(current);
        for (const key of Object.keys(current)) {
          const path = array ? `${entry.path}[${key}]` : `${entry.path}.${key}`;
          stack.push({ value: (current as Record<string, unknown>)[key], path, depth: entry.depth + 1 });
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/**
 * `JSON.stringify(value, null, indent)` for JSON values of any depth: the same
 * text, written with an explicit stack instead of recursion. Used where a
 * payload is turned into text (history, CLI output) so that no value can make
 * reading a result throw.
 *
 * @example
 * let deep: unknown = 0;
 * for (let i = 0; i < 100_000; i++) deep = [deep];
 * stringifyJson(deep).length; // 200_001
 */
export function stringifyJson(value: unknown, indent = 0): string {
  try {
    return JSON.stringify(value, null, indent) ?? 'null';
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return writeJsonIteratively(value, indent);
}

/** @internal `stringifyJson`'s way for values too deep for `JSON.stringify`; exported for its tests. */
export function writeJsonIteratively(value: unknown, indent = 0): string {
  const parts: string[] = [];
  // Work items: a value to write (at a nesting level), or literal text.
  const work: Array<{ value: unknown; level: number } | string> = [{ value, level: 0 }];
  const newline = (level: number) => (indent > 0 ? `\n${' '.repeat(indent * level)}` : '');
  while (work.length > 0) {
    const item = work.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    let current = item.value;
    if (current !== null && typeof current === 'object' && typeof (current as { toJSON?: unknown }).toJSON === 'function') {
      current = (current as { toJSON(): unknown }).toJSON();
    }
    if (current === null || typeof current !== 'object') {
      parts.push(JSON.stringify(current) ?? 'null');
      continue;
    }
    const array = Array.isArray(current);
    const entries: Array<[string, unknown]> = array
      ? (current as unknown[]).map((element, index) => [String(index), isOmitted(element) ? null : element])
      : Object.keys(current)
          .filter((key) => !isOmitted((current as Record<string, unknown>)[key]))
          .map((key) => [key, (current as Record<string, unknown>)[key]]);
    if (entries.length === 0) {
      parts.push(array ? '[]' : '{}');
      continue;
    }
    parts.push(array ? '[' : '{');
    // Pushed in reverse, so they come off the stack in order.
    work.push(`${newline(item.level)}${array ? ']' : '}'}`);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, element] = entries[index]!;
      work.push({ value: element, level: item.level + 1 });
      const separator = index > 0 ? ',' : '';
      work.push(`${separator}${newline(item.level + 1)}${array ? '' : `${JSON.stringify(key)}:${indent > 0 ? ' ' : ''}`}`);
    }
  }
  return parts.join('');
}

/** Values JSON leaves out of objects (and writes as null in arrays). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

