import { lambda } from '@typestep/dsl';

export interface Transaction { date: string; amountCents: number; category: string; vatRate?: number }

export const fetchTransactions = lambda<{ companyId: string; quarter: string }, { transactions: Transaction[] }>('${FetchTransactionsArn}');
export const submitReturn = lambda<{ companyId: string; quarter: string; vatDueCents: number; lines: Record<string, number> }, { receipt: string }>(
  '${SubmitReturnArn}',
  { name: 'Submit VAT return', retry: { errors: ['Gateway.Busy'], maxAttempts: 3, intervalSeconds: 60 } },
);
export const archive = lambda<{ key: string; content: string }, void>('${ArchiveArn}');

/** Submits and archives the receipt: one step as far as the workflow is concerned. */
export async function fileAndArchive(companyId: string, quarter: string, vatDueCents: number, lines: Record<string, number>): Promise<string> {
  const { receipt } = await submitReturn({ companyId, quarter, vatDueCents, lines });
  await archive({ key: `vat/${companyId}/${quarter}.json`, content: JSON.stringify({ receipt, vatDueCents }) });
  return receipt;
}
