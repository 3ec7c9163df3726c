import { failure, type CorpusCase } from '../corpus-case.js';

const handlers = (score: number | null, overrides: Record<string, unknown> = {}) => () => ({
  '${FetchBureauArn}': () => ({ score }),
  '${SetLimitArn}': () => ({ effectiveFrom: '2024-07-01' }),
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'heavy user with a great score', input: { accountId: 'a1', limit: 2000, history: { latePayments: 0, utilisation: [0.8, 0.9, 0.65] } }, handlers: handlers(780), expected: { output: { accountId: 'a1', changed: true, limit: 3000, previous: 2000, effectiveFrom: '2024-07-01', utilisation: '0.78' } } },
  { name: 'bureau score given, no history', input: { accountId: 'a2', limit: 1550, bureau: { score: 500 } }, handlers: handlers(999), expected: { output: { accountId: 'a2', changed: true, limit: 800, previous: 1550, effectiveFrom: '2024-07-01', utilisation: 'n/a' } } },
  { name: 'no score anywhere', input: { accountId: 'a3', limit: 1000 }, handlers: handlers(null), expected: { output: { accountId: 'a3', changed: false, limit: 1000, reasons: ['no bureau score'] } } },
  { name: 'bureau down', input: { accountId: 'a4', limit: 1000, history: {} }, handlers: handlers(0, { '${FetchBureauArn}': () => { throw failure('BureauUnavailable', 'maintenance'); } }), expected: { error: 'BureauUnavailable' } },
];
