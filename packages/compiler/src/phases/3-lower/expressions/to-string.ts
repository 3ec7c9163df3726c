import type { LowerContext } from './lower-context.js';
import { isSimple, stringLiteral } from './text.js';
import { onlyKinds, type Kinds } from './value-kinds.js';

/**
 * JSONata text giving `String(value)` as JavaScript computes it, for a value of `kinds`.
 *
 * @example
 * jsString('$n', new Set(['number']), ctx) // '$__js_numberString($n)'
 */
export function jsString(text: string, kinds: Kinds, ctx: LowerContext): string {
  if (onlyKinds(kinds, 'string')) return text;
  if (onlyKinds(kinds, 'number')) {
    // A literal is printed here, by JavaScript itself.
    if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return stringLiteral(String(Number(text)));
    return `${ctx.helper('numberString')}(${text})`;
  }
  if (onlyKinds(kinds, 'boolean') && isSimple(text)) return `(${text} ? "true" : "false")`;
  if (onlyKinds(kinds, 'null')) return '"null"';
  if (onlyKinds(kinds, 'undefined')) return '"undefined"';
  return `${ctx.helper('string')}(${text})`;
}
