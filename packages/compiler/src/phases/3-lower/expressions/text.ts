import type { LowerContext } from './lower-context.js';

/** Text that can be repeated without evaluating anything twice: a variable, a field path or a literal. */
export function isSimple(text: string): boolean {
  return /^(\$[A-Za-z_]\w*(\.[A-Za-z_]\w*)*|-?\d+(\.\d+)?([eE][-+]?\d+)?|"(?:[^"\\]|\\.)*"|true|false|null|\(\))$/.test(text);
}

/**
 * Hands `build` a name for `text`: the text itself when it is simple, else a
 * temporary bound in a block, so `text` is evaluated once.
 *
 * @example
 * bindOnce('$f($x)', ctx, (v) => `${v} != null ? ${v} : 0`) // '($__t1 := $f($x); $__t1 != null ? $__t1 : 0)'
 */
export function bindOnce(text: string, ctx: LowerContext, build: (name: string) => string): string {
  if (isSimple(text)) return build(text);
  const temporary = ctx.temporary();
  return `(${temporary} := ${text}; ${build(temporary)})`;
}

/** A JSONata string literal. */
export function stringLiteral(value: string): string {
  // JSON's escapes are a subset of JSONata's; JSON.stringify escapes nothing else.
  return JSON.stringify(value);
}

/** A field name after `.` in a JSONata path (backquoted unless it is a plain name). */
export function fieldName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name}\``;
}
