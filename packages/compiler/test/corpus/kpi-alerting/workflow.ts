import { lambda, sns, workflow } from '@typestep/dsl';

interface Metric { name: string; values: number[]; unit: 'ms' | 'count' | 'percent' }
interface Threshold { metric: string; op: '>' | '<'; value: number; severity: 'warn' | 'page' }

const fetchMetrics = lambda<{ window: string }, { metrics: Metric[] }>('${FetchMetricsArn}');
const alert = sns.publish({ name: 'Send alert' });

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
};

export const checkKpis = workflow('KpiAlerting', async (input: { window: string; thresholds: Threshold[] }) => {
  const { metrics } = await fetchMetrics({ window: input.window });
  const stats = new Map(metrics.map((m) => [m.name, { p95: percentile(m.values, 95), avg: m.values.length ? m.values.reduce((a, b) => a + b) / m.values.length : 0, unit: m.unit }]));
  const breaches: string[] = [];
  let pages = 0;
  for (const t of input.thresholds) {
    const s = stats.get(t.metric);
    if (!s) {
      breaches.push(`${t.metric}: no data`);
      continue;
    }
    const observed = t.metric.endsWith('latency') ? s.p95 : s.avg;
    const breached = t.op === '>' ? observed > t.value : observed < t.value;
    if (!breached) continue;
    const text = `${t.metric} ${observed.toFixed(1)}${s.unit === 'percent' ? '%' : s.unit === 'ms' ? 'ms' : ''} ${t.op} ${t.value}`;
    breaches.push(text);
    if (t.severity === 'page') {
      await alert({ TopicArn: '${PagerTopicArn}', Subject: `[PAGE] ${t.metric}`, Message: text });
      pages++;
    }
  }
  if (breaches.length > 0 && pages === 0) {
    await alert({ TopicArn: '${WarnTopicArn}', Subject: `${breaches.length} KPI warning(s)`, Message: breaches.join('\n') });
  }
  return { window: input.window, breaches, pages };
});
