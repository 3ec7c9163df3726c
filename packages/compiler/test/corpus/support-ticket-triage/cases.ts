import { failure, type CorpusCase } from '../corpus-case.js';

const handlers = (category: string, sentiment = 0, overrides: Record<string, unknown> = {}) => () => ({
  '${ClassifyArn}': () => ({ category, sentiment }),
  'Route ticket': () => ({}),
  '${AutoReplyArn}': () => null,
  ...overrides,
});
const ticket = { id: 't1', subject: 'Charged twice', body: 'My card 4111 1111 1111 1111 was charged twice, mail me at ann@example.com', customerTier: 'pro', email: 'ann@example.com' };

export const cases: CorpusCase[] = [
  { name: 'billing from a pro customer', input: ticket, handlers: handlers('billing'), expected: { output: { id: 't1', priority: 'P2', category: 'billing', queue: '${BillingQueueUrl}', redacted: true } } },
  { name: 'angry bug report', input: { ...ticket, subject: 'App crashes', body: 'again!!' }, handlers: handlers('bug', -0.9), expected: { output: { id: 't1', priority: 'P1', category: 'bug', queue: '${OnCallQueueUrl}', redacted: false } } },
  { name: 'urgent question', input: { ...ticket, subject: 'URGENT: how do I export?', body: 'thanks', customerTier: 'free' }, handlers: handlers('question'), expected: { output: { id: 't1', priority: 'P2', category: 'question', queue: '${QuestionQueueUrl}', redacted: false } } },
  { name: 'classifier down', input: ticket, handlers: handlers('bug', 0, { '${ClassifyArn}': () => { throw failure('ModelUnavailable', '503'); } }), expected: { error: 'ModelUnavailable' } },
];
