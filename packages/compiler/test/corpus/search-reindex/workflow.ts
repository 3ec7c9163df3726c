import { lambda, workflow } from '@typestep/dsl';

interface ShardJob { index: string; shard: number; since?: string }

const exportShard = lambda<{ index: string; shard: number; since?: string }, { docs: number; cursor: string }>('${ExportShardArn}');
const bulkIndex = lambda<{ index: string; cursor: string }, { indexed: number; errors: number }>('${BulkIndexArn}', {
  retry: { errors: ['Search.TooManyRequests'], maxAttempts: 3, intervalSeconds: 2, backoffRate: 2 },
});
const swapAlias = lambda<{ alias: string; index: string }, { previous: string | null }>('${SwapAliasArn}');

export const reindexShard = workflow('ReindexShard', async (job: ShardJob) => {
  const { docs, cursor } = await exportShard(job);
  if (docs === 0) return { shard: job.shard, indexed: 0, errors: 0 };
  const { indexed, errors } = await bulkIndex({ index: job.index, cursor });
  return { shard: job.shard, indexed, errors };
});

export const main = workflow('ReindexCatalog', async (input: { alias: string; shards: number; since?: string; maxErrors?: number }) => {
  const index = `${input.alias}-v2`;
  const shardIds = [...Array(input.shards).keys()];
  const results = await Promise.all(shardIds.map((shard) => reindexShard({ index, shard, since: input.since })));
  const totals = results.reduce((acc, r) => ({ indexed: acc.indexed + r.indexed, errors: acc.errors + r.errors }), { indexed: 0, errors: 0 });
  const worst = results.reduce<{ shard: number; errors: number } | null>((w, r) => (r.errors > (w?.errors ?? 0) ? r : w), null);
  if (totals.errors > (input.maxErrors ?? 0)) {
    return { alias: input.alias, swapped: false, ...totals, worstShard: worst?.shard ?? null };
  }
  const { previous } = await swapAlias({ alias: input.alias, index });
  return { alias: input.alias, swapped: true, ...totals, previous };
});
