import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mock, startWorkflow, testWorkflow, type HandlersOf } from '../src/index.js';
import { job } from '@typestep/runtime';
import * as expenses from '../guide/expenses.js';
import * as payouts from './workflows/payout.js';

const expense: expenses.Expense = { id: 'e-1', amount: 60, lines: [{ sku: 'taxi', cost: 20 }, { sku: 'lunch', cost: 40 }] };

/** Fresh handlers for every run: one object, keyed by the module's task names, for both modes. */
function handlers(overrides: HandlersOf<typeof expenses> = {}): HandlersOf<typeof expenses> {
  return {
    checkPolicy: mock.succeed({ allowed: true, limit: 500 }),
    auditLine: ({ cost }) => ({ ok: cost < 30 }),
    fetchReport: mock.succeed({ pages: 3 }),
    notify: mock.succeed({ MessageId: 'm-1' }),
    ...overrides,
  };
}

const s = suite('testWorkflow');

s('runs natively and compiled with one handlers object, and reports the path, states and calls', async () => {
  const run = await testWorkflow(expenses.reviewExpense, { input: expense, handlers: handlers(), tasks: expenses });
  assert.is(run.status, 'SUCCEEDED');
  assert.equal(run.output, { id: 'e-1', approved: true, audited: 1, pages: 3, message: 'm-1' });
  assert.equal(run.native, { status: 'SUCCEEDED', output: run.output });
  assert.ok(run.path.some((entry) => entry.endsWith('[branch 0] › Notify finance')), run.path.join(', '));
  const mapEntries = run.path.filter((entry) => / › /.test(entry));
  assert.ok(mapEntries.some((entry) => /\[0\] › /.test(entry)) && mapEntries.some((entry) => /\[1\] › /.test(entry)), mapEntries.join(', '));
  assert.ok(mapEntries.some((entry) => /\[branch 1\] › /.test(entry)), mapEntries.join(', '));
  assert.equal(run.calls('auditLine').map((call) => call.input), [{ sku: 'taxi', cost: 20 }, { sku: 'lunch', cost: 40 }, { sku: 'total', cost: 60 }]);
  assert.equal(run.calls('auditLine').slice(0, 2).map((call) => call.mapIndex), [0, 1]);
  assert.equal(run.state('Notify finance').input !== undefined, true);
  assert.is(run.transitions, run.path.length);
  assert.is(run.elapsedSeconds, 0);
});

s('a retry: the first two attempts fail, the third answers; attempts and virtual time show it', async () => {
  const run = await testWorkflow(expenses.reviewExpense, {
    input: expense,
    handlers: handlers({ checkPolicy: mock.failTimes(2, 'Policy.Unavailable', { allowed: true, limit: 500 }) }),
  });
  assert.is(run.status, 'SUCCEEDED');
  assert.equal(run.calls('checkPolicy').map((call) => call.attempt), [1, 2, 3]);
  const policyState = run.calls('checkPolicy')[0]!.state;
  assert.is(run.state(policyState).attempts, 3);
  assert.is(run.elapsedSeconds, 2 + 4);
});

s('a caught error and a timeout: the report that never answers times out after 30 s and the catch goes on', async () => {
  const run = await testWorkflow(expenses.reviewExpense, { input: expense, handlers: handlers({ fetchReport: mock.never() }) });
  assert.is(run.status, 'SUCCEEDED');
  assert.is((run.output as { pages: number }).pages, -1);
  assert.is(run.elapsedSeconds, 30);
});

s('a callback answered from the test, in both runs at once', async () => {
  const running = startWorkflow(expenses.reviewExpense, { input: { ...expense, amount: 420 }, handlers: handlers() });
  const approval = await running.callback('askManager');
  assert.equal((approval.request as { MessageBody: { id: string; amount: number } }).MessageBody.amount, 420);
  approval.succeed({ approved: false });
  const run = await running.result;
  assert.is(run.status, 'SUCCEEDED');
  assert.is((run.output as { approved: boolean }).approved, false);
  assert.is(run.state('Ask manager').output !== undefined, true);
});

s('a failure names the state, the TypeScript line and keeps the mock\'s stack', async () => {
  const run = await testWorkflow(expenses.reviewExpense, {
    input: expense,
    handlers: handlers({ auditLine: ({ sku }) => { if (sku === 'lunch') throw Object.assign(new Error('no receipt'), { name: 'Audit.Missing' }); return { ok: true }; } }),
  });
  assert.is(run.status, 'FAILED');
  assert.is(run.error, 'Audit.Missing');
  const failure = run.failure!;
  assert.match(failure, /ReviewExpense FAILED: Audit\.Missing/);
  assert.match(failure, /\[1\]\)/);
  assert.match(failure, /expenses\.ts:\d+:\d+/);
  assert.match(failure, /the mock of auditLine threw:\n\s+Audit\.Missing: no receipt\n\s+at /);
  assert.throws(() => run.assertSucceeded(), /Audit\.Missing/);
});

