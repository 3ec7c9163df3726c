import { lambda, sns, workflow } from '@typestep/dsl';

interface LedgerEntry { txId: string; amountCents: number; currency: string }
interface ReconcileRequest { date: string; toleranceCents?: number }

const bankStatement = lambda<{ date: string }, { entries: LedgerEntry[] }>('${BankStatementArn}');
const internalLedger = lambda<{ date: string }, { entries: LedgerEntry[] }>('${InternalLedgerArn}');
const openCase = lambda<{ date: string; issues: string[] }, { caseId: string }>('${OpenCaseArn}');
const notifyFinance = sns.publish({ name: 'Notify finance' });

export const reconcile = workflow('NightlyReconciliation', async (req: ReconcileRequest) => {
  const [bank, ledger] = await Promise.all([bankStatement({ date: req.date }), internalLedger({ date: req.date })]);
  const tolerance = req.toleranceCents ?? 0;
  const bankById = new Map(bank.entries.map((e) => [e.txId, e] as const));
  const issues: string[] = [];
  let matched = 0;
  for (const entry of ledger.entries) {
    const other = bankById.get(entry.txId);
    if (!other) {
      issues.push(`missing at bank: ${entry.txId}`);
      continue;
    }
    bankById.delete(entry.txId);
    if (other.currency !== entry.currency) issues.push(`currency ${entry.txId}: ${entry.currency}/${other.currency}`);
    else if (Math.abs(other.amountCents - entry.amountCents) > tolerance) issues.push(`amount ${entry.txId}: ${entry.amountCents - other.amountCents}`);
    else matched++;
  }
  for (const txId of bankById.keys()) issues.push(`unknown at bank: ${txId}`);

  if (issues.length === 0) return { date: req.date, matched, issues: 0 };
  const { caseId } = await openCase({ date: req.date, issues });
  await notifyFinance({ TopicArn: '${FinanceTopicArn}', Subject: `Reconciliation ${req.date}: ${issues.length} issue(s)`, Message: issues.join('\n') });
  return { date: req.date, matched, issues: issues.length, caseId, first: issues[0] };
});
