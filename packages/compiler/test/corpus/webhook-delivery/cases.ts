import type { CorpusCase } from '../corpus-case.js';

const responses = (list: object[]) => () => {
  let n = 0;
  return { '${HttpPostArn}': () => list[Math.min(n++, list.length - 1)], '${DeadLetterArn}': () => null };
};
const event = { endpoint: 'https://hooks.example.com/x', eventId: 'evt_1', payload: { type: 'order.paid', amount: 10 } };

export const cases: CorpusCase[] = [
  { name: 'first try', input: event, handlers: responses([{ status: 204 }]), expected: { output: { delivered: true, attempts: 1, history: [204], waited: 0 } } },
  { name: 'rate limited then server error then ok', input: event, handlers: responses([{ status: 429, retryAfter: 7 }, { status: 503 }, { status: 200 }]), expected: { output: { delivered: true, attempts: 3, history: [429, 503, 200], waited: 27 } } },
  { name: 'gone is not retried', input: event, handlers: responses([{ status: 410 }]), expected: { output: { delivered: false, attempts: 1, history: [410], waited: 0 } } },
  { name: 'gives up after two', input: { ...event, maxAttempts: 2 }, handlers: responses([{ status: 500 }]), expected: { output: { delivered: false, attempts: 2, history: [500, 500], waited: 10 } } },
];
