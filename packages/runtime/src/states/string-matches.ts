/**
 * Choice's `StringMatches`: only `*` is special (any run of characters,
 * newlines included); a backslash makes the next character literal, so `\*`
 * is a star and `\\` a backslash.
 *
 * The pattern is split at its stars into literal pieces: the first must start
 * the value, the last must end it, and each piece between is found left to
 * right after the one before. Taking the leftmost place of each piece is
 * always right (it leaves the most room for the rest), so nothing is ever
 * retried: matching reads the value once per piece at worst, where a
 * backtracking RegExp of `*a*a*…*b` took exponential time.
 */
export interface StringPattern {
  /** Whether the whole of `value` matches the pattern. */
  test(value: string): boolean;
}

/**
 * Compiles a StringMatches pattern once, for testing many values.
 *
 * @example
 * compileStringMatchesPattern('log-*.txt').test('log-2024.txt'); // true
 * compileStringMatchesPattern('a\\*b').test('a*b');              // true (JSON "a\\*b")
 */
export function compileStringMatchesPattern(pattern: string): StringPattern {
  const pieces = splitAtStars(pattern);
  if (pieces.length === 1) {
    const only = pieces[0]!;
    return { test: (value) => value === only };
  }
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((piece) => piece !== '');
  const fixedLength = first.length + last.length;
  return {
    test(value) {
      if (value.length < fixedLength || !value.startsWith(first) || !value.endsWith(last)) return false;
      const end = value.length - last.length;
      let from = first.length;
      for (const piece of middle) {
        const at = value.indexOf(piece, from);
        if (at < 0 || at + piece.length > end) return false;
        from = at + piece.length;
      }
      return true;
    },
  };
}

/** The literal pieces between unescaped stars, escapes resolved. */
function splitAtStars(pattern: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*') {
      pieces.push(piece);
      piece = '';
    } else if (char === '\\' && index + 1 < pattern.length) {
      piece += pattern[++index]!;
    } else {
      // A lone trailing backslash has nothing to escape and stands for itself.
      piece += char;
    }
  }
  pieces.push(piece);
  return pieces;
}
