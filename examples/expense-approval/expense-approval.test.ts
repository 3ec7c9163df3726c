import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mock, startWorkflow, testWorkflow, type HandlersOf } from '@typestep/testing';
import * as expenses from './workflow.js';

// The payments worker: testWorkflow answers an activity with its handler, as a worker polling GetActivityTask would.
const handlers: HandlersOf<typeof expenses> = {
  pay: ({ employee, amount }) => ({ paymentId: `pay-${employee}-${amount}` }),
};

const s = suite('example: expense approval');

s('a small claim is paid by policy, without asking anyone', async () => {
  const run = await testWorkflow(expenses.approveExpense, { input: { employee: 'sam', amount: 100 }, handlers });
  assert.equal(run.output, { status: 'paid', paymentId: 'pay-sam-100', approvedBy: 'policy' });
  assert.equal(run.calls('pay').map((call) => call.input), [{ employee: 'sam', amount: 100 }]);
  assert.not.ok(run.path.includes('Ask the manager'));
});

s('a large claim waits for the manager, who approves; then it is paid', async () => {
  const running = startWorkflow(expenses.approveExpense, { input: { employee: 'sam', amount: 1200 }, handlers });
  const approval = await running.callback('askManager');
  assert.equal(approval.request, { QueueUrl: '${ApprovalQueueUrl}', MessageBody: { taskToken: (approval.request as { MessageBody: { taskToken: string } }).MessageBody.taskToken, claim: { employee: 'sam', amount: 1200 } } });
  approval.succeed({ approver: 'maria' });
  const run = await running.result;
  assert.equal(run.output, { status: 'paid', paymentId: 'pay-sam-1200', approvedBy: 'maria' });
  assert.ok(run.path.indexOf('Ask the manager') < run.path.indexOf('Pay'));
});

s('a rejection is caught and reported, nothing is paid', async () => {
  const running = startWorkflow(expenses.approveExpense, { input: { employee: 'sam', amount: 1200 }, handlers });
  (await running.callback('askManager')).fail('Rejected', 'Receipts missing');
  const run = await running.result;
  assert.equal(run.output, { status: 'rejected', reason: 'Receipts missing' });
  assert.is(run.calls('pay').length, 0);
});

s('a manager who never answers: the missed heartbeat (one day) ends the claim', async () => {
  const run = await testWorkflow(expenses.approveExpense, { input: { employee: 'sam', amount: 1200 }, handlers });
  assert.is(run.status, 'FAILED');
  assert.equal([run.error, run.cause], ['Expense.ApprovalTimedOut', 'No manager answered in time for sam']);
  assert.is(run.elapsedSeconds, 86400);
});

s('a payments worker that fails: the execution fails with its error', async () => {
  const run = await testWorkflow(expenses.approveExpense, { input: { employee: 'sam', amount: 80 }, handlers: { pay: mock.fail('Payments.AccountClosed', 'account of sam is closed') } });
  assert.equal([run.status, run.error, run.cause], ['FAILED', 'Payments.AccountClosed', 'account of sam is closed']);
});

s.run();
