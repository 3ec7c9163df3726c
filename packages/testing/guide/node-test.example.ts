import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mock, testWorkflow } from '@typestep/testing';
import * as expenses from './expenses.js';

const handlers = {
  checkPolicy: mock.failTimes(1, 'Policy.Unavailable', { allowed: true, limit: 500 }),
  auditLine: mock.succeed({ ok: true }),
  fetchReport: mock.succeed({ pages: 3 }),
  notify: mock.succeed({ MessageId: 'm-1' }),
};

test('an expense under 100 is approved without asking, natively and compiled', async () => {
  const run = await testWorkflow(expenses.reviewExpense, { input: { id: 'e-7', amount: 40, lines: [{ sku: 'tea', cost: 4 }] }, handlers, tasks: expenses });
  assert.equal(run.status, 'SUCCEEDED');
  assert.equal(run.output?.approved, true);
  assert.equal(run.state('Check policy').attempts, 2);
});
