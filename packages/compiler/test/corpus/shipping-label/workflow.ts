import { lambda, workflow } from '@typestep/dsl';

interface Parcel { shipmentId: string; weightGrams: number; destination: { country: string; postcode: string }; express?: boolean; preferredCarriers?: string[] }
interface Quote { carrier: string; priceCents: number; days: number; labelUrl?: string; warnings?: string[] }

const quote = lambda<{ carrier: string; weightKg: number; country: string; express: boolean }, Quote>('${QuoteArn}');
const buyLabel = lambda<{ carrier: string; shipmentId: string }, { labelUrl: string; trackingId: string }>('${BuyLabelArn}');

export const createLabel = workflow('CreateShippingLabel', async (parcel: Parcel) => {
  const { preferredCarriers: carriers = ['dhl', 'ups', 'dpd'], express = false } = parcel;
  const weightKg = Math.ceil(parcel.weightGrams / 100) / 10;
  const quotes: Quote[] = [];
  const unavailable: string[] = [];
  for (const carrier of carriers) {
    try {
      const { priceCents, days, warnings = [] } = await quote({ carrier, weightKg, country: parcel.destination.country, express });
      if (warnings.includes('NO_SERVICE')) {
        unavailable.push(carrier);
        continue;
      }
      quotes.push({ carrier, priceCents, days });
    } catch {
      unavailable.push(carrier);
    }
  }
  if (quotes.length === 0) return { shipmentId: parcel.shipmentId, status: 'NO_CARRIER', unavailable };
  const best = [...quotes].sort((a, b) => (express ? a.days - b.days : a.priceCents - b.priceCents) || a.carrier.localeCompare(b.carrier))[0];
  const { trackingId, ...label } = await buyLabel({ carrier: best.carrier, shipmentId: parcel.shipmentId });
  return { shipmentId: parcel.shipmentId, status: 'LABELLED', carrier: best.carrier, trackingId, ...label, weightKg, unavailable };
});
