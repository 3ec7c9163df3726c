import { failure, type CorpusCase } from '../corpus-case.js';

const readings = [
  { deviceId: 'd1', ts: '10:00', celsius: 40.5 },
  { deviceId: 'd2', ts: '10:00', celsius: 81 },
  { deviceId: 'd1', ts: '10:05', celsius: 42 },
  { deviceId: 'd3', ts: '10:05', celsius: null },
  { deviceId: 'd1', ts: '10:10', celsius: 39.25 },
];
const writes: any[] = [];
const handlers = (list: unknown[]) => () => ({
  '${LoadReadingsArn}': () => ({ readings: list }),
  '${WriteRollupArn}': (i: any) => { writes.push(i); return null; },
  'Overheat alert': () => ({}),
});

export const cases: CorpusCase[] = [
  { name: 'one device overheats', input: { fleetId: 'f1', hour: '2024-06-01T10' }, handlers: handlers(readings), expected: { output: { devices: 2, dropped: 1, hot: ['d2'] } } },
  { name: 'higher limit', input: { fleetId: 'f1', hour: '2024-06-01T10', maxCelsius: 90 }, handlers: handlers(readings), expected: { output: { devices: 2, dropped: 1, hot: [] } } },
  { name: 'no readings', input: { fleetId: 'f2', hour: '2024-06-01T11' }, handlers: handlers([]), expected: { output: { devices: 0, dropped: 0, hot: [] } } },
  { name: 'store unavailable', input: { fleetId: 'f1', hour: 'x' }, handlers: () => ({ '${LoadReadingsArn}': () => { throw failure('Timestream.ThrottlingException', 'slow down'); } }), expected: { error: 'Timestream.ThrottlingException' } },
];
