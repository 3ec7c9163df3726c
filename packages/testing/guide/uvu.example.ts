import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mock, startWorkflow, testWorkflow, type HandlersOf } from '@typestep/testing';
import * as expenses from './expenses.js';

const expense: expenses.Expense = { id: 'e-1', amount: 60, lines: [{ sku: 'taxi', cost: 20 }, { sku: 'lunch', cost: 40 }] };

// One handlers object, keyed by the module's task names and typed by them, for the native and the compiled run.
const handlers = (overrides: HandlersOf<typeof expenses> = {}): HandlersOf<typeof expenses> => ({
  checkPolicy: mock.succeed({ allowed: true, limit: 500 }),
  auditLine: ({ cost }) => ({ ok: cost < 30 }),
  fetchReport: mock.succeed({ pages: 3 }),
  notify: mock.succeed({ MessageId: 'm-1' }),
  ...overrides,
});

const test = suite('ReviewExpense');

test('a Map and a Parallel: every line is audited, finance is notified', async () => {
  // mode 'both' (the default): natively and compiled, and the two must agree.
  const run = await testWorkflow(expenses.reviewExpense, { input: expense, handlers: handlers() });
  assert.equal(run.output, { id: 'e-1', approved: true, audited: 1, pages: 3, message: 'm-1' });
  assert.equal(run.calls('auditLine').map((call) => (call.input as { sku: string }).sku), ['taxi', 'lunch', 'total']);
  assert.ok(run.path.includes('For each line of expense.lines[1] › Audit line'));
  assert.ok(run.path.includes('Run Notify finance and Audit line[branch 0] › Notify finance'));
});

test('a retry: the policy service fails twice, the third attempt answers', async () => {
  const checkPolicy = mock.failTimes(2, 'Policy.Unavailable', { allowed: true, limit: 500 });
  const run = await testWorkflow(expenses.reviewExpense, { input: expense, handlers: handlers({ checkPolicy }) });
  assert.equal(run.calls('checkPolicy').map((call) => call.attempt), [1, 2, 3]);
  assert.is(run.elapsedSeconds, 2 + 4); // the backoff, on the virtual clock
});

test('a caught error and a timeout: the report never answers, times out after 30 s, and the catch goes on', async () => {
  const run = await testWorkflow(expenses.reviewExpense, { input: expense, handlers: handlers({ fetchReport: mock.never() }) });
  assert.is(run.output?.pages, -1);
  assert.is(run.elapsedSeconds, 30);
});

test('a callback: the manager answers from the test', async () => {
  const running = startWorkflow(expenses.reviewExpense, { input: { ...expense, amount: 420 }, handlers: handlers() });
  const approval = await running.callback('askManager');
  approval.succeed({ approved: false });
  const run = await running.result;
  assert.is(run.output?.approved, false);
});

test('a failure names the state, the Map index and the TypeScript line', async () => {
  const auditLine = mock.fail('Audit.Missing', 'no receipt');
  const run = await testWorkflow(expenses.reviewExpense, { input: expense, handlers: handlers({ auditLine }) });
  assert.is(run.error, 'Audit.Missing');
  assert.match(run.failure!, /in state 'Audit line' \(For each line of expense\.lines\[0\]\)\n  at .*expenses\.ts:\d+:\d+/);
});

test.run();
