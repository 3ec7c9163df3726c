import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const s = suite('fuzz (issue 16): no hang, no rejection, no unclear failure, no stack');

// In a process of its own: a handler that never answers times out when the process is idle,
// which a test process shared with other suites (their sockets, their timers) may never be.
s('generated definitions, inputs, handler behaviours, channel requests and CLI arguments', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fuzz.mjs', '--runtime', '300', '--channel', '100', '--cli', '8'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
  });
  assert.is(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, 'fuzz seed 16: 408 cases');
  assert.match(run.stdout, 'hangs 0, rejections 0, unclear failures 0, raw stacks 0, bad channel answers 0');
});

s.run();
