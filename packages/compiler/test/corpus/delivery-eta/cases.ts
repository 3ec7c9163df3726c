import { failure, type CorpusCase } from '../corpus-case.js';

const route = (i: any) => ({
  Payload: JSON.stringify({ legs: JSON.parse(i.Waypoints).map((_: unknown, n: number) => ({ distanceMeters: 4250 + n * 1000, durationSeconds: 900 + n * 300 })) }),
});
const handlers = (overrides: Record<string, unknown> = {}) => () => ({ 'Calculate route': route, '${PublishEtaArn}': () => null, ...overrides });
const stops = [{ lat: 52.5, lng: 13.4 }, { lat: 52.51, lng: 13.39, serviceMinutes: 20 }];

export const cases: CorpusCase[] = [
  { name: 'two stops in time', input: { deliveryId: 'd1', stops, departAt: '2024-06-01T08:00:00Z', driverShiftEnd: '2024-06-01T16:00:00Z' }, handlers: handlers(), expected: { output: { deliveryId: 'd1', etas: ['2024-06-01T08:15Z', '2024-06-01T08:40Z'], km: 9.5, overtime: false } } },
  { name: 'late departure runs into overtime', input: { deliveryId: 'd2', stops, departAt: '2024-06-01T15:30:00Z', driverShiftEnd: '2024-06-01T16:00:00Z' }, handlers: handlers(), expected: { output: { deliveryId: 'd2', etas: ['2024-06-01T15:45Z', '2024-06-01T16:10Z'], km: 9.5, overtime: true } } },
  { name: 'no stops', input: { deliveryId: 'd3', stops: [], departAt: '2024-06-01T08:00:00Z', driverShiftEnd: '2024-06-01T16:00:00Z' }, handlers: handlers(), expected: { output: { deliveryId: 'd3', etas: [], km: 0, overtime: false } } },
  { name: 'route not found', input: { deliveryId: 'd4', stops, departAt: '2024-06-01T08:00:00Z', driverShiftEnd: '2024-06-01T16:00:00Z' }, handlers: handlers({ 'Calculate route': () => { throw failure('Location.ResourceNotFoundException', 'calculator'); } }), expected: { error: 'Location.ResourceNotFoundException' } },
];
