import type { Expression, Type } from 'ts-morph';
import { isCaughtError } from './instance-of.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { mayBeNaN } from './nan-analysis.js';
import { unlessNaN } from './nan-values.js';
import { bindOnce, isSimple, stringLiteral } from './text.js';
import { kindsOf, onlyKinds, type Kinds } from './value-kinds.js';

/**
 * JSONata text giving `String(expression)` (also a template's `${expression}`).
 * An error (a caught one, or a value typed as an Error) prints as
 * `Error.prototype.toString` does: `name: message`, or the name alone when
 * the message is empty.
 *
 * @example
 * lowerToString(`e`, ctx) // "($e.message = '' ? $e.name : $e.name & ': ' & $e.message)"
 */
export function lowerToString(expression: Expression, ctx: LowerContext): string {
  if (!isCaughtError(expression) && !isErrorType(expression.getType())) return lowerAsString(expression, kindsOf(expression), ctx);
  const text = lowerNode(expression, ctx);
  return bindOnce(text, ctx, (error) => `(${error}.message = '' ? ${error}.name : ${error}.name & ': ' & ${error}.message)`);
}

/** `Error` or a class extending it (WorkflowError, an error class). */
function isErrorType(type: Type, depth = 0): boolean {
  if (depth > 20 || !type.isObject()) return false;
  if (type.getSymbol()?.getName() === 'Error' || type.getSymbol()?.getName() === 'WorkflowError') return true;
  return type.getBaseTypes().some((base) => isErrorType(base, depth + 1));
}

/** `String(expression)` for a value of `kinds` that is no error: a NaN (null) prints as `"NaN"`. */
export function lowerAsString(expression: Expression, kinds: Kinds, ctx: LowerContext): string {
  const text = lowerNode(expression, ctx);
  if (mayBeNaN(expression)) return unlessNaN(text, ctx, '"NaN"', (v) => jsString(v, kinds, ctx));
  return jsString(text, kinds, ctx);
}

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
