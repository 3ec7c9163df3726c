import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const rows = [
  { sku: ' ab-1 ', cost: '10,00' },
  { sku: 'cd-2', cost: '3.2' },
  { sku: '', cost: '5' },
  { sku: 'ef-3', cost: 'n/a' },
];
const push = (i: any) => ({ accepted: i.prices.length - (i.channel === 'shop' ? 0 : 1), rejected: i.channel === 'shop' ? [] : ['CD-2'] });
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${FetchFeedArn}': () => ({ rows, etag: 'v7' }),
  '${PushPricesArn}': push,
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'two channels', input: { feedUrl: 'https://feed', currency: 'EUR', channels: ['shop', 'marketplace'] }, handlers: handlers(), expected: { output: { etag: 'v7', skus: 2, summary: { shop: { accepted: 2, rejected: 0 }, marketplace: { accepted: 1, rejected: 1 } }, rejected: ['CD-2'] } } },
  { name: 'feed flaky, marketplace rate limited', input: { feedUrl: 'https://feed', currency: 'USD', markupPercent: 10, channels: ['marketplace'] }, handlers: handlers({ '${FetchFeedArn}': flaky(3, 'FeedTimeout', () => ({ rows, etag: 'v8' })), '${PushPricesArn}': flaky(4, 'RateLimited', push) }), expected: { output: { etag: 'v8', skus: 2, summary: { marketplace: { accepted: 1, rejected: 1 } }, rejected: ['CD-2'] } } },
  { name: 'shop rate limit exhausts retries', input: { feedUrl: 'https://feed', currency: 'EUR', channels: ['shop'] }, handlers: handlers({ '${PushPricesArn}': flaky(4, 'RateLimited', push) }), expected: { error: 'RateLimited' } },
  { name: 'no channels', input: { feedUrl: 'https://feed', currency: 'EUR', channels: [] }, handlers: handlers(), expected: { output: { etag: 'v7', skus: 2, summary: {}, rejected: [] } } },
];
