import { failure, type CorpusCase } from '../corpus-case.js';

const users = [
  { email: 'Ann@Corp.com', name: 'Ann', role: 'admin', team: 'core' },
  { email: 'bob@corp.com', name: 'Bob' },
  { email: 'ann@corp.com', name: 'Ann again' },
];
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${CreateUserArn}': (i: any) => ({ userId: `u${i.ordinal}-${i.role}` }),
  '${AddToTeamArn}': () => ({ teamSize: 4 }),
  '${SendInviteArn}': () => null,
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'dedupes by email', input: { orgId: 'o1', users }, handlers: handlers(), expected: { output: { orgId: 'o1', created: 2, duplicates: 1, admins: 1, byEmail: { 'ann@corp.com': { userId: 'u1-admin', team: 'core', teamSize: 4 }, 'bob@corp.com': { userId: 'u2-member', team: null, teamSize: 0 } } } } },
  { name: 'no invites, no users', input: { orgId: 'o2', users: [], sendInvites: false }, handlers: handlers(), expected: { output: { orgId: 'o2', created: 0, duplicates: 0, admins: 0, byEmail: {} } } },
  { name: 'email taken', input: { orgId: 'o3', users }, handlers: handlers({ '${CreateUserArn}': () => { throw failure('EmailTaken', 'exists'); } }), expected: { error: 'EmailTaken' } },
];
