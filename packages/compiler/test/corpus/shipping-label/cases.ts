import { failure, type CorpusCase } from '../corpus-case.js';

const prices: Record<string, Partial<{ priceCents: number; days: number; warnings: string[] }>> = {
  dhl: { priceCents: 690, days: 2 },
  ups: { priceCents: 1290, days: 1 },
  dpd: { priceCents: 590, days: 3, warnings: [] },
  gls: { priceCents: 100, days: 9, warnings: ['NO_SERVICE'] },
};
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${QuoteArn}': (i: any) => { if (!prices[i.carrier]) throw failure('UnknownCarrier', i.carrier); return prices[i.carrier]; },
  '${BuyLabelArn}': (i: any) => ({ labelUrl: `https://labels/${i.carrier}/${i.shipmentId}.pdf`, trackingId: `${i.carrier.toUpperCase()}-1` }),
  ...overrides,
});
const parcel = { shipmentId: 's1', weightGrams: 1234, destination: { country: 'DE', postcode: '10115' } };

export const cases: CorpusCase[] = [
  { name: 'cheapest carrier', input: parcel, handlers: handlers(), expected: { output: { shipmentId: 's1', status: 'LABELLED', carrier: 'dpd', trackingId: 'DPD-1', labelUrl: 'https://labels/dpd/s1.pdf', weightKg: 1.3, unavailable: [] } } },
  { name: 'express picks fastest', input: { ...parcel, express: true }, handlers: handlers(), expected: { output: { shipmentId: 's1', status: 'LABELLED', carrier: 'ups', trackingId: 'UPS-1', labelUrl: 'https://labels/ups/s1.pdf', weightKg: 1.3, unavailable: [] } } },
  { name: 'no carrier serves it', input: { ...parcel, preferredCarriers: ['gls', 'fedex'] }, handlers: handlers(), expected: { output: { shipmentId: 's1', status: 'NO_CARRIER', unavailable: ['gls', 'fedex'] } } },
  { name: 'label purchase fails', input: parcel, handlers: handlers({ '${BuyLabelArn}': () => { throw failure('PaymentRequired', 'account on hold'); } }), expected: { error: 'PaymentRequired' } },
];
