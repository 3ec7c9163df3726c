import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

// The hand-written order-fulfilment definition runs through the CLI (`npm run example:asl`).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = suite('examples/hand-written-asl');

example('runs to the expected output with its local handlers', () => {
  const out = spawnSync(
    process.execPath,
    [
      'packages/cli/bin/typestep.js',
      'run',
      'examples/hand-written-asl/order-fulfilment.asl.json',
      '--input-file',
      'examples/hand-written-asl/input.json',
      '--handlers',
      'examples/hand-written-asl/handlers.mjs',
      '--json',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  assert.is(out.status, 0, out.stderr);
  const result = JSON.parse(out.stdout);
  assert.is(result.status, 'SUCCEEDED');
  assert.is(result.output.total, 1054);
  assert.is(result.output.reviewed, true);
  assert.equal(result.output.parcels.map((p: { parcel: string }) => p.parcel), ['1-KB-01', '2-MS-07', '3-HD-30']);
  assert.equal(result.output.charge, { chargeId: 'ch_ord-1042', amount: 1054 });
});

example.run();

const nightly = suite('examples/nightly-import');

const runNightly = (...args: string[]) => {
  const out = spawnSync(process.execPath, ['examples/nightly-import/run.mjs', ...args], { cwd: root, encoding: 'utf8' });
  const json = out.stdout.slice(0, out.stdout.lastIndexOf('}') + 1);
  return { status: out.status, result: JSON.parse(json.slice(0, json.indexOf('\n}') + 2)), stdout: out.stdout, stderr: out.stderr };
};

nightly('validates the JSONL export record by record, runs the Glue job and notifies through the child workflow', () => {
  const { status, result, stdout, stderr } = runNightly();
  assert.is(status, 0, stderr);
  assert.equal(result, { status: 'SUCCEEDED', output: { notified: true, messageId: 'local-message-1', index: 'SUCCEEDED' } });
  assert.match(stderr, 'to the data owners: 495 accepted, 5 rejected; search index: SUCCEEDED');
  assert.match(stdout, '900 s of workflow time');
});

nightly('mock test case: a failing Glue job is caught', () => {
  const mocks = ['--mock-config', 'examples/nightly-import/mock-config.json', '--test-case'];
  assert.equal(runNightly(...mocks, 'GlueJobFails').result.output.index, 'FAILED: Glue.AWSGlueException');
});

nightly.run();

// The README's main command, checked: compile examples/typed-orders/workflow.ts, then run the ASL
// with the generated schema and the example's handlers.
const typed = suite('examples/typed-orders through the CLI (npm run example)');

typed('compiles the workflow and runs the ASL it wrote', () => {
  const out = spawnSync('npm', ['run', '--silent', 'example'], { cwd: root, encoding: 'utf8' });
  assert.is(out.status, 0, out.stderr);
  assert.match(out.stdout, /^SUCCEEDED/);
  assert.match(out.stdout, /"status": "confirmed"/);
  assert.match(out.stdout, /"total": 18/);
  assert.match(out.stderr, /receipt for ada@example\.com: 18/);
});

typed.run();

const expenses = suite('examples/expense-approval');
const runExpense = (...args: string[]) =>
  spawnSync(process.execPath, ['examples/expense-approval/run.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });

expenses('an approved claim is paid by the activity worker', () => {
  const out = runExpense('approve', '1200');
  assert.is(out.status, 0, out.stderr);
  assert.match(out.stdout, /"paymentId": "pay-sam-1200"/);
  assert.match(out.stdout, /"approvedBy": "maria"/);
});

expenses('a rejection is caught', () => {
  const out = runExpense('reject');
  assert.is(out.status, 0, out.stderr);
  assert.match(out.stdout, /"reason": "Receipts missing"/);
});

expenses('a manager who never answers: the virtual clock reaches the heartbeat deadline', () => {
  const out = runExpense('ignore');
  assert.is(out.status, 1, out.stderr);
  assert.match(out.stdout, /"error": "Expense.ApprovalTimedOut"/);
  assert.match(out.stdout, /86400 s of workflow time/);
});

expenses('a small claim skips the approval', () => {
  const out = runExpense('approve', '100');
  assert.is(out.status, 0, out.stderr);
  assert.match(out.stdout, /"approvedBy": "policy"/);
});

expenses.run();
