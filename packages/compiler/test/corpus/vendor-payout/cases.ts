import { failure, type CorpusCase } from '../corpus-case.js';

const reasons: string[] = [];
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${ValidateIbanArn}': (i: any) => ({ valid: i.iban.startsWith('DE'), bank: 'X' }),
  '${TransferArn}': (i: any) => ({ transferId: `tr-${i.vendorId}` }),
  '${HoldPayoutArn}': (i: any) => { reasons.push(i.reason); return null; },
  ...overrides,
});
const payouts = [
  { vendorId: 'v1', amountCents: 1000, currency: 'EUR', iban: 'de89 3704 0044 0532 0130 00' },
  { vendorId: 'v2', amountCents: 2000, currency: 'EUR' },
  { vendorId: 'v3', amountCents: 4000, currency: 'EUR', iban: 'FR76 3000' },
];

export const cases: CorpusCase[] = [
  { name: 'one paid, two held', input: { runId: 'r1', payouts }, handlers: handlers(), expected: { output: { runId: 'r1', paid: ['tr-v1'], held: ['v2', 'v3'], totalPaid: 1000 } } },
  { name: 'bank rejects a transfer', input: { runId: 'r2', payouts: payouts.slice(0, 1) }, handlers: handlers({ '${TransferArn}': () => { throw failure('InsufficientFunds', 'treasury empty'); } }), expected: { output: { runId: 'r2', paid: [], held: ['v1'], totalPaid: 0 } } },
  { name: 'empty run', input: { runId: 'r3', payouts: [] }, handlers: handlers(), expected: { output: { runId: 'r3', paid: [], held: [], totalPaid: 0 } } },
  { name: 'hold service down', input: { runId: 'r4', payouts }, handlers: handlers({ '${HoldPayoutArn}': () => { throw failure('HoldServiceDown', '500'); } }), expected: { error: 'HoldServiceDown' } },
];
