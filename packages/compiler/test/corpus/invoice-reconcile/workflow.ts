import { lambda, workflow } from '@typestep/dsl';

interface LedgerEntry { ref: string; amountCents: number; currency: string }
interface BankLine { reference: string; amount: string; currency: string; date: string }

const loadLedger = lambda<{ day: string }, LedgerEntry[]>('${LedgerArn}');
const loadStatement = lambda<{ day: string; account: string }, { lines: BankLine[] }>('${StatementArn}');
const raise = lambda<{ kind: string; ref: string; detail: string }, { ticket: string }>('${TicketArn}');

export const reconcile = workflow('Reconcile', async (input: { day: string; account: string; tolerance?: number }) => {
  const [ledger, statement] = await Promise.all([loadLedger({ day: input.day }), loadStatement({ day: input.day, account: input.account })]);
  const tolerance = input.tolerance ?? 0;
  const byRef: Record<string, LedgerEntry> = {};
  for (const e of ledger) byRef[e.ref.toUpperCase()] = e;
  const matched: string[] = [];
  const problems: { kind: string; ref: string; detail: string }[] = [];
  for (const line of statement.lines) {
    const ref = line.reference.replace(/^REF[-:\s]*/i, '').toUpperCase();
    const entry = byRef[ref];
    const cents = Math.round(parseFloat(line.amount) * 100);
    if (!entry) {
      problems.push({ kind: 'unknown', ref, detail: `${line.amount} ${line.currency}` });
      continue;
    }
    delete byRef[ref];
    if (entry.currency !== line.currency) problems.push({ kind: 'currency', ref, detail: `${entry.currency} vs ${line.currency}` });
    else if (Math.abs(entry.amountCents - cents) > tolerance) problems.push({ kind: 'amount', ref, detail: `${entry.amountCents} vs ${cents}` });
    else matched.push(ref);
  }
  for (const ref of Object.keys(byRef)) problems.push({ kind: 'missing', ref, detail: 'not on statement' });
  const tickets: string[] = [];
  for (const p of problems.filter((p) => p.kind !== 'unknown')) {
    const { ticket } = await raise(p);
    tickets.push(ticket);
  }
  return { matched: matched.length, problems: problems.map((p) => `${p.kind}:${p.ref}`), tickets };
});
