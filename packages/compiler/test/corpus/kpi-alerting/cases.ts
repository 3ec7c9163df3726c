import type { CorpusCase } from '../corpus-case.js';

const metrics = [
  { name: 'api.latency', values: [120, 80, 95, 300, 110, 130, 90, 85, 100, 1000], unit: 'ms' },
  { name: 'error.rate', values: [0.5, 1.5, 2.5], unit: 'percent' },
  { name: 'signups', values: [12, 8], unit: 'count' },
];
const handlers = () => () => ({
  '${FetchMetricsArn}': () => ({ metrics }),
  'Send alert': () => ({ MessageId: 'm' }),
});

export const cases: CorpusCase[] = [
  {
    name: 'latency pages, signups warn',
    input: { window: '1h', thresholds: [{ metric: 'api.latency', op: '>', value: 500, severity: 'page' }, { metric: 'signups', op: '<', value: 20, severity: 'warn' }, { metric: 'error.rate', op: '>', value: 2, severity: 'warn' }, { metric: 'queue.depth', op: '>', value: 1, severity: 'warn' }] },
    handlers: handlers(),
    expected: { output: { window: '1h', breaches: ['api.latency 1000.0ms > 500', 'signups 10.0 < 20', 'queue.depth: no data'], pages: 1 } },
  },
  { name: 'all fine', input: { window: '5m', thresholds: [{ metric: 'error.rate', op: '>', value: 5, severity: 'page' }] }, handlers: handlers(), expected: { output: { window: '5m', breaches: [], pages: 0 } } },
];
