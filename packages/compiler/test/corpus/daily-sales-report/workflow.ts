import { lambda, sns, workflow } from '@typestep/dsl';

interface Sale { site: string; amount: number; refunded?: boolean }
interface ReportRequest { date: string; sites?: string[] }

const fetchSales = lambda<{ from: string; to: string }, { sales: Sale[] }>('${FetchSalesArn}');
const storeReport = lambda<{ key: string; body: string }, { url: string }>('${StoreReportArn}');
const publish = sns.publish({ name: 'Publish report' });

export const dailySalesReport = workflow('DailySalesReport', async (request: ReportRequest) => {
  const day = new Date(`${request.date}T00:00:00.000Z`);
  const next = new Date(day.getTime() + 24 * 60 * 60 * 1000);
  const { sales } = await fetchSales({ from: day.toISOString(), to: next.toISOString() });

  const bySite: Record<string, { count: number; revenue: number }> = {};
  for (const sale of sales) {
    if (sale.refunded) continue;
    if (request.sites && !request.sites.includes(sale.site)) continue;
    const acc = bySite[sale.site] ?? { count: 0, revenue: 0 };
    acc.count += 1;
    acc.revenue += sale.amount;
    bySite[sale.site] = acc;
  }
  const rows = Object.entries(bySite)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([site, { count, revenue }]) => `${site}: ${count} sales, ${revenue.toFixed(2)}`);
  const total = Object.values(bySite).reduce((sum, s) => sum + s.revenue, 0);
  const body = [`Sales for ${request.date}`, ...rows, `Total: ${total.toFixed(2)}`].join('\n');

  const { url } = await storeReport({ key: `reports/${request.date}.txt`, body });
  await publish({ TopicArn: '${ReportsTopicArn}', Subject: `Daily sales ${request.date}`, Message: url });
  return { url, sites: Object.keys(bySite).length, total: Number(total.toFixed(2)) };
});
