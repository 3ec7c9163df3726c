import type { CorpusCase } from '../corpus-case.js';

const events: Record<string, object[]> = {
  T1: [
    { code: 'DL', location: 'Berlin', at: '2025-03-03T10:30:00Z' },
    { code: 'PU', location: 'Hamburg', at: '2025-03-01T08:00:00Z' },
    { code: 'IT', location: 'Hannover', at: '2025-03-02T12:15:00Z' },
  ],
  T2: [{ code: 'PU', location: 'Paris', at: '2025-03-02T09:00:00Z' }, { code: 'EX', location: 'Lyon', at: '2025-03-02T20:00:00Z' }],
  T3: [],
  T4: [{ code: 'ZZ', location: 'Nowhere', at: '2025-03-01T00:00:00Z' }],
};
const handlers = () => () => ({
  '${FetchEventsArn}': (i: any) => ({ events: events[i.trackingNumber] }),
  '${SaveSummaryArn}': () => undefined,
});

export const cases: CorpusCase[] = [
  {
    name: 'mixed parcels',
    input: { parcels: [{ trackingNumber: 'T1', carrier: 'ups' }, { trackingNumber: 'T2', carrier: 'dhl' }, { trackingNumber: 'T3', carrier: 'fedex' }, { trackingNumber: 'T4', carrier: 'ups' }] },
    handlers: handlers(),
    expected: {
      output: {
        delivered: 1,
        pending: 3,
        parcels: [
          { trackingNumber: 'T1', status: 'delivered', lastSeen: 'Berlin', exceptions: 0, hoursInTransit: 50.5 },
          { trackingNumber: 'T2', status: 'exception', lastSeen: 'Lyon', exceptions: 1, hoursInTransit: 11 },
          { trackingNumber: 'T3', status: 'no events', lastSeen: null, exceptions: 0, hoursInTransit: 0 },
          { trackingNumber: 'T4', status: 'unknown', lastSeen: 'Nowhere', exceptions: 0, hoursInTransit: 0 },
        ],
      },
    },
  },
  { name: 'no parcels', input: { parcels: [] }, handlers: handlers(), expected: { output: { delivered: 0, pending: 0, parcels: [] } } },
];
