import { failure, type CorpusCase } from '../corpus-case.js';

const sales = [
  { site: 'berlin', amount: 19.99 },
  { site: 'paris', amount: 5 },
  { site: 'berlin', amount: 0.01 },
  { site: 'paris', amount: 100, refunded: true },
  { site: 'lyon', amount: 12.345 },
];
const handlers = (list: unknown[], overrides: Record<string, unknown> = {}) => () => ({
  '${FetchSalesArn}': (i: any) => (i.from === '2024-03-01T00:00:00.000Z' && i.to === '2024-03-02T00:00:00.000Z' ? { sales: list } : { sales: [] }),
  '${StoreReportArn}': (i: any) => ({ url: `s3://reports/${i.key}#${i.body.length}` }),
  'Publish report': () => ({}),
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'three sites', input: { date: '2024-03-01' }, handlers: handlers(sales), expected: { output: { url: 's3://reports/reports/2024-03-01.txt#98', sites: 3, total: 37.34 } } },
  { name: 'filtered sites', input: { date: '2024-03-01', sites: ['paris'] }, handlers: handlers(sales), expected: { output: { url: 's3://reports/reports/2024-03-01.txt#53', sites: 1, total: 5 } } },
  { name: 'no sales', input: { date: '2024-03-05' }, handlers: handlers(sales), expected: { output: { url: 's3://reports/reports/2024-03-05.txt#32', sites: 0, total: 0 } } },
  { name: 'store fails', input: { date: '2024-03-01' }, handlers: handlers(sales, { '${StoreReportArn}': () => { throw failure('AccessDenied', 'no write'); } }), expected: { error: 'AccessDenied' } },
];
