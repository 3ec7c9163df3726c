import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const csv = ['Email, Name, Plan', 'ann@example.com,Ann,pro', 'not-an-email,Bob,free', 'CARL@Example.org,Carl,free', 'dee@example.io,Dee,pro', ''].join('\n');
const upsert = (i: any) => ({ inserted: i.rows.filter((r: any) => r.plan === 'pro').length, updated: i.rows.filter((r: any) => r.plan !== 'pro').length });

export const cases: CorpusCase[] = [
  {
    name: 'three good rows, one rejected',
    input: { bucket: 'imports', key: 'customers.csv' },
    handlers: () => ({ 'Read CSV': () => ({ Body: csv }), '${UpsertCustomersArn}': upsert }),
    expected: { output: { batches: 2, inserted: 2, updated: 1, rejectedLines: [3] } },
  },
  {
    name: 'batch size 10 and a throttled upsert',
    input: { bucket: 'imports', key: 'customers.csv', batchSize: 10 },
    handlers: () => ({ 'Read CSV': () => ({ Body: csv }), '${UpsertCustomersArn}': flaky(2, 'Throttled', upsert) }),
    expected: { output: { batches: 1, inserted: 2, updated: 1, rejectedLines: [3] } },
  },
  {
    name: 'header only',
    input: { bucket: 'imports', key: 'empty.csv' },
    handlers: () => ({ 'Read CSV': () => ({ Body: 'email,name,plan\n' }), '${UpsertCustomersArn}': upsert }),
    expected: { output: { batches: 0, inserted: 0, updated: 0, rejectedLines: [] } },
  },
  {
    name: 'missing file',
    input: { bucket: 'imports', key: 'nope.csv' },
    handlers: () => ({ 'Read CSV': () => { throw failure('S3.NoSuchKeyException', 'The specified key does not exist.'); }, '${UpsertCustomersArn}': upsert }),
    expected: { error: 'S3.NoSuchKeyException' },
  },
];
