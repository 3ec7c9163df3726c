import type { CorpusCase } from '../corpus-case.js';

const locations = [
  { sku: 'S1', aisle: 3, shelf: 'B', onHand: 10 },
  { sku: 'S2', aisle: 1, shelf: 'C', onHand: 1 },
  { sku: 'S3', aisle: 3, shelf: 'A', onHand: 5 },
  { sku: 'S4', aisle: 2, shelf: 'D', onHand: 50 },
];
const handlers = () => () => ({
  '${LocateArn}': (i: any) => ({ locations: locations.filter((l) => i.skus.includes(l.sku)) }),
  '${PrintArn}': (i: any) => ({ jobId: `job-${i.picker}-${i.rows.length}` }),
});

export const cases: CorpusCase[] = [
  {
    name: 'two orders',
    input: { picker: 'kim', orders: [{ id: 'o1', lines: [{ sku: 'S1', qty: 2 }, { sku: 'S2', qty: 2 }] }, { id: 'o2', lines: [{ sku: 'S3', qty: 1 }, { sku: 'S1', qty: 1 }, { sku: 'S9', qty: 1 }] }] },
    handlers: handlers(),
    expected: { output: { jobId: 'job-kim-2', stops: 2, missing: ['S2', 'S9'], units: 7 } },
  },
  { name: 'empty', input: { picker: 'kim', orders: [{ id: 'o1', lines: [] }] }, handlers: handlers(), expected: { error: 'NothingToPick' } },
];
