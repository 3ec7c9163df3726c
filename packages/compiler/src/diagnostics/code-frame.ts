/**
 * A code frame: the lines around a span with a caret line under it, as
 * compilers print them.
 *
 * @example
 * codeFrame('let a = 1;\nlet b = a ** 2;\n', 2, 9, 2, 15)
 * //   1 | let a = 1;
 * // > 2 | let b = a ** 2;
 * //     |         ^^^^^^
 */
export function codeFrame(text: string, line: number, column: number, endLine: number, endColumn: number, context = 2): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, endLine + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const source = lines[n - 1] ?? '';
    out.push(`${n >= line && n <= endLine ? '>' : ' '} ${String(n).padStart(width)} | ${source}`);
    if (n < line || n > endLine) continue;
    const from = n === line ? column : 1;
    const to = n === endLine ? endColumn : source.length + 1;
    out.push(`  ${' '.repeat(width)} | ${' '.repeat(from - 1)}${'^'.repeat(Math.max(1, to - from))}`);
  }
  return out.join('\n');
}
