import { lambda, workflow } from '@typestep/dsl';

interface Account { accountId: string; limit: number; history?: { latePayments?: number; utilisation?: number[] }; bureau?: { score?: number } }

const fetchBureau = lambda<{ accountId: string }, { score: number | null; defaults?: number }>('${FetchBureauArn}');
const setLimit = lambda<{ accountId: string; limit: number; reason: string }, { effectiveFrom: string }>('${SetLimitArn}');

export const reviewCreditLimit = workflow('ReviewCreditLimit', async (account: Account) => {
  const late = account.history?.latePayments ?? 0;
  const util = account.history?.utilisation ?? [];
  const avgUtil = util.length ? util.reduce((a, b) => a + b, 0) / util.length : null;
  const score = account.bureau?.score ?? (await fetchBureau({ accountId: account.accountId })).score;

  let factor = 1;
  const reasons: string[] = [];
  if (score === null) reasons.push('no bureau score');
  else if (score >= 750 && late === 0) {
    factor = avgUtil !== null && avgUtil > 0.7 ? 1.5 : 1.2;
    reasons.push(`score ${score}`);
  } else if (score < 550 || late > 2) {
    factor = 0.5;
    reasons.push(late > 2 ? `${late} late payments` : `score ${score}`);
  }
  const newLimit = Math.round((account.limit * factor) / 100) * 100;
  if (newLimit === account.limit) return { accountId: account.accountId, changed: false, limit: account.limit, reasons };
  const { effectiveFrom } = await setLimit({ accountId: account.accountId, limit: newLimit, reason: reasons.join(', ') || 'review' });
  return { accountId: account.accountId, changed: true, limit: newLimit, previous: account.limit, effectiveFrom, utilisation: avgUtil?.toFixed(2) ?? 'n/a' };
});
