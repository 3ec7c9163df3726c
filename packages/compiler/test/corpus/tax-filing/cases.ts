import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const transactions = [
  { date: '2024-04-02', amountCents: 10000, category: 'sale' },
  { date: '2024-05-20', amountCents: 5000, category: 'sale', vatRate: 0.07 },
  { date: '2024-06-30', amountCents: 2000, category: 'purchase' },
  { date: '2024-07-01', amountCents: 99999, category: 'sale' },
];
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${FetchTransactionsArn}': () => ({ transactions }),
  'Submit VAT return': (i: any) => ({ receipt: `R-${i.quarter}-${i.vatDueCents}` }),
  '${ArchiveArn}': () => null,
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'Q2 filed', input: { companyId: 'acme', quarter: '2024-Q2' }, handlers: handlers(), expected: { output: { from: '2024-04-01', to: '2024-06-30', vatDueCents: 1870, lines: { sale: 2250, purchase: -380 }, receipt: 'R-2024-Q2-1870' } } },
  { name: 'gateway busy twice', input: { companyId: 'acme', quarter: '2024-Q3' }, handlers: handlers({ 'Submit VAT return': flaky(2, 'Gateway.Busy', (i) => ({ receipt: `R-${i.quarter}` })) }), expected: { output: { from: '2024-07-01', to: '2024-09-30', vatDueCents: 19000, lines: { sale: 19000 }, receipt: 'R-2024-Q3' } } },
  { name: 'dry run of an empty quarter', input: { companyId: 'acme', quarter: '2024-Q1', dryRun: true }, handlers: handlers(), expected: { output: { from: '2024-01-01', to: '2024-03-31', vatDueCents: 0, lines: {}, receipt: null } } },
  { name: 'malformed quarter', input: { companyId: 'acme', quarter: '2024-5' }, handlers: handlers(), expected: { error: 'BadQuarter' } },
  { name: 'gateway rejects', input: { companyId: 'acme', quarter: '2024-Q2' }, handlers: handlers({ 'Submit VAT return': () => { throw failure('Gateway.Rejected', 'bad tax id'); } }), expected: { error: 'Gateway.Rejected' } },
];
