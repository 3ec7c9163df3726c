import { failure, type CorpusCase } from '../corpus-case.js';

let unlocked = 0;
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${LockAccountArn}': (i: any) => ({ locked: true, lockId: `lock-${i.userId}` }),
  'Release account lock': () => { unlocked++; return null; },
  '${PurgeFilesArn}': () => ({ files: 12 }),
  '${PurgeEventsArn}': () => ({ events: 300 }),
  '${AnonymizeInvoicesArn}': () => ({ invoices: 4 }),
  'Delete profile': () => ({}),
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'user request keeps invoices', input: { userId: 'u1', requestedBy: 'user' }, handlers: handlers(), expected: { output: { userId: 'u1', removed: { files: 12, events: 300, invoices: 4 }, total: 316 } } },
  { name: 'admin request', input: { userId: 'u2', requestedBy: 'admin' }, handlers: handlers(), expected: { output: { userId: 'u2', removed: { files: 12, events: 300 }, total: 312 } } },
  { name: 'locked elsewhere', input: { userId: 'u3', requestedBy: 'user' }, handlers: handlers({ '${LockAccountArn}': () => ({ locked: false, lockId: '' }) }), expected: { error: 'AccountBusy' } },
  { name: 'purge fails, lock still released', input: { userId: 'u4', requestedBy: 'admin', keepInvoices: true }, handlers: handlers({ '${PurgeEventsArn}': () => { throw failure('PurgeFailed', 'partition offline'); } }), expected: { error: 'PurgeFailed' } },
];