s('a workflow error thrown in TypeScript fails both runs alike', async () => {
  const run = await testWorkflow(expenses.reviewExpense, { input: expense, handlers: handlers({ checkPolicy: mock.succeed({ allowed: false, limit: 50 }) }) });
  assert.equal([run.status, run.error, run.cause], ['FAILED', 'Expense.Rejected', 'over the limit of 50']);
  assert.equal(run.native, { status: 'FAILED', error: 'Expense.Rejected', cause: 'over the limit of 50' });
});

s('mode both fails when the native and the compiled run disagree', async () => {
  // The state name is '' natively for an unnamed task, so a mock that answers with it makes the runs differ.
  const sneaky = handlers({ fetchReport: (_request, context) => ({ pages: context.stateName.length }) });
  try {
    await testWorkflow(expenses.reviewExpense, { input: expense, handlers: sneaky });
    assert.unreachable('the runs disagree');
  } catch (error) {
    assert.match(String(error), /ends differently natively and compiled/);
  }
});

s('mode native runs the TypeScript only: it has calls, and no states to ask about', async () => {
  const run = await testWorkflow(expenses.reviewExpense, { input: expense, handlers: handlers(), mode: 'native' });
  assert.is(run.status, 'SUCCEEDED');
  assert.is(run.calls('auditLine').length, 3);
  assert.throws(() => run.path, /needs the compiled run/);
});

s('a hand-written ASL definition runs in mode compiled', async () => {
  const definition = {
    StartAt: 'Add',
    States: { Add: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:add', End: true } },
  };
  const run = await testWorkflow({ definition, name: 'Adder' }, { input: { a: 1, b: 2 }, handlers: { Add: mock.succeed((request: { a: number; b: number }) => request.a + request.b) } });
  assert.equal([run.status, run.output, run.path], ['SUCCEEDED', 3, ['Add']]);
  assert.throws(() => startWorkflow({ definition }, { input: {}, mode: 'both' }), /mode 'compiled' only/);
});

s('an activity with a handler is answered as a worker would; a nested workflow\'s task finds its handler natively too', async () => {
  const run = await testWorkflow(payouts.payout, {
    input: { id: 'p-1', amount: 40 },
    handlers: {
      lookUp: mock.succeed({ name: 'Ada' }),
      approve: ({ amount }) => ({ approved: amount < 100 }),
      // A .sync job's mock may return the runtime's job(): it takes virtual time.
      settle: () => job({ seconds: 120, output: { JobRunState: 'SUCCEEDED' } }),
      announce: mock.succeed({ MessageId: 'm-9' }),
    } satisfies HandlersOf<typeof payouts>,
  });
  assert.equal(run.output, { paid: true, name: 'Ada', message: 'm-9' });
  assert.equal(run.calls('approve').map((call) => call.input), [{ amount: 40 }]);
  assert.equal(run.calls('announce').map((call) => call.input), [{ TopicArn: '${PayoutsTopicArn}', Message: 'Ada: 40' }]);
  assert.is(run.elapsedSeconds, 120);
});

s('a failing activity handler fails the activity with its error', async () => {
  const run = await testWorkflow(payouts.payout, { input: { id: 'p-1', amount: 40 }, handlers: { lookUp: mock.succeed({ name: 'Ada' }), approve: mock.fail('Approvals.Closed', 'after hours') } });
  assert.equal([run.status, run.error, run.cause], ['FAILED', 'Approvals.Closed', 'after hours']);
});

s('state().failed is true for a state whose error was caught, false for one whose retry succeeded', async () => {
  const timedOut = await testWorkflow(payouts.payout, { input: { id: 'p-1', amount: 400 }, handlers: { lookUp: mock.never(), approve: mock.succeed({ approved: false }) } });
  assert.equal(timedOut.output, { paid: false, name: 'unknown' });
  assert.is(timedOut.state('Look up').failed, true);
  const retried = await testWorkflow(expenses.reviewExpense, { input: expense, handlers: handlers({ checkPolicy: mock.failTimes(1, 'Policy.Unavailable', { allowed: true, limit: 500 }) }) });
  assert.is(retried.state('Check policy').failed, false);
});

s.run();
