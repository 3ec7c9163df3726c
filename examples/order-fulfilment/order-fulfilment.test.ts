import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mock, testWorkflow, type HandlersOf } from '@typestep/testing';
import * as orders from './workflow.js';

const order: orders.Order = {
  orderId: 'ord-7',
  customer: { email: 'ada@example.com' },
  lines: [
    { sku: 'KB-01', quantity: 2, unitPrice: 49.5 },
    { sku: 'MS-07', quantity: 1, unitPrice: 25 },
  ],
};

const handlers = (overrides: HandlersOf<typeof orders> = {}): HandlersOf<typeof orders> => ({
  validateOrder: mock.succeed({ valid: true }),
  reserveStock: mock.succeed({}),
  chargeCard: ({ orderId, amount }) => ({ chargeId: `ch_${orderId}`, amount }),
  packLine: ({ sku, quantity, position }) => ({ parcel: `${position}-${sku}`, items: quantity }),
  notifyCustomer: mock.succeed({ MessageId: 'm-1' }),
  ...overrides,
});

const s = suite('example: order fulfilment');

s('a small order is reserved, charged, packed line by line and announced', async () => {
  const run = await testWorkflow(orders.fulfilOrder, { input: order, handlers: handlers() });
  assert.equal(run.output, { orderId: 'ord-7', total: 124, reviewed: false, parcels: ['1-KB-01', '2-MS-07'], chargeId: 'ch_ord-7' });
  assert.equal(run.calls('chargeCard').map((call) => call.input), [{ orderId: 'ord-7', amount: 124 }]);
  assert.equal(run.calls('reserveStock')[0]!.input, {
    TableName: 'Inventory',
    Key: { orderId: { S: 'ord-7' } },
    UpdateExpression: 'SET reserved = :skus',
    ExpressionAttributeValues: { ':skus': { SS: ['KB-01', 'MS-07'] } },
  });
  assert.equal(run.calls('notifyCustomer')[0]!.input, { TopicArn: '${OrdersTopicArn}', Message: 'Order ord-7 ships in 2 parcel(s)' });
  assert.is(run.elapsedSeconds, 0);
  assert.not.ok(run.path.includes('Sleep ONE_DAYs'));
  assert.ok(run.path.includes('Run Reserve stock and Charge card[branch 1] › Charge card'));
});

s('a large order waits a day for review first', async () => {
  const large = { ...order, lines: [...order.lines, { sku: 'HD-30', quantity: 3, unitPrice: 310 }] };
  const run = await testWorkflow(orders.fulfilOrder, { input: large, handlers: handlers() });
  assert.is(run.output?.total, 1054);
  assert.is(run.output?.reviewed, true);
  assert.is(run.elapsedSeconds, 86400);
  assert.equal(run.path.slice(0, 3), ['Validate order', 'If reviewed', 'Sleep ONE_DAYs']);
  assert.equal(run.calls('packLine').map((call) => (call.input as { position: number }).position), [1, 2, 3]);
});

s('a throttled payment provider is retried after 5 s', async () => {
  const chargeCard = mock.failTimes(1, 'Payment.Throttled', { chargeId: 'ch-2', amount: 124 });
  const run = await testWorkflow(orders.fulfilOrder, { input: order, handlers: handlers({ chargeCard }) });
  assert.is(run.output?.chargeId, 'ch-2');
  assert.equal(run.calls('chargeCard').map((call) => call.attempt), [1, 2]);
  assert.is(run.elapsedSeconds, 5);
});

s('a declined card rejects the order, without a retry, and nothing is packed', async () => {
  const run = await testWorkflow(orders.fulfilOrder, { input: order, handlers: handlers({ chargeCard: mock.fail('Payment.Declined', 'card limit exceeded') }) });
  assert.is(run.status, 'FAILED');
  assert.equal([run.error, run.cause], ['OrderRejected', 'Payment for order ord-7 was declined']);
  assert.is(run.calls('chargeCard').length, 1);
  assert.is(run.calls('packLine').length, 0);
  assert.is(run.calls('notifyCustomer').length, 0);
});

s('an invalid order fails in validation', async () => {
  const run = await testWorkflow(orders.fulfilOrder, { input: { ...order, lines: [] }, handlers: handlers({ validateOrder: mock.fail('Order.Empty', 'an order needs at least one line') }) });
  assert.is(run.error, 'Order.Empty');
  assert.equal(run.path, ['Validate order']);
});

s.run();
