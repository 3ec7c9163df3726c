import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DynamoUpdateItemInput } from '@typestep/dsl';
import { mock, testWorkflow, type HandlersOf, type TestRun } from '@typestep/testing';
import * as prices from './workflow.js';

const folder = { root: fileURLToPath(new URL('./s3', import.meta.url)) };
const csv = (...rows: string[]) => ({ 'price-lists/2027-01.csv': ['sku,price,currency', ...rows].join('\n') });
const january: prices.PriceRun = { month: '2027-01', table: 'Products' };

const updates = (run: TestRun<unknown>) => run.calls('setPrice').map((call) => call.input as DynamoUpdateItemInput);
const skuOf = (request: DynamoUpdateItemInput) => (request.Key.sku as { S: string }).S;

const handlers = (overrides: HandlersOf<typeof prices> = {}): HandlersOf<typeof prices> => ({
  setPrice: mock.succeed({}),
  notifyPricing: mock.succeed({ MessageId: 'm-1' }),
  ...overrides,
});

const s = suite('example: price update (Distributed Map over a CSV in S3)');

s("December's list in the local S3 folder: nine prices set, the negative one rejected", async () => {
  const run = await testWorkflow(prices.updatePrices, { input: { month: '2026-12', table: 'Products' }, handlers: handlers(), s3: folder });
  assert.equal(run.output, { updated: 9, failed: 1 });
  assert.is(run.calls('setPrice').length, 9);
  assert.not.ok(updates(run).some((request) => skuOf(request) === 'DK-05'));
  assert.equal(run.calls('notifyPricing')[0]!.input, { TopicArn: '${PricingTopicArn}', Message: 'Price list 2026-12: 9 updated, 1 rejected' });
});

s('each row becomes one DynamoDB update, in cents', async () => {
  const run = await testWorkflow(prices.updatePrices, { input: january, handlers: handlers(), s3: { objects: csv('KB-01,49.50,EUR', 'MS-07,25,USD') } });
  assert.equal(run.output, { updated: 2, failed: 0 });
  const requests = updates(run).sort((a, b) => skuOf(a).localeCompare(skuOf(b)));
  assert.equal(requests[0], {
    TableName: 'Products',
    Key: { sku: { S: 'KB-01' } },
    UpdateExpression: 'SET priceCents = :cents, currency = :currency',
    ExpressionAttributeValues: { ':cents': { N: '4950' }, ':currency': { S: 'EUR' } },
  });
  assert.equal(requests[1]!.ExpressionAttributeValues, { ':cents': { N: '2500' }, ':currency': { S: 'USD' } });
});

s('a throttled table is retried inside the iteration', async () => {
  const setPrice = mock.failTimes(1, 'DynamoDB.ProvisionedThroughputExceededException', {});
  const run = await testWorkflow(prices.updatePrices, { input: january, handlers: handlers({ setPrice }), s3: { objects: csv('KB-01,49.50,EUR') } });
  assert.equal(run.output, { updated: 1, failed: 0 });
  assert.equal(run.calls('setPrice').map((call) => call.attempt), [1, 2]);
});

s('more than 10 % bad rows: the job fails before anyone is told', async () => {
  const run = await testWorkflow(prices.updatePrices, { input: january, handlers: handlers(), s3: { objects: csv('KB-01,49.50,EUR', 'MS-07,free,EUR', 'HD-30,0,EUR') } });
  assert.equal([run.status, run.error], ['FAILED', 'States.ExceedToleratedFailureThreshold']);
  assert.is(run.calls('notifyPricing').length, 0);
});

s("no price list for the month: the ItemReader fails", async () => {
  const run = await testWorkflow(prices.updatePrices, { input: { ...january, month: '2027-02' }, handlers: handlers(), s3: { objects: csv('KB-01,49.50,EUR') } });
  assert.equal([run.status, run.error], ['FAILED', 'States.ItemReaderFailed']);
});

s.run();
