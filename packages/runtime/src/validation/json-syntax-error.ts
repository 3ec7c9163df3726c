/**
 * Finds where and why JSON text is malformed. `JSON.parse` says why but, on
 * Node 20, not always where ("Unexpected token 'x', "…" is not valid JSON"),
 * so this scanner walks the text once more, only after a parse has failed.
 * It is iterative so that deeply nested text cannot overflow the stack.
 */

export interface JsonSyntaxError {
  /** UTF-16 offset of the offending character (the text's length at a premature end). */
  offset: number;
  reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const LITERALS = ['true', 'false', 'null'];

/** The first syntax error in `text`, or undefined when it is well-formed JSON. */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let offset = 0;
  const closers: string[] = [];
  let expectValue = true;

  const skipWhitespace = (): void => {
    WHITESPACE.lastIndex = offset;
    WHITESPACE.test(text);
    offset = WHITESPACE.lastIndex;
  };
  const fail = (reason: string, at = offset): JsonSyntaxError => ({
    offset: at,
    reason:
      at >= text.length
        ? `Unexpected end of input: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`
        : `${reason}, found ${describeCharacter(text, at)}`,
  });
  const scanString = (): JsonSyntaxError | undefined => {
    offset++;
    for (;;) {
      if (offset >= text.length) return fail('the string is not closed');
      const code = text.charCodeAt(offset);
      if (code === 0x22) {
        offset++;
        return undefined;
      }
      if (code < 0x20) return fail('Control characters must be escaped in strings');
      if (code === 0x5c) {
        const escape = text[offset + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(offset + 2, offset + 6))) return fail('Expected 4 hex digits after \\u', offset + 2);
          offset += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          offset += 2;
        } else {
          return fail('Invalid escape in string', offset + 1);
        }
        continue;
      }
      offset++;
    }
  };
  const scanKey = (): JsonSyntaxError | undefined => {
    skipWhitespace();
    if (text[offset] !== '"') return fail('Expected a property name in double quotes');
    const error = scanString();
    if (error) return error;
    skipWhitespace();
    if (text[offset] !== ':') return fail("Expected ':' after the property name");
    offset++;
    return undefined;
  };

  for (;;) {
    skipWhitespace();
    if (expectValue) {
      const char = text[offset];
      if (char === '{' || char === '[') {
        offset++;
        skipWhitespace();
        const closer = char === '{' ? '}' : ']';
        if (text[offset] === closer) {
          offset++;
          expectValue = false;
          continue;
        }
        closers.push(closer);
        if (closer === '}') {
          const error = scanKey();
          if (error) return error;
        }
        continue;
      }
      if (char === '"') {
        const error = scanString();
        if (error) return error;
      } else {
        NUMBER.lastIndex = offset;
        const literal = LITERALS.find((word) => text.startsWith(word, offset));
        if (literal) offset += literal.length;
        else if (NUMBER.test(text)) offset = NUMBER.lastIndex;
        else return fail('Expected a value');
      }
      expectValue = false;
      continue;
    }

    const closer = closers[closers.length - 1];
    if (closer === undefined) return offset < text.length ? fail('Expected the end of the JSON text') : undefined;
    if (text[offset] === closer) {
      offset++;
      closers.pop();
    } else if (text[offset] === ',') {
      offset++;
      if (closer === '}') {
        const error = scanKey();
        if (error) return error;
      }
      expectValue = true;
    } else {
      return fail(`Expected ',' or '${closer}'`);
    }
  }
}

/**
 * Why JSON text does not parse and where, as one line for people:
 * `Expected ',' or '}' at line 3:7`. `error` is what `JSON.parse` threw; its
 * own words are the fallback should the scanner find nothing wrong.
 *
 * @example
 * try { JSON.parse(text); } catch (error) { console.error(`input.json: ${describeJsonSyntaxError(text, error)}`); }
 */
export function describeJsonSyntaxError(text: string, error?: unknown): string {
  const { line, column, reason } = jsonSyntaxErrorAt(text, error);
  return `${reason} at line ${line}:${column}`;
}

/** The first syntax error's reason, line and column (see {@link describeJsonSyntaxError}). */
export function jsonSyntaxErrorAt(text: string, error?: unknown): { line: number; column: number; reason: string } {
  let located: JsonSyntaxError | undefined;
  try {
    located = locateJsonSyntaxError(text);
  } catch {
    located = undefined;
  }
  // Should the scanner and JSON.parse ever disagree, fall back on the parser's own words.
  if (!located) {
    const message = error instanceof Error ? error.message : String(error ?? 'not valid JSON');
    const position = /position (\d+)/.exec(message);
    located = { offset: position ? Number(position[1]) : 0, reason: message };
  }
  return { ...lineAndColumn(text, located.offset), reason: located.reason };
}

/** 1-based line and column of `offset`, counting `\n` as the line break. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function describeCharacter(text: string, offset: number): string {
  const char = String.fromCodePoint(text.codePointAt(offset) as number);
  return char.trim() === '' ? `whitespace (U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')})` : `'${char}'`;
}
