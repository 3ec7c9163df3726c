import { lambda, workflow } from '@typestep/dsl';

interface Payout { vendorId: string; amountCents: number; currency: string; iban?: string }

const validateIban = lambda<{ iban: string }, { valid: boolean; bank: string }>('${ValidateIbanArn}');
const transfer = lambda<{ vendorId: string; iban: string; amountCents: number; currency: string }, { transferId: string }>('${TransferArn}');
const holdPayout = lambda<{ vendorId: string; reason: string }, void>('${HoldPayoutArn}');

async function payVendor(p: Payout): Promise<string> {
  if (!p.iban) throw new Error(`vendor ${p.vendorId} has no IBAN`);
  const iban = p.iban.replace(/\s+/g, '').toUpperCase();
  const check = await validateIban({ iban });
  if (!check.valid) throw new Error(`invalid IBAN for ${p.vendorId}`);
  const { transferId } = await transfer({ vendorId: p.vendorId, iban, amountCents: p.amountCents, currency: p.currency });
  return transferId;
}

export const payVendors = workflow('PayVendors', async (batch: { runId: string; payouts: Payout[] }) => {
  const outcomes = await Promise.allSettled(batch.payouts.map((p) => payVendor(p)));
  const paid: string[] = [];
  const held: string[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    const vendorId = batch.payouts[i].vendorId;
    if (outcome.status === 'fulfilled') {
      paid.push(outcome.value);
    } else {
      held.push(vendorId);
      await holdPayout({ vendorId, reason: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason) });
    }
  }
  const totalPaid = batch.payouts.filter((p) => !held.includes(p.vendorId)).reduce((n, p) => n + p.amountCents, 0);
  return { runId: batch.runId, paid, held, totalPaid };
});
