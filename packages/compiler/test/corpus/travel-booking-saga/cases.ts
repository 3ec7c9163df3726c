import { failure, type CorpusCase } from '../corpus-case.js';

const trip = { tripId: 't1', traveller: 'ann', flight: 'LH100', hotel: 'Adlon' };
const audits: unknown[] = [];
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${BookFlightArn}': (i: any) => ({ ref: `F-${i.flight}`, price: 199.5 }),
  '${BookHotelArn}': (i: any) => ({ ref: `H-${i.hotel}`, price: 320 }),
  '${BookCarArn}': (i: any) => ({ ref: `C-${i.car}`, price: 45.25 }),
  '${CancelBookingArn}': (i: any) => ({ cancelled: i.kind !== 'hotel' }),
  'Write audit record': (i: any) => { audits.push(i); return null; },
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'flight and hotel', input: trip, handlers: handlers(), expected: { output: { tripId: 't1', refs: { flight: 'F-LH100', hotel: 'H-Adlon' }, total: '519.50 EUR' } } },
  {
    name: 'with a car',
    input: { ...trip, car: 'VW' },
    handlers: handlers(),
    expected: { output: { tripId: 't1', refs: { flight: 'F-LH100', hotel: 'H-Adlon', car: 'C-VW' }, total: '564.75 EUR' } },
  },
  {
    name: 'car unavailable cancels the rest',
    input: { ...trip, car: 'Tesla' },
    handlers: handlers({ '${BookCarArn}': () => { throw failure('NoCarsLeft', 'sold out'); } }),
    expected: { output: { tripId: 't1', failed: 'NoCarsLeft', cancelled: ['flight'] } },
  },
  {
    name: 'audit fails',
    input: trip,
    handlers: handlers({ 'Write audit record': () => { throw failure('AuditDown', 'table missing'); } }),
    expected: { error: 'AuditDown' },
  },
];
