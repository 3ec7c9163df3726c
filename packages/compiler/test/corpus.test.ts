// The realistic-workflow corpus (test/corpus/<name>/): every case's native run must give what the case
// expects; every workflow should compile and give the native run's result. Those that do not yet are
// listed in corpus/known-failing.json (skipped); a listed one that passes fails until it is removed.
// UPDATE_CORPUS=1 rewrites the list from the current results.
import { readFileSync, writeFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { measureCorpus, tallyLines } from './corpus-measure.js';

const root = new URL('./corpus/', import.meta.url).pathname;
const knownFile = new URL('./corpus/known-failing.json', import.meta.url).pathname;
const update = process.env.UPDATE_CORPUS === '1';

const results = await measureCorpus(root);
if (update) {
  const list = Object.fromEntries(results.filter((r) => r.blocked).map((r) => [r.name, r.blocked!.reason]));
  writeFileSync(knownFile, `${JSON.stringify(list, null, 2)}\n`);
}
const known = JSON.parse(readFileSync(knownFile, 'utf8')) as Record<string, string>;
for (const line of tallyLines(results, results.filter((r) => r.blocked && r.name in known).length)) console.log(line);

const s = suite('corpus');

s('has at least 45 workflows, each with at least 2 cases', () => {
  assert.ok(results.length >= 45, `${results.length} workflows`);
  for (const result of results) assert.ok(result.cases >= 2, `${result.name}: ${result.cases} cases`);
});

s('known-failing.json lists only corpus workflows', () => {
  const names = new Set(results.map((r) => r.name));
  assert.equal(Object.keys(known).filter((name) => !names.has(name)), [], 'remove these from known-failing.json');
});

for (const result of results) {
  s(`${result.name}: native runs give the expected outcomes`, () => {
    assert.equal(result.nativeProblems, [], result.nativeProblems.join('\n'));
  });

  const listed = result.name in known;
  if (listed && result.blocked) {
    s.skip(`${result.name}: compiles and matches the native run (known failing: ${result.blocked.reason})`, () => {});
    continue;
  }
  s(`${result.name}: compiles and matches the native run`, () => {
    if (listed) assert.unreachable(`${result.name} now compiles and matches its native run: remove ${result.name} from known-failing.json`);
    if (result.blocked) assert.unreachable(`${result.name}: ${result.blocked.reason}`);
  });
}

s.run();
