import { failure, type CorpusCase } from '../corpus-case.js';

const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${PickItemsArn}': (i: any) => ({ pickListId: `pl-${i.orderId}`, bins: i.items.map((x: any) => `bin-${x.sku[0]}`) }),
  '${PrintInvoiceArn}': (i: any) => ({ invoiceUrl: `https://inv/${i.orderId}` }),
  '${ReserveCourierArn}': (i: any) => ({ courier: i.priority ? 'express' : 'standard', pickupAt: '2024-06-01T16:00:00Z' }),
  '${PrintGiftCardArn}': () => ({ cardId: 'gc-1' }),
  'Notify warehouse': () => ({}),
  ...overrides,
});
const order = { orderId: 'o9', customer: { id: 'c1', email: 'a@b.c' }, items: [{ sku: 'apple', qty: 2 }, { sku: 'avocado', qty: 1 }] };

export const cases: CorpusCase[] = [
  { name: 'standard order', input: order, handlers: handlers(), expected: { output: { orderId: 'o9', pickListId: 'pl-o9', invoiceUrl: 'https://inv/o9', courier: 'standard', pickupAt: '2024-06-01T16:00:00Z', units: 3, gift: false } } },
  { name: 'vip gift order', input: { ...order, customer: { ...order.customer, vip: true }, giftNote: 'Happy birthday!' }, handlers: handlers(), expected: { output: { orderId: 'o9', pickListId: 'pl-o9', invoiceUrl: 'https://inv/o9', courier: 'express', pickupAt: '2024-06-01T16:00:00Z', units: 3, gift: true } } },
  { name: 'no courier', input: order, handlers: handlers({ '${ReserveCourierArn}': () => { throw failure('NoCourierAvailable', 'holiday'); } }), expected: { error: 'NoCourierAvailable' } },
];
