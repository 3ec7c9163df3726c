import { lambda, sleep, workflow } from '@typestep/dsl';

const listPending = lambda<{ after?: string; limit: number }, { ids: string[]; next?: string }>('${ListArn}');
const backfill = lambda<{ ids: string[] }, { ok: string[]; throttled: string[] }>('${BackfillArn}');

export const runBackfill = workflow('Backfill', async (input: { batchSize: number; maxRounds: number }) => {
  let after: string | undefined;
  let done = 0;
  let pauses = 0;
  const retryQueue: string[] = [];
  for (let round = 1; round <= input.maxRounds; round++) {
    const page = await listPending({ after, limit: input.batchSize });
    const batch = [...retryQueue.splice(0, retryQueue.length), ...page.ids];
    if (batch.length === 0) break;
    const { ok, throttled } = await backfill({ ids: batch });
    done += ok.length;
    if (throttled.length) {
      retryQueue.push(...throttled);
      pauses++;
      await sleep(Math.min(2 ** pauses, 60));
    }
    if (!page.next && retryQueue.length === 0) break;
    after = page.next ?? after;
  }
  return { done, leftover: retryQueue.length, pauses };
});
