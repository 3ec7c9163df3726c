// Measures a corpus of workflows laid out as packages/compiler/test/corpus is (<dir>/<name>/workflow.ts
// + cases.ts): which compile and give their native run's result, and what stops the others.
//   node scripts/corpus-report.mjs [--dir <corpus dir>] [--json]
// Prints one line per workflow, then the tally line of corpus.test.ts. Needs the packages built (npx tsc -b).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { values } = parseArgs({ options: { dir: { type: 'string' }, json: { type: 'boolean' } } });
const root = new URL('..', import.meta.url).pathname;
const dir = resolve(values.dir ?? `${root}/packages/compiler/test/corpus`);
const { measureCorpus, tallyLines } = await import('../packages/compiler/test/corpus-measure.ts');

const results = await measureCorpus(dir);
if (values.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const result of results) {
    console.log(result.blocked ? `✗ ${result.name}: ${result.blocked.reason}` : `✓ ${result.name} (${result.cases} cases)`);
    for (const problem of result.nativeProblems) console.log(`    native run differs from cases.ts: ${problem}`);
  }
  for (const line of tallyLines(results, 0)) console.log(line.replace(' (0 known failing)', ''));
}
