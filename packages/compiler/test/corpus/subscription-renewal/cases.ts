import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const sub = { subscriptionId: 's1', customerId: 'c1', plan: 'monthly', priceCents: 999, currentPeriodEnd: '2024-01-31T00:00:00Z' };
const handlers = (chargeHandler: unknown) => () => ({
  '${ChargeArn}': chargeHandler as any,
  'Update subscription': () => ({}),
  '${DunningEmailArn}': () => null,
});

export const cases: CorpusCase[] = [
  { name: 'renews monthly', input: sub, handlers: handlers((i: any) => ({ chargeId: `ch:${i.idempotencyKey}` })), expected: { output: { renewed: true, periodEnd: '2024-03-01T00:00:00.000Z', attempts: 1 } } },
  { name: 'declined twice then paid (yearly)', input: { ...sub, plan: 'yearly' }, handlers: handlers(flaky(2, 'CardDeclined', () => ({ chargeId: 'ch' }))), expected: { output: { renewed: true, periodEnd: '2025-01-30T00:00:00.000Z', attempts: 3 } } },
  { name: 'always declined cancels', input: sub, handlers: handlers(() => { throw failure('CardDeclined', 'no'); }), expected: { output: { renewed: false, periodEnd: '2024-01-31T00:00:00.000Z', attempts: 4 } } },
  { name: 'fraud block stops at once', input: sub, handlers: handlers(() => { throw failure('CardBlocked', 'fraud'); }), expected: { output: { renewed: false, periodEnd: '2024-01-31T00:00:00.000Z', attempts: 4 } } },
];
