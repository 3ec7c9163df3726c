import { failure, type CorpusCase } from '../corpus-case.js';

const ledger = [
  { txId: 't1', amountCents: 1000, currency: 'EUR' },
  { txId: 't2', amountCents: 2500, currency: 'EUR' },
  { txId: 't3', amountCents: 700, currency: 'USD' },
  { txId: 't4', amountCents: 50, currency: 'EUR' },
];
const bank = [
  { txId: 't1', amountCents: 1000, currency: 'EUR' },
  { txId: 't2', amountCents: 2499, currency: 'EUR' },
  { txId: 't3', amountCents: 700, currency: 'EUR' },
  { txId: 't9', amountCents: 1, currency: 'EUR' },
];
const handlers = (b: object[], l: object[], overrides: Record<string, unknown> = {}) => () => ({
  '${BankStatementArn}': () => ({ entries: b }),
  '${InternalLedgerArn}': () => ({ entries: l }),
  '${OpenCaseArn}': (i: any) => ({ caseId: `case-${i.date}-${i.issues.length}` }),
  'Notify finance': () => ({}),
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'four kinds of issue', input: { date: '2024-06-01' }, handlers: handlers(bank, ledger), expected: { output: { date: '2024-06-01', matched: 1, issues: 4, caseId: 'case-2024-06-01-4', first: 'amount t2: 1' } } },
  { name: 'tolerance absorbs a cent', input: { date: '2024-06-01', toleranceCents: 1 }, handlers: handlers(bank, ledger), expected: { output: { date: '2024-06-01', matched: 2, issues: 3, caseId: 'case-2024-06-01-3', first: 'currency t3: USD/EUR' } } },
  { name: 'clean day', input: { date: '2024-06-02' }, handlers: handlers(bank.slice(0, 1), ledger.slice(0, 1)), expected: { output: { date: '2024-06-02', matched: 1, issues: 0 } } },
  { name: 'bank feed down', input: { date: '2024-06-03' }, handlers: handlers([], [], { '${BankStatementArn}': () => { throw failure('BankApiDown', '502'); } }), expected: { error: 'BankApiDown' } },
];
