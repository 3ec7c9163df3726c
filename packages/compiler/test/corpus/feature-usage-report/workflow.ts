import { lambda, workflow } from '@typestep/dsl';

interface UsageEvent { account: string; feature: string; count: number; day: string }

const fetchUsage = lambda<{ month: string }, { events: UsageEvent[] }>('${UsageArn}');
const publishReport = lambda<{ title: string; table: string[][] }, { url: string }>('${PublishArn}');

export const usageReport = workflow('FeatureUsageReport', async (input: { month: string; top?: number }) => {
  const { events } = await fetchUsage({ month: input.month });
  const perFeature: { [feature: string]: { total: number; accounts: Set<string>; days: Set<string> } } = {};
  for (const e of events) {
    if (!perFeature[e.feature]) perFeature[e.feature] = { total: 0, accounts: new Set(), days: new Set() };
    perFeature[e.feature].total += e.count;
    perFeature[e.feature].accounts.add(e.account);
    perFeature[e.feature].days.add(e.day);
  }
  const rows = Object.entries(perFeature)
    .map(([feature, s]) => ({ feature, total: s.total, accounts: s.accounts.size, activeDays: s.days.size }))
    .sort((a, b) => b.total - a.total || a.feature.localeCompare(b.feature))
    .slice(0, input.top ?? 5);
  const table = [['Feature', 'Uses', 'Accounts', 'Days'], ...rows.map((r) => [r.feature, r.total.toLocaleString('en-US'), String(r.accounts), String(r.activeDays)])];
  const { url } = await publishReport({ title: `Feature usage ${input.month}`, table });
  return { url, features: rows.map((r) => r.feature) };
});
