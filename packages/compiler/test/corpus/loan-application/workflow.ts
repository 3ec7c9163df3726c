import { callback, lambda, workflow, WorkflowError } from '@typestep/dsl';

interface Application { id: string; applicant: { name: string; income: number; debts: number[] }; amount: number; termMonths: number }
interface CreditReport { score: number; bankruptcies: number }

class Declined extends WorkflowError {}

const creditCheck = lambda<{ name: string }, CreditReport>('${CreditCheckArn}');
const underwriter = callback<{ FunctionName: string; Payload: { token: string; applicationId: string; reason: string } }, { approve: boolean; rate?: number }>(
  'arn:aws:states:::lambda:invoke.waitForTaskToken',
  { name: 'Ask underwriter', timeoutSeconds: 2 * 24 * 60 * 60 },
);
const record = lambda<{ id: string; decision: string; rate: number | null; monthly: number | null }, void>('${RecordArn}');

function monthlyPayment(principal: number, annualRate: number, months: number): number {
  const r = annualRate / 12;
  if (r === 0) return principal / months;
  return (principal * r) / (1 - Math.pow(1 + r, -months));
}

export const processLoan = workflow('LoanApplication', async (app: Application) => {
  const totalDebt = app.applicant.debts.reduce((a, b) => a + b, 0);
  const dti = totalDebt / (app.applicant.income / 12);
  try {
    const report = await creditCheck({ name: app.applicant.name });
    if (report.bankruptcies > 0) throw new Declined('bankruptcy on file');
    let rate: number;
    if (report.score >= 760 && dti < 0.3) {
      rate = 0.049;
    } else if (report.score >= 680) {
      const answer = await underwriter((token) => ({ FunctionName: '${UnderwriterFn}', Payload: { token, applicationId: app.id, reason: `score ${report.score}, dti ${dti.toFixed(2)}` } }));
      if (!answer.approve) throw new Declined('underwriter declined');
      rate = answer.rate ?? 0.079;
    } else {
      throw new Declined(`score ${report.score} too low`);
    }
    const monthly = Math.round(monthlyPayment(app.amount, rate, app.termMonths) * 100) / 100;
    await record({ id: app.id, decision: 'approved', rate, monthly });
    return { id: app.id, approved: true, rate, monthly };
  } catch (err) {
    if (err instanceof Declined) {
      await record({ id: app.id, decision: 'declined', rate: null, monthly: null });
      return { id: app.id, approved: false, reason: err.message };
    }
    throw err;
  }
});
