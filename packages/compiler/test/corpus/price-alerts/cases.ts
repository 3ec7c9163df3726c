import { failure, type CorpusCase } from '../corpus-case.js';

const quotes = [
  { symbol: 'BTC', price: 64250.5, change24h: 2.345 },
  { symbol: 'ETH', price: 3100.25, change24h: -1.05 },
  { symbol: 'DOGE', price: 0.123456, change24h: -7.5 },
];
const handlers = (failFor: string[] = []) => () => ({
  '${QuotesArn}': (i: any) => quotes.filter((q) => i.symbols.includes(q.symbol)),
  '${PushArn}': (a: any) => { if (failFor.includes(a.userId)) throw failure('PushFailed', 'gone'); return { delivered: true }; },
});
const watches = [
  { userId: 'u1', symbol: 'btc', above: 60000 },
  { userId: 'u2', symbol: 'ETH', below: 3000 },
  { userId: 'u3', symbol: 'doge', below: 0.15 },
  { userId: 'u4', symbol: 'XRP', above: 1 },
  { userId: 'u5', symbol: 'BTC', above: 70000, below: 65000 },
];

export const cases: CorpusCase[] = [
  { name: 'several alerts', input: { watches }, handlers: handlers(), expected: { output: { symbols: ['BTC', 'ETH', 'DOGE', 'XRP'], alerts: ['BTC above 60000', 'DOGE below 0.150', 'BTC below 65000'], delivered: 3, failedUsers: [] } } },
  { name: 'push fails for one user', input: { watches }, handlers: handlers(['u3']), expected: { output: { symbols: ['BTC', 'ETH', 'DOGE', 'XRP'], alerts: ['BTC above 60000', 'DOGE below 0.150', 'BTC below 65000'], delivered: 2, failedUsers: ['u3'] } } },
];
