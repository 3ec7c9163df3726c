import type { CorpusCase } from '../corpus-case.js';

const plans = [{ id: 'basic', monthlyCents: 1000, seats: 3 }, { id: 'pro', monthlyCents: 4000, seats: 10 }, { id: 'team', monthlyCents: 9000, seats: 50 }];
const handlers = (planId = 'basic', seatsUsed = 2) => () => ({
  '${GetSubArn}': () => ({ planId, periodStart: '2025-06-01T00:00:00Z', periodEnd: '2025-07-01T00:00:00Z', seatsUsed }),
  '${GetPlansArn}': () => ({ plans }),
  '${ChargeArn}': (i: any) => ({ invoiceId: `inv-${i.amountCents}` }),
  '${CreditArn}': (i: any) => ({ creditId: `cr-${i.amountCents}` }),
  '${SwitchArn}': () => undefined,
});

export const cases: CorpusCase[] = [
  { name: 'upgrade mid-month', input: { subscriptionId: 's1', newPlanId: 'pro', effective: '2025-06-16T00:00:00Z' }, handlers: handlers(), expected: { output: { from: 'basic', to: 'pro', delta: 1500, days: 15, receipt: { kind: 'charge', id: 'inv-1500' } } } },
  { name: 'downgrade', input: { subscriptionId: 's1', newPlanId: 'pro', effective: '2025-06-11T00:00:00Z' }, handlers: handlers('team', 5), expected: { output: { from: 'team', to: 'pro', delta: -3333, days: 20, receipt: { kind: 'credit', id: 'cr-3333' } } } },
  { name: 'same price', input: { subscriptionId: 's1', newPlanId: 'basic', effective: '2025-06-11T00:00:00Z' }, handlers: handlers(), expected: { output: { from: 'basic', to: 'basic', delta: 0, days: 20, receipt: { kind: 'none' } } } },
  { name: 'too many seats', input: { subscriptionId: 's1', newPlanId: 'basic', effective: '2025-06-11T00:00:00Z' }, handlers: handlers('pro', 8), expected: { error: 'TooManySeats' } },
  { name: 'unknown plan', input: { subscriptionId: 's1', newPlanId: 'gold', effective: '2025-06-11T00:00:00Z' }, handlers: handlers(), expected: { error: 'UnknownPlan' } },
];
