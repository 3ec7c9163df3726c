import { failure, type CorpusCase } from '../corpus-case.js';

const handlers = (order: object, overrides: Record<string, unknown> = {}) => () => ({
  '${LoadOrderArn}': () => ({ paid: 120, refunded: 20, placedAt: '2024-06-10T12:00:00Z', paymentId: 'pay_1', ...order }),
  '${IssueRefundArn}': (i: any) => ({ refundId: `rf_${i.paymentId}_${i.amount}` }),
  'Flag for review': () => ({}),
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'approved from a string amount', input: { orderId: 'o1', amount: '40.10', reason: 'damaged' }, handlers: handlers({}), expected: { output: { status: 'APPROVED', refundId: 'rf_pay_1_40.1', remaining: 59.9 } } },
  { name: 'old order needs review', input: { orderId: 'o1', amount: 10, reason: 'late' }, handlers: handlers({ placedAt: '2024-04-01T00:00:00Z' }), expected: { output: { status: 'NEEDS_REVIEW', ageDays: 90 } } },
  { name: 'more than refundable', input: { orderId: 'o1', amount: 101, reason: 'x' }, handlers: handlers({}), expected: { output: { status: 'REJECTED', refundable: 100 } } },
  { name: 'not a number', input: { orderId: 'o1', amount: 'ten', reason: 'x' }, handlers: handlers({}), expected: { error: 'InvalidAmount' } },
  { name: 'payment provider down', input: { orderId: 'o1', amount: 5, reason: 'x' }, handlers: handlers({}, { '${IssueRefundArn}': () => { throw failure('ProviderUnavailable', '503'); } }), expected: { error: 'ProviderUnavailable' } },
];
