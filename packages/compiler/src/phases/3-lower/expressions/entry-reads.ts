import type { ExpressionScope } from './index.js';
import { editCode, isSimple } from './text.js';

/**
 * The values an await-free run reads from outside (`scope.lookup`): JSONata
 * over the state's entry values, such as an earlier run's result substituted
 * as text. While the run is lowered each read is a placeholder variable; once
 * its text is known, each value is either written where it is read, or bound
 * once at the start of the run (`$__in1 := …`):
 *
 * - always when it mentions a variable the run binds itself: read later, it
 *   would see the run's new binding instead of the entry value
 *   (`w` = `$total * 3`, read after the run's `total = 5`);
 * - when it is read more than once and writing it once is shorter.
 *
 * @example
 * const reads = new EntryReads(scope);     // scope reads w as '($total * 3)'
 * const body = lower(reads.scope);         // '($total := 5; $__in0 + $total)'
 * reads.resolve(body) // { bindings: ['$__in0 := ($total * 3)'], text: '($total := 5; $__in0 + $total)' }
 */
export class EntryReads {
  private readonly texts: string[] = [];
  readonly scope: ExpressionScope;

  constructor(outer: ExpressionScope) {
    this.scope = {
      ...outer,
      lookup: (name, node) => {
        const text = outer.lookup(name, node);
        return text === undefined ? undefined : this.read(text);
      },
      // A hoisted await's value is an outside value too.
      hoisted: (node) => {
        const text = outer.hoisted?.(node);
        return text === undefined ? undefined : this.read(text);
      },
    };
  }

  /**
   * `text` (lowered through {@link scope}) with every placeholder resolved,
   * and the bindings that must come before it.
   */
  resolve(text: string): { bindings: string[]; text: string } {
    const bound = boundVariables(text);
    // Count where each placeholder is written, not how often it was read: a caller may write a simple read twice.
    const counts = new Map<number, number>();
    editCode(text, (code) => {
      for (const match of code.matchAll(PLACEHOLDER)) counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
      return code;
    });
    const bindings: string[] = [];
    const resolved = this.texts.map((value, index) => {
      const written = counts.get(index) ?? 0;
      const clashes = tokensOf(value).some((token) => bound.has(token));
      if (written > 0 && (clashes || (!isSimple(value) && shorterBound(value, written, placeholderName(index))))) {
        bindings.push(`${placeholderName(index)} := ${value}`);
        return placeholderName(index);
      }
      return value;
    });
    const replaced = editCode(text, (code) => code.replace(PLACEHOLDER, (_, index: string) => resolved[Number(index)]!));
    return { bindings, text: replaced };
  }

  /** A placeholder for the entry value `text` (a literal stays as it is). */
  read(text: string): string {
    if (isSimple(text) && !text.startsWith('$')) return text;
    let index = this.texts.indexOf(text);
    if (index < 0) index = this.texts.push(text) - 1;
    return placeholderName(index);
  }
}

/** True when binding `value` once (`name := value; ` and the block's parentheses) is shorter than writing it `written` times. */
function shorterBound(value: string, written: number, name: string): boolean {
  return written * value.length > value.length + name.length + ' := ; ()'.length + written * name.length;
}

const PLACEHOLDER = /\$__in(\d+)(?!\w)/g;

function placeholderName(index: number): string {
  return `$__in${index}`;
}

/** The `$name` variables a text mentions. */
function tokensOf(text: string): string[] {
  const out: string[] = [];
  editCode(text, (code) => {
    out.push(...(code.match(/\$[A-Za-z_]\w*/g) ?? []));
    return code;
  });
  return out;
}

/** The variables a lowered text binds: `$x := …` and lambda parameters. */
function boundVariables(text: string): Set<string> {
  const out = new Set<string>();
  editCode(text, (code) => {
    for (const match of code.matchAll(/(\$[A-Za-z_]\w*) :=/g)) out.add(match[1]!);
    for (const match of code.matchAll(/function\(([^)]*)\)/g)) for (const parameter of match[1]!.split(',')) out.add(parameter.trim());
    return code;
  });
  return out;
}
