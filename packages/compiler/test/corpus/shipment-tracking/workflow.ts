import { lambda, workflow } from '@typestep/dsl';

interface TrackingEvent { code: string; location: string; at: string }
interface Parcel { trackingNumber: string; carrier: 'ups' | 'fedex' | 'dhl' }

const fetchEvents = lambda<{ carrier: string; trackingNumber: string }, { events: TrackingEvent[] }>('${FetchEventsArn}');
const saveSummary = lambda<{ trackingNumber: string; summary: object }, void>('${SaveSummaryArn}');

const CODE_NAMES: Record<string, string> = { PU: 'picked up', IT: 'in transit', OD: 'out for delivery', DL: 'delivered', EX: 'exception' };

export const trackShipments = workflow('TrackShipments', async (input: { parcels: Parcel[] }) => {
  const summaries = await Promise.all(
    input.parcels.map(async (parcel) => {
      const { events } = await fetchEvents({ carrier: parcel.carrier.toUpperCase(), trackingNumber: parcel.trackingNumber });
      const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      const latest = sorted.at(-1);
      const exceptions = sorted.filter((e) => e.code === 'EX').length;
      const hours = sorted.length > 1 ? (Date.parse(sorted[sorted.length - 1].at) - Date.parse(sorted[0].at)) / 36e5 : 0;
      const summary = {
        status: latest ? CODE_NAMES[latest.code] ?? 'unknown' : 'no events',
        lastSeen: latest?.location ?? null,
        exceptions,
        hoursInTransit: Math.round(hours * 10) / 10,
      };
      await saveSummary({ trackingNumber: parcel.trackingNumber, summary });
      return { trackingNumber: parcel.trackingNumber, ...summary };
    }),
  );
  const delivered = summaries.filter((s) => s.status === 'delivered').length;
  return { delivered, pending: summaries.length - delivered, parcels: summaries };
});
