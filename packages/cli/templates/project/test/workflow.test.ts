// Each test runs the workflow twice, natively (the TypeScript itself) and compiled (its ASL in the
// local Step Functions runtime), and fails if the two disagree: mode 'both'.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mock, testWorkflow, type HandlersOf } from '@typestep/testing';
import { handlers } from '../src/handlers.js';
import * as orders from '../src/workflow.js';

const order: orders.Order = { id: 'o-1', email: 'ada@example.com', items: [{ sku: 'mug', qty: 2 }, { sku: 'tea', qty: 1 }] };
const withHandlers = (overrides: HandlersOf<typeof orders> = {}): HandlersOf<typeof orders> => ({ ...handlers, ...overrides });

test('an order is reserved, charged and shipped', async () => {
  const run = await testWorkflow(orders.processOrder, { input: order, handlers: withHandlers(), mode: 'both' });
  assert.deepEqual(run.output, { orderId: 'o-1', status: 'shipped', total: 20, trackingId: 'track-o-1' });
  assert.deepEqual(run.calls('chargeCard').map((call) => call.input), [{ orderId: 'o-1', amount: 20 }]);
});

test('the charge is retried while the payment service is unavailable', async () => {
  const chargeCard = mock.failTimes(2, 'Payment.Unavailable', { chargeId: 'ch-late' });
  const run = await testWorkflow(orders.processOrder, { input: order, handlers: withHandlers({ chargeCard }), mode: 'both' });
  assert.equal(run.output?.status, 'shipped');
  assert.deepEqual(run.calls('chargeCard').map((call) => call.attempt), [1, 2, 3]);
  assert.equal(run.elapsedSeconds, 2 + 4); // the backoff, on the virtual clock: no real waiting
});

test('a declined card is caught: nothing is shipped', async () => {
  const run = await testWorkflow(orders.processOrder, {
    input: order,
    handlers: withHandlers({ chargeCard: mock.fail('Payment.Declined', 'insufficient funds') }),
    mode: 'both',
  });
  assert.equal(run.output?.status, 'payment-declined');
  assert.equal(run.calls('shipOrder').length, 0);
});

test('an item out of stock fails the workflow', async () => {
  const run = await testWorkflow(orders.processOrder, { input: { ...order, items: [{ sku: 'teapot', qty: 1 }] }, handlers: withHandlers(), mode: 'both' });
  assert.equal(run.status, 'FAILED');
  assert.equal(run.error, 'Order.OutOfStock');
});
