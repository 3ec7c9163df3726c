import { failure, type CorpusCase } from '../corpus-case.js';

const handlers = (v: object, g: object, e: object, overrides: Record<string, unknown> = {}) => () => ({
  '${VelocityCheckArn}': () => ({ ok: true, score: 0, ...v }),
  '${GeoIpArn}': () => ({ ok: true, score: 5, country: 'DE', ...g }),
  '${EmailAgeArn}': () => ({ ok: true, score: 3, ...e }),
  '${BlockCardArn}': () => null,
  ...overrides,
});
const payment = { paymentId: 'p1', cardFingerprint: 'fp', amount: 50, ip: '1.2.3.4', email: 'ann@example.com' };

export const cases: CorpusCase[] = [
  { name: 'clean payment', input: payment, handlers: handlers({}, {}, {}), expected: { output: { paymentId: 'p1', verdict: 'allow', risk: 8, reasons: [] } } },
  { name: 'foreign big payment with fast card', input: { ...payment, amount: 2000 }, handlers: handlers({ ok: false }, { country: 'BR', score: 20 }, {}), expected: { error: 'FraudSuspected' } },
  { name: 'disposable email needs review', input: { ...payment, email: 'x@Mailinator.com' }, handlers: handlers({}, { score: 20 }, {}), expected: { output: { paymentId: 'p1', verdict: 'review', risk: 45, reasons: ['disposable-email'] } } },
  { name: 'geo service down', input: payment, handlers: handlers({}, {}, {}, { '${GeoIpArn}': () => { throw failure('GeoIpUnavailable', 'timeout'); } }), expected: { error: 'GeoIpUnavailable' } },
];
