import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${FindUserArn}': (i: any) => ({ userId: i.email.endsWith('@example.com') ? 'u1' : null, locked: i.email.startsWith('locked') }),
  '${IssueTokenArn}': () => ({ token: 'tok-1' }),
  '${SendResetEmailArn}': () => ({ delivered: true }),
  '${TokenUsedArn}': () => ({ used: true }),
  'Revoke token': () => ({}),
  ...overrides,
});
const request = { email: 'ann@example.com', ip: '10.0.0.1' };

export const cases: CorpusCase[] = [
  { name: 'reset completed', input: request, handlers: handlers(), expected: { output: { status: 'COMPLETED' } } },
  { name: 'link never used, smtp flaky', input: request, handlers: handlers({ '${TokenUsedArn}': () => ({ used: false }), '${SendResetEmailArn}': flaky(2, 'Smtp.Unavailable', () => ({ delivered: true })) }), expected: { output: { status: 'EXPIRED' } } },
  { name: 'unknown email', input: { ...request, email: 'x@other.org' }, handlers: handlers(), expected: { output: { status: 'SENT_IF_EXISTS' } } },
  { name: 'smtp down for good', input: request, handlers: handlers({ '${SendResetEmailArn}': () => { throw failure('Smtp.Unavailable', 'no route'); } }), expected: { error: 'Smtp.Unavailable' } },
];
