import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const pages: Record<string, { items: unknown[]; lastKey?: string }> = {
  start: { items: [{ id: '1', full_name: 'Ada Lovelace', created: 0, tags: 'math;;poet' }, { id: '2', full_name: '   ', created: 1 }], lastKey: 'k2' },
  k2: { items: [{ id: '3', full_name: 'Grace Brewster Hopper', created: 1700000000 }], lastKey: 'k3' },
  k3: { items: [] },
};
const scan = (i: any) => pages[i.startKey ?? 'start'];
const write = (i: any) => ({ written: i.records.length });

export const cases: CorpusCase[] = [
  { name: 'three pages', input: { table: 'users', pageSize: 2 }, handlers: () => ({ '${ScanPageArn}': scan, '${WriteBatchArn}': write }), expected: { output: { pages: 3, migrated: 2, skipped: ['2'], complete: true } } },
  { name: 'stops after max pages, throttled write', input: { table: 'users', pageSize: 2, maxPages: 1 }, handlers: () => ({ '${ScanPageArn}': scan, '${WriteBatchArn}': flaky(2, 'ThrottlingException', write) }), expected: { output: { pages: 1, migrated: 1, skipped: ['2'], complete: false } } },
  { name: 'dry run', input: { table: 'users', pageSize: 2, dryRun: true }, handlers: () => ({ '${ScanPageArn}': scan, '${WriteBatchArn}': () => { throw failure('ShouldNotWrite', 'dry'); } }), expected: { output: { pages: 3, migrated: 0, skipped: ['2'], complete: true } } },
  { name: 'write keeps failing', input: { table: 'users', pageSize: 2 }, handlers: () => ({ '${ScanPageArn}': scan, '${WriteBatchArn}': flaky(9, 'ThrottlingException', write) }), expected: { error: 'ThrottlingException' } },
];
