// Runs every uvu test file under packages/*/test and examples/*/ in one process (loaded through tsx).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from 'uvu/run';

const root = new URL('..', import.meta.url).pathname;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && name !== 'node_modules') walk(path);
    } else if (name.endsWith('.test.ts')) files.push(path);
  }
};
for (const pkg of readdirSync(join(root, 'packages')).sort()) {
  const dir = join(root, 'packages', pkg, 'test');
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) walk(dir);
}
// Each example's own test: examples/<name>/<name>.test.ts (and any other *.test.ts beside its workflow).
for (const name of readdirSync(join(root, 'examples')).sort()) {
  const dir = join(root, 'examples', name);
  if (!statSync(dir).isDirectory()) continue;
  for (const file of readdirSync(dir).sort()) if (file.endsWith('.test.ts')) files.push(join(dir, file));
}
const filter = process.argv[2];
const suites = files.filter((f) => !filter || f.includes(filter)).map((file) => ({ name: relative(root, file), file }));
await run(suites, { bail: false });
