import { failure, type CorpusCase } from '../corpus-case.js';

const handlers = (status: string, overrides: Record<string, unknown> = {}) => () => ({
  '${LoadOrderArn}': () => ({ status, paymentId: 'pay-1', amount: 59.9, reservationId: 'res-1' }),
  '${StopPackingArn}': () => ({ stopped: true }),
  '${RefundArn}': (i: any) => ({ refundId: `rf-${i.paymentId}` }),
  '${ReleaseReservationArn}': () => null,
  '${MarkCancelledArn}': () => null,
  'Notify cancellation': () => ({}),
  ...overrides,
});
const request = { orderId: 'o-5', reason: 'changed mind', requestedBy: 'customer' };

export const cases: CorpusCase[] = [
  { name: 'placed order', input: request, handlers: handlers('PLACED'), expected: { output: { orderId: 'o-5', refundId: 'rf-pay-1', refunded: 59.9 } } },
  { name: 'packed but stopped', input: request, handlers: handlers('PACKED'), expected: { output: { orderId: 'o-5', refundId: 'rf-pay-1', refunded: 59.9 } } },
  { name: 'already cancelled', input: request, handlers: handlers('CANCELLED'), expected: { output: { orderId: 'o-5', alreadyCancelled: true } } },
  { name: 'shipped', input: request, handlers: handlers('SHIPPED'), expected: { error: 'TooLateToCancel' } },
  { name: 'refund fails', input: request, handlers: handlers('PLACED', { '${RefundArn}': () => { throw failure('PaymentProviderError', '502'); } }), expected: { error: 'PaymentProviderError' } },
];
