import { lambda, workflow } from '@typestep/dsl';

interface Watch { userId: string; symbol: string; above?: number; below?: number }
interface Quote { symbol: string; price: number; change24h: number }

const getQuotes = lambda<{ symbols: string[] }, Quote[]>('${QuotesArn}');
const push = lambda<{ userId: string; title: string; body: string }, { delivered: boolean }>('${PushArn}', {
  retry: { errors: ['States.ALL'], maxAttempts: 2, intervalSeconds: 1 },
});

const fmt = (n: number) => (n >= 1000 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3));

export const priceAlerts = workflow('PriceAlerts', async (input: { watches: Watch[] }) => {
  const symbols = Array.from(new Set(input.watches.map((w) => w.symbol.toUpperCase())));
  const quotes = await getQuotes({ symbols });
  const bySymbol = Object.fromEntries(quotes.map((q) => [q.symbol, q]));
  const alerts: { userId: string; title: string; body: string }[] = [];
  for (const watch of input.watches) {
    const quote = bySymbol[watch.symbol.toUpperCase()];
    if (!quote) continue;
    const crossedUp = watch.above !== undefined && quote.price > watch.above;
    const crossedDown = watch.below !== undefined && quote.price < watch.below;
    if (!crossedUp && !crossedDown) continue;
    const arrow = quote.change24h >= 0 ? '▲' : '▼';
    alerts.push({
      userId: watch.userId,
      title: `${quote.symbol} ${crossedUp ? 'above' : 'below'} ${fmt(crossedUp ? watch.above! : watch.below!)}`,
      body: `${quote.symbol} is at ${fmt(quote.price)} (${arrow} ${Math.abs(quote.change24h).toFixed(1)}%)`,
    });
  }
  let delivered = 0;
  const failedUsers: string[] = [];
  for (const alert of alerts) {
    try {
      const r = await push(alert);
      if (r.delivered) delivered++;
    } catch {
      failedUsers.push(alert.userId);
    }
  }
  return { symbols, alerts: alerts.map((a) => a.title), delivered, failedUsers };
});
