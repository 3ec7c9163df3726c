import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const order = {
  orderId: 'o-100',
  customerId: 'c-7',
  lines: [
    { sku: 'mug', qty: 2, unitPrice: 8.5 },
    { sku: 'tee', qty: 1, unitPrice: 20 },
  ],
};

const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${ReserveStockArn}': (i: any) => ({ reservationId: `r-${i.orderId}` }),
  '${ReleaseStockArn}': () => null,
  '${ChargeCardArn}': (i: any) => ({ status: 'ok', chargeId: `ch-${i.customerId}-${i.amount}` }),
  '${RefundChargeArn}': () => null,
  '${CreateShipmentArn}': (i: any) => ({ trackingNumber: `TRK-${i.orderId}` }),
  'Notify customer': () => ({}),
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'happy path', input: order, handlers: handlers(), expected: { output: { orderId: 'o-100', amount: 37, tracking: 'TRK-o-100' } } },
  {
    name: 'coupon and a throttled charge',
    input: { ...order, couponCode: 'TENOFF' },
    handlers: handlers({ '${ChargeCardArn}': flaky(2, 'Lambda.TooManyRequestsException', (i) => ({ status: 'ok', chargeId: `ch-${i.amount}` })) }),
    expected: { output: { orderId: 'o-100', amount: 27, tracking: 'TRK-o-100' } },
  },
  {
    name: 'card declined is compensated',
    input: order,
    handlers: handlers({ '${ChargeCardArn}': () => ({ status: 'declined', reason: 'insufficient funds' }) }),
    expected: { output: { orderId: 'o-100', declined: true, reason: 'insufficient funds' } },
  },
  {
    name: 'shipment fails after charge',
    input: order,
    handlers: handlers({ '${CreateShipmentArn}': () => { throw failure('CarrierDown', 'no carrier'); } }),
    expected: { error: 'CarrierDown' },
  },
];
