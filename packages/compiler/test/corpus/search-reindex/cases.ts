import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const docs = [100, 0, 250];
const handlers = (errors: number[], overrides: Record<string, unknown> = {}) => () => ({
  '${ExportShardArn}': (i: any) => ({ docs: docs[i.shard] ?? 10, cursor: `c-${i.shard}${i.since ? '-' + i.since : ''}` }),
  '${BulkIndexArn}': (i: any) => { const shard = Number(i.cursor.split('-')[1]); return { indexed: (docs[shard] ?? 10) - (errors[shard] ?? 0), errors: errors[shard] ?? 0 }; },
  '${SwapAliasArn}': () => ({ previous: 'products-v1' }),
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'three shards swap the alias', input: { alias: 'products', shards: 3 }, handlers: handlers([]), expected: { output: { alias: 'products', swapped: true, indexed: 350, errors: 0, previous: 'products-v1' } } },
  { name: 'errors above the budget', input: { alias: 'products', shards: 3, since: '2024-06-01' }, handlers: handlers([1, 0, 4]), expected: { output: { alias: 'products', swapped: false, indexed: 345, errors: 5, worstShard: 2 } } },
  { name: 'throttled bulk within budget', input: { alias: 'products', shards: 1, maxErrors: 5 }, handlers: handlers([2], { '${BulkIndexArn}': flaky(2, 'Search.TooManyRequests', () => ({ indexed: 98, errors: 2 })) }), expected: { output: { alias: 'products', swapped: true, indexed: 98, errors: 2, previous: 'products-v1' } } },
  { name: 'a shard export fails', input: { alias: 'products', shards: 2 }, handlers: handlers([], { '${ExportShardArn}': () => { throw failure('ClusterRed', 'red'); } }), expected: { error: 'States.TaskFailed' } },
];
