import type { CorpusCase } from '../corpus-case.js';

const ledger = [
  { ref: 'inv-1', amountCents: 1000, currency: 'EUR' },
  { ref: 'inv-2', amountCents: 2550, currency: 'EUR' },
  { ref: 'inv-3', amountCents: 700, currency: 'USD' },
  { ref: 'inv-4', amountCents: 99, currency: 'EUR' },
];
const lines = [
  { reference: 'REF-INV-1', amount: '10.00', currency: 'EUR', date: 'd' },
  { reference: 'ref: inv-2', amount: '25.49', currency: 'EUR', date: 'd' },
  { reference: 'INV-3', amount: '7', currency: 'EUR', date: 'd' },
  { reference: 'INV-9', amount: '1.10', currency: 'EUR', date: 'd' },
];
const handlers = () => () => {
  let n = 0;
  return {
    '${LedgerArn}': () => ledger,
    '${StatementArn}': () => ({ lines }),
    '${TicketArn}': (i: any) => ({ ticket: `T${++n}-${i.kind}` }),
  };
};

export const cases: CorpusCase[] = [
  { name: 'strict', input: { day: '2025-01-02', account: 'a' }, handlers: handlers(), expected: { output: { matched: 1, problems: ['amount:INV-2', 'currency:INV-3', 'unknown:INV-9', 'missing:INV-4'], tickets: ['T1-amount', 'T2-currency', 'T3-missing'] } } },
  { name: 'one cent tolerance', input: { day: '2025-01-02', account: 'a', tolerance: 1 }, handlers: handlers(), expected: { output: { matched: 2, problems: ['currency:INV-3', 'unknown:INV-9', 'missing:INV-4'], tickets: ['T1-currency', 'T2-missing'] } } },
];
