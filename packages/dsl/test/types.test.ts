import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const Types = suite('type-level usage');

Types('test/types/usage.ts type-checks, and its @ts-expect-error lines are errors', () => {
  const tsc = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));
  const project = fileURLToPath(new URL('./types/tsconfig.json', import.meta.url));
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', project], { encoding: 'utf8' });
  assert.is(result.status, 0, result.stdout + result.stderr);
});

Types.run();
