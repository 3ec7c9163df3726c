import { expect, test } from 'vitest';
import { mock, testWorkflow } from '@typestep/testing';
import * as expenses from './expenses.js';

test('an expense over the policy limit is rejected, natively and compiled', async () => {
  const run = await testWorkflow(expenses.reviewExpense, {
    input: { id: 'e-9', amount: 900, lines: [] },
    handlers: { checkPolicy: mock.succeed({ allowed: false, limit: 500 }) },
    tasks: expenses,
  });
  expect(run.status).toBe('FAILED');
  expect([run.error, run.cause]).toEqual(['Expense.Rejected', 'over the limit of 500']);
  expect(run.path).toEqual(['Check policy', 'If !policy.allowed', 'Throw Expense.Rejected']);
}, 60_000); // the first test of a file compiles the workflow: more than the default 5 s on a slow machine
