import { failure, type CorpusCase } from '../corpus-case.js';

const handlers = (active: boolean, overrides: Record<string, unknown> = {}) => () => ({
  '${SendEmailArn}': (i: any) => ({ id: `${i.template}:${i.to}` }),
  '${CreateWorkspaceArn}': (i: any) => ({ workspaceId: `ws-${i.ownerId}` }),
  '${CreditReferrerArn}': () => ({ credited: 500 }),
  '${ActivityCheckArn}': () => ({ active }),
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'active user, no referral', input: { userId: 'u1', email: 'ann@example.com', name: 'Ann', locale: 'de' }, handlers: handlers(true), expected: { output: { workspaceId: 'ws-u1', sent: ['welcome-de'], credited: 0 } } },
  { name: 'inactive referred user with defaults', input: { userId: 'u2', email: 'bob@example.com', referredBy: 'u1' }, handlers: handlers(false), expected: { output: { workspaceId: 'ws-u2', sent: ['welcome-en', 'nudge-en'], credited: 500 } } },
  { name: 'welcome email fails', input: { userId: 'u3', email: 'carl@example.com' }, handlers: handlers(true, { '${SendEmailArn}': () => { throw failure('Bounced', 'no such mailbox'); } }), expected: { error: 'States.TaskFailed' } },
];
