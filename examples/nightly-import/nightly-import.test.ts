import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { job } from '@typestep/runtime';
import { mock, testWorkflow, type HandlersOf, type TestRun } from '@typestep/testing';
import * as imports from './workflow.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const lines = (...emails: string[]) => emails.map((email, i) => JSON.stringify({ id: `c-${i + 1}`, email, country: 'DE', spend: 10 * i })).join('\n');

const messageOf = (run: TestRun<unknown>) => (run.calls('publishSummary')[0]!.input as { Message: string }).Message;

const handlers = (overrides: HandlersOf<typeof imports> = {}): HandlersOf<typeof imports> => ({
  validateCustomer: ({ record }) => ({ id: record.id, valid: EMAIL.test(record.email) }),
  rebuildIndex: () => job({ seconds: 900, output: { JobRunState: 'SUCCEEDED' } }),
  publishSummary: mock.succeed({ MessageId: 'm-1' }),
  ...overrides,
});

const s = suite('example: nightly import');

s("the day's export in the local S3 folder: 500 records, 5 rejected, the index rebuilt, the owners told", async () => {
  const run = await testWorkflow(imports.nightlyImport, { input: { date: '2026-11-24' }, handlers: handlers(), s3: { root: fileURLToPath(new URL('./s3', import.meta.url)) } });
  assert.equal(run.output, { notified: true, messageId: 'm-1', index: 'SUCCEEDED' });
  assert.is(run.calls('validateCustomer').length, 500);
  assert.equal(run.calls('publishSummary')[0]!.input, {
    TopicArn: '${DataOwnersTopicArn}',
    Subject: 'Customer import 2026-11-24',
    Message: '495 accepted, 5 rejected; search index: SUCCEEDED',
  });
  assert.is(run.elapsedSeconds, 900); // the Glue job, on the virtual clock
});

s('each record is validated with the date; rejected ids reach the summary', async () => {
  const objects = { 'imports/records/2026-12-01.jsonl': lines('a@x.io', 'broken', 'c@x.io') };
  const run = await testWorkflow(imports.nightlyImport, { input: { date: '2026-12-01' }, handlers: handlers(), s3: { objects } });
  assert.equal(run.calls('validateCustomer').map((call) => call.input as { record: imports.CustomerRecord; date: string }).map(({ record, date }) => [record.id, date]), [['c-1', '2026-12-01'], ['c-2', '2026-12-01'], ['c-3', '2026-12-01']]);
  assert.is(messageOf(run), '2 accepted, 1 rejected; search index: SUCCEEDED');
  assert.ok(run.path.includes('Notify owners'), run.path.join('\n'));
});

s('a failed Glue job is caught: the summary says so', async () => {
  const objects = { 'imports/records/2026-12-01.jsonl': lines('a@x.io') };
  const rebuildIndex = mock.fail('Glue.AWSGlueException', 'Job run failed: out of memory');
  const run = await testWorkflow(imports.nightlyImport, { input: { date: '2026-12-01' }, handlers: handlers({ rebuildIndex }), s3: { objects } });
  assert.equal(run.output, { notified: true, messageId: 'm-1', index: 'FAILED: Glue.AWSGlueException' });
});

s('one record in 30 failing is tolerated; three in 30 fail the import', async () => {
  const objects = { 'imports/records/2026-12-01.jsonl': lines(...Array.from({ length: 30 }, (_, i) => `u${i}@x.io`)) };
  const failing = (ids: string[]) => ({ validateCustomer: ({ record }: { record: imports.CustomerRecord }) => {
    if (ids.includes(record.id)) throw Object.assign(new Error(`record ${record.id} is unreadable`), { name: 'Record.Unreadable' });
    return { id: record.id, valid: true };
  } });
  const one = await testWorkflow(imports.nightlyImport, { input: { date: '2026-12-01' }, handlers: handlers(failing(['c-7'])), s3: { objects } });
  assert.is(messageOf(one), '29 accepted, 0 rejected; search index: SUCCEEDED');
  const three = await testWorkflow(imports.nightlyImport, { input: { date: '2026-12-01' }, handlers: handlers(failing(['c-3', 'c-7', 'c-9'])), s3: { objects } });
  assert.equal([three.status, three.error], ['FAILED', 'States.ExceedToleratedFailureThreshold']);
  assert.is(three.calls('rebuildIndex').length, 0);
});

s('no export for the day: the ItemReader fails the execution', async () => {
  const objects = { 'imports/records/2026-12-01.jsonl': lines('a@x.io') };
  const run = await testWorkflow(imports.nightlyImport, { input: { date: '2026-12-02' }, handlers: handlers(), s3: { objects } });
  assert.equal([run.status, run.error], ['FAILED', 'States.ItemReaderFailed']);
  assert.match(run.cause!, 'records/2026-12-02.jsonl');
  assert.is(run.calls('validateCustomer').length, 0);
});

s.run();
