import { lambda, workflow } from '@typestep/dsl';

interface MigrationJob { table: string; pageSize: number; maxPages?: number; dryRun?: boolean }
interface LegacyRecord { id: string; full_name: string; created: number; tags?: string }

const scanPage = lambda<{ table: string; limit: number; startKey?: string }, { items: LegacyRecord[]; lastKey?: string }>('${ScanPageArn}');
const writeBatch = lambda<{ records: { id: string; firstName: string; lastName: string; createdAt: string; tags: string[] }[] }, { written: number }>(
  '${WriteBatchArn}',
  { retry: { errors: ['ThrottlingException'], maxAttempts: 3, intervalSeconds: 1, backoffRate: 2, maxDelaySeconds: 4 } },
);

export const migrateUsers = workflow('MigrateUsers', async (job: MigrationJob) => {
  let startKey: string | undefined;
  let pages = 0;
  let migrated = 0;
  const skipped: string[] = [];
  do {
    const page = await scanPage({ table: job.table, limit: job.pageSize, startKey });
    pages++;
    const records = [];
    for (const item of page.items) {
      const [firstName, ...rest] = item.full_name.trim().split(/\s+/);
      if (!firstName) {
        skipped.push(item.id);
        continue;
      }
      records.push({
        id: item.id,
        firstName,
        lastName: rest.join(' '),
        createdAt: new Date(item.created * 1000).toISOString(),
        tags: item.tags ? item.tags.split(';').filter(Boolean) : [],
      });
    }
    if (!job.dryRun && records.length > 0) migrated += (await writeBatch({ records })).written;
    else migrated += job.dryRun ? 0 : records.length;
    startKey = page.lastKey;
  } while (startKey && pages < (job.maxPages ?? Infinity));
  return { pages, migrated, skipped, complete: startKey === undefined };
});
