/**
 * The candidate closest to `word` by edit distance, when it is close enough
 * to be a typo: one edit for a word of up to 4 letters, two for a longer one
 * (a swap of neighbours counts as one).
 *
 * @example
 * closestName('inptu-file', ['input', 'input-file', 'json']) // 'input-file'
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= (word.length <= 4 ? 1 : 2) ? best : undefined;
}

/**
 * yargs's "Unknown arguments: inptu-file, inptuFile" for a command whose
 * options are `known`, reworded with a suggestion per flag:
 * `unknown option --inptu-file (did you mean --input-file?)`. yargs lists
 * each unknown flag twice (kebab and camel case); the camel one is dropped.
 * A name that `argv` does not hold as a flag is a surplus positional.
 */
export function describeUnknownArguments(names: readonly string[], known: readonly string[], argv: readonly string[]): string {
  const kebab = new Set(names.filter((name) => name.includes('-')).map(camelCase));
  // yargs names `--no-x` as `x`.
  const flags = new Set(argv.filter((arg) => arg.startsWith('-')).map((arg) => arg.replace(/^-+/, '').replace(/=.*$/s, '').replace(/^no-/, '')));
  const lines = names
    .filter((name) => !kebab.has(name))
    .map((name) => {
      if (!flags.has(name)) return `unexpected argument '${name}'`;
      const suggestion = closestName(name, known);
      return `unknown option ${name.length === 1 ? '-' : '--'}${name}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`;
    });
  return lines.join('\n');
}

function camelCase(name: string): string {
  return name.replace(/-+([^-])/g, (_, letter: string) => letter.toUpperCase());
}

/** Edit distance: insertions, deletions, substitutions and swaps of neighbours, one each (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
