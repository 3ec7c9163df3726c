import type { CorpusCase } from '../corpus-case.js';

const tickets = [
  { id: 'A', priority: 'urgent', openedAt: '2025-05-01T09:30:00Z', tags: [] },
  { id: 'B', priority: 'low', openedAt: '2025-04-27T10:00:00Z', tags: ['billing'], assignee: 'mia' },
  { id: 'C', priority: 'normal', openedAt: '2025-04-30T08:00:00Z', tags: [] },
  { id: 'D', priority: 'high', openedAt: '2025-05-01T06:00:00Z', tags: [] },
  { id: 'E', priority: 'normal', openedAt: '2025-05-01T08:00:00Z', tags: [] },
];
const handlers = (list = tickets, okFor: string[] = ['B', 'C']) => () => ({
  '${ListOpenArn}': () => ({ tickets: list, now: '2025-05-01T12:00:00Z' }),
  '${ReassignArn}': (i: any) => ({ ok: okFor.includes(i.ticketId) }),
  'Page on-call': () => ({ MessageId: 'm' }),
});

export const cases: CorpusCase[] = [
  { name: 'mixed breaches', input: { queue: 'support', onCall: 'ops', managers: ['mia', 'raj'] }, handlers: handlers(), expected: { output: { checked: 5, breached: ['B:98h', 'C:28h', 'A:2h'], reassigned: 1, paged: 1 } } },
  { name: 'nothing open', input: { queue: 'support', onCall: 'ops', managers: ['mia'] }, handlers: handlers([]), expected: { output: { checked: 0, breached: [], reassigned: 0, paged: 0 } } },
];
