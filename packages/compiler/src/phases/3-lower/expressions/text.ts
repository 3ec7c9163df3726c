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

/**
 * A JSONata block that binds `bindings` in order, then gives `body`. A block
 * that binds a variable only to give it back (`($v := value; $v)`) is the
 * value itself.
 *
 * @example
 * sequence(['$a := 1', '$b := ($a + 1)'], '$b') // '($a := 1; ($a + 1))'
 */
export function sequence(bindings: readonly string[], body: string): string {
  const last = bindings.at(-1);
  const binding = last === undefined ? undefined : /^(\$\w+) := ([\s\S]*)$/.exec(last);
  // A lambda that calls itself by this name needs the binding (elsewhere the value reads the name's previous binding).
  if (binding && binding[1] === body && !(binding[2]!.includes('function') && new RegExp(`\\${body}(?!\\w)`).test(binding[2]!))) {
    return sequence(bindings.slice(0, -1), enclosed(binding[2]!));
  }
  return bindings.length > 0 ? `(${bindings.join('; ')}; ${body})` : body;
}

/**
 * `text` in parentheses unless it already is one unit: a simple value, or one
 * group in parentheses (`($a + 1)`, `($t := $f($x); $t.k)`).
 *
 * @example
 * enclosed('$a + 1') // '($a + 1)'
 * enclosed('($a)[0]') // '(($a)[0])'
 */
export function enclosed(text: string): string {
  return isSimple(text) || (text.startsWith('(') && closerOf(text, 0) === text.length - 1) ? text : `(${text})`;
}

/**
 * A whole expression without the parentheses around it, where they change
 * nothing (not around a block of `;`-separated expressions, which needs them).
 *
 * @example
 * unparenthesized('(($a + 1))') // '$a + 1'
 * unparenthesized('($t := 1; $t)') // '($t := 1; $t)'
 */
export function unparenthesized(text: string): string {
  while (text.startsWith('(') && closerOf(text, 0) === text.length - 1 && !hasTopLevelSemicolon(text)) text = text.slice(1, -1);
  return text;
}

/** The index of the bracket that closes the one at `open` (skipping strings and backquoted names), or -1. */
function closerOf(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return i;
  }
  return -1;
}

/** True when the group `(…)` that is all of `text` holds a `;` of its own (a block). */
function hasTopLevelSemicolon(text: string): boolean {
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i]!;
    if (c === ';') return true;
    if ('([{"\'`'.includes(c)) {
      const end = '"\'`'.includes(c) ? closingQuote(text, i) : closerOf(text, i);
      if (end < 0) return true;
      i = end;
    }
  }
  return false;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === text[open]) return i;
  }
  return -1;
}

/**
 * Applies `edit` to the parts of JSONata `text` outside string literals and
 * backquoted names, so a name inside a user's string is never edited.
 *
 * @example
 * editCode('$a & "$a"', (code) => code.replaceAll('$a', '$b')) // '$b & "$a"'
 */
export function editCode(text: string, edit: (code: string) => string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!'"\'`'.includes(text[i]!)) continue;
    const end = closingQuote(text, i);
    if (end < 0) break;
    out += edit(text.slice(start, i)) + text.slice(i, end + 1);
    start = end + 1;
    i = end;
  }
  return out + edit(text.slice(start));
}

/** A JSONata number literal for a JavaScript number. */
export function numberLiteral(value: number): string {
  // JSONata has no negative literals; a unary minus reads the same.
  return value < 0 || Object.is(value, -0) ? `(-${String(-value)})` : String(value);
}
