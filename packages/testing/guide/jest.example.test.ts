import { expect, test } from '@jest/globals';
import { mock, startWorkflow } from '@typestep/testing';
import * as expenses from './expenses.js';

test('a manager who says no: the callback is answered from the test, natively and compiled', async () => {
  const running = startWorkflow(expenses.reviewExpense, {
    input: { id: 'e-5', amount: 250, lines: [{ sku: 'hotel', cost: 250 }] },
    handlers: { checkPolicy: mock.succeed({ allowed: true, limit: 500 }), auditLine: mock.succeed({ ok: true }), fetchReport: mock.succeed({ pages: 1 }), notify: mock.succeed({ MessageId: 'm-5' }) },
    tasks: expenses,
  });
  const approval = await running.callback('askManager');
  expect(approval.request).toMatchObject({ MessageBody: { id: 'e-5', amount: 250 } });
  approval.succeed({ approved: false });
  const run = await running.result;
  expect(run.output).toEqual({ id: 'e-5', approved: false, audited: 1, pages: 1, message: 'm-5' });
}, 60_000); // the first test of a file compiles the workflow: more than the default 5 s on a slow machine
