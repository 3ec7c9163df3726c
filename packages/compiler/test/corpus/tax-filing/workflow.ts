import { workflow, WorkflowError } from '@typestep/dsl';
import { quarterRange, vatOf } from './helpers.js';
import { fetchTransactions, fileAndArchive } from './tasks.js';

export const fileVatReturn = workflow('FileVatReturn', async (input: { companyId: string; quarter: string; dryRun?: boolean }) => {
  if (!/^\d{4}-Q[1-4]$/.test(input.quarter)) throw new WorkflowError('BadQuarter', input.quarter);
  const { from, to } = quarterRange(input.quarter);
  const { transactions } = await fetchTransactions({ companyId: input.companyId, quarter: input.quarter });
  const inQuarter = transactions.filter((t) => t.date >= from && t.date <= to);

  const lines: Record<string, number> = {};
  let vatDueCents = 0;
  for (const t of inQuarter) {
    const vat = vatOf(t);
    const sign = t.category === 'purchase' ? -1 : 1;
    lines[t.category] = (lines[t.category] ?? 0) + sign * vat;
    vatDueCents += sign * vat;
  }
  if (input.dryRun) return { from, to, vatDueCents, lines, receipt: null };
  const receipt = await fileAndArchive(input.companyId, input.quarter, vatDueCents, lines);
  return { from, to, vatDueCents, lines, receipt };
});
