/** Step Functions' payload quota: 256 KiB of UTF-8 JSON. */
export const PAYLOAD_LIMIT_BYTES = 256 * 1024;

/**
 * Sizes of large objects and arrays already measured. Payloads are never
 * mutated once built, and a state's output mostly reuses subtrees of its
 * input (ResultPath adds one field to it), so each check walks little more
 * than what is new. Small subtrees are cheaper to walk again than to look up,
 * and caching every one of them would load the collector with weak entries.
 */
const measured = new WeakMap<object, number>();
const CACHED_FROM_BYTES = 2048;

/**
 * Whether `value`'s JSON text exceeds the payload quota. A quick upper bound
 * comes first (no string scanning, no number formatting); only a payload
 * whose bound reaches the limit is measured exactly.
 */
export function exceedsPayloadLimit(value: unknown, limit = PAYLOAD_LIMIT_BYTES, bound = sizeBound(value, limit)): boolean {
  return bound > limit && jsonSize(value, limit) > limit;
}

/**
 * An upper bound of `value`'s JSON size that is exact once the cheap `bound`
 * reaches the quota: above the quota means the payload exceeds it. A state's
 * bound is its input's plus what it added, so a loop that keeps replacing one
 * field would otherwise stay above the quota and be measured at every step.
 *
 * @example
 * const size = checkedPayloadSize(output, thread.inputSize + addedBound);
 * if (size > PAYLOAD_LIMIT_BYTES) throw new StatesError('States.DataLimitExceeded', '…');
 */
export function checkedPayloadSize(value: unknown, bound: number): number {
  return bound > PAYLOAD_LIMIT_BYTES ? jsonSize(value, PAYLOAD_LIMIT_BYTES) : bound;
}

/** A cheap upper bound of `value`'s JSON size in bytes (exact sizes come from `exceedsPayloadLimit`). */
export function payloadSizeBound(value: unknown): number {
  return sizeBound(value, PAYLOAD_LIMIT_BYTES);
}

/** An upper bound of the JSON size: 6 bytes per UTF-16 unit covers `\u0000` escapes, 24 any number. */
function sizeBound(value: unknown, limit: number): number {
  if (typeof value === 'string') return value.length * 6 + 2;
  if (typeof value !== 'object' || value === null) return 24;
  const known = measured.get(value);
  if (known !== undefined) return known;
  let size = 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && size <= limit; i++) size += sizeBound(value[i], limit) + 1;
  } else {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length && size <= limit; i++) {
      const key = keys[i]!;
      size += sizeBound((value as Record<string, unknown>)[key], limit) + key.length * 6 + 4;
    }
  }
  return size;
}

/**
 * The UTF-8 length of `value`'s JSON text, or any number above `limit` once
 * it is known to exceed it (the walk stops there).
 */
function jsonSize(value: unknown, limit: number): number {
  switch (typeof value) {
    case 'string':
      return utf8Length(value) + 2;
    case 'number':
    case 'boolean':
      return String(value).length;
    case 'object': {
      if (value === null) return 4;
      const known = measured.get(value);
      if (known !== undefined) return known;
      let size = 2;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length && size <= limit; i++) size += jsonSize(value[i], limit) + 1;
      } else {
        for (const key in value) {
          size += jsonSize((value as Record<string, unknown>)[key], limit) + utf8Length(key) + 4;
          if (size > limit) break;
        }
      }
      if (size >= CACHED_FROM_BYTES && size <= limit) measured.set(value, size);
      return size;
    }
    default:
      return 0;
  }
}

function utf8Length(text: string): number {
  // Fast path: most payload strings are ASCII; quotes and backslashes gain an escape.
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff ? (code >= 0xd800 && code <= 0xdbff ? 1 : 2) : 1;
    else if (code === 0x22 || code === 0x5c) bytes += 1;
  }
  return bytes;
}
