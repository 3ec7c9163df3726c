import { dynamodb, lambda, workflow, WorkflowError } from '@typestep/dsl';

interface DeletionRequest { userId: string; requestedBy: 'user' | 'admin'; keepInvoices?: boolean }

const lockAccount = lambda<{ userId: string }, { locked: boolean; lockId: string }>('${LockAccountArn}');
const unlockAccount = lambda<{ lockId: string }, void>('${UnlockAccountArn}', { name: 'Release account lock' });
const purgeFiles = lambda<{ userId: string }, { files: number }>('${PurgeFilesArn}', { timeoutSeconds: 900 });
const purgeEvents = lambda<{ userId: string; before?: string }, { events: number }>('${PurgeEventsArn}');
const anonymizeInvoices = lambda<{ userId: string }, { invoices: number }>('${AnonymizeInvoicesArn}');
const deleteProfile = dynamodb.deleteItem({ name: 'Delete profile' });

export const deleteAccount = workflow('DeleteAccount', async (req: DeletionRequest) => {
  const { locked, lockId } = await lockAccount({ userId: req.userId });
  if (!locked) throw new WorkflowError('AccountBusy', `${req.userId} is locked by another process`);
  const removed: Record<string, number> = {};
  try {
    removed.files = (await purgeFiles({ userId: req.userId })).files;
    removed.events = (await purgeEvents({ userId: req.userId })).events;
    if (req.keepInvoices ?? req.requestedBy === 'user') {
      removed.invoices = (await anonymizeInvoices({ userId: req.userId })).invoices;
    }
    await deleteProfile({ TableName: '${ProfilesTable}', Key: { pk: { S: `USER#${req.userId}` } } });
    return { userId: req.userId, removed, total: Object.values(removed).reduce((a, b) => a + b, 0) };
  } finally {
    await unlockAccount({ lockId });
  }
});
