import { lambda, workflow } from '@typestep/dsl';

interface PriceFeed { feedUrl: string; currency: string; markupPercent?: number; channels: string[] }
interface FeedRow { sku: string; cost: string }

const fetchFeed = lambda<{ url: string }, { rows: FeedRow[]; etag: string }>('${FetchFeedArn}', { timeoutSeconds: 120 });
const pushPrices = lambda<{ channel: string; prices: { sku: string; price: number; currency: string }[] }, { accepted: number; rejected: string[] }>(
  '${PushPricesArn}',
  { retry: { errors: ['RateLimited'], maxAttempts: 2, intervalSeconds: 30 } },
);

export const syncPrices = workflow('SyncPrices', async (feed: PriceFeed) => {
  const { rows, etag } = await fetchFeed({ url: feed.feedUrl }, { retry: { maxAttempts: 5, intervalSeconds: 10, backoffRate: 2 } });
  const markup = 1 + (feed.markupPercent ?? 25) / 100;
  const prices = rows
    .map((row) => ({ sku: row.sku.trim().toUpperCase(), cost: Number(row.cost.replace(',', '.')) }))
    .filter((row) => row.sku !== '' && row.cost > 0)
    .map(({ sku, cost }) => ({ sku, price: Math.ceil(cost * markup) - 0.01, currency: feed.currency }));

  const summary: Record<string, { accepted: number; rejected: number }> = {};
  const allRejected: string[] = [];
  for (const channel of feed.channels) {
    const result = await pushPrices({ channel, prices }, channel === 'marketplace' ? { retry: { errors: ['RateLimited'], maxAttempts: 6, intervalSeconds: 60 } } : undefined);
    summary[channel] = { accepted: result.accepted, rejected: result.rejected.length };
    allRejected.push(...result.rejected);
  }
  return { etag, skus: prices.length, summary, rejected: [...new Set(allRejected)].sort() };
});
