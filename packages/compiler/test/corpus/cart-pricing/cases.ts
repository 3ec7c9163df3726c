import { failure, type CorpusCase } from '../corpus-case.js';

const prices: Record<string, number> = { book: 12.99, pen: 1.5, lamp: 49 };
const promos: Record<string, object> = {
  SAVE10: { code: 'SAVE10', kind: 'percent', value: 10 },
  FIVER: { code: 'FIVER', kind: 'fixed', value: 5, minTotal: 100 },
  SHIPFREE: { code: 'SHIPFREE', kind: 'freeShipping', value: 0 },
};
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${PriceLookupArn}': (i: any) => { if (!(i.sku in prices)) throw failure('UnknownSku', i.sku); return { amount: prices[i.sku], currency: 'EUR' }; },
  '${PromoLookupArn}': (i: any) => ({ promo: promos[i.code] ?? null }),
  '${ShippingRateArn}': (i: any) => ({ amount: i.country === 'DE' ? 4.9 : 12 }),
  ...overrides,
});
const items = [{ sku: 'book', qty: 2 }, { sku: 'pen', qty: 3 }, { sku: 'lamp', qty: 1 }];

export const cases: CorpusCase[] = [
  { name: 'no promos', input: { cartId: 'c1', items, shippingCountry: 'DE' }, handlers: handlers(), expected: { output: { cartId: 'c1', subtotal: 79.48, discount: 0, shipping: 4.9, grandTotal: 84.38, applied: [] } } },
  { name: 'percent, too-small fixed, free shipping', input: { cartId: 'c2', items, shippingCountry: 'FR', promoCodes: ['save10', 'fiver', 'nope', 'shipfree'] }, handlers: handlers(), expected: { output: { cartId: 'c2', subtotal: 79.48, discount: 7.95, shipping: 0, grandTotal: 71.53, applied: ['SAVE10', 'SHIPFREE'] } } },
  { name: 'empty cart', input: { cartId: 'c3', items: [], shippingCountry: 'DE', promoCodes: ['SAVE10'] }, handlers: handlers(), expected: { output: { cartId: 'c3', subtotal: 0, discount: 0, shipping: 0, grandTotal: 0, applied: ['SAVE10'] } } },
  { name: 'unknown product', input: { cartId: 'c4', items: [{ sku: 'ghost', qty: 1 }], shippingCountry: 'DE' }, handlers: handlers(), expected: { error: 'UnknownSku' } },
];
