import { lambda, workflow, WorkflowError } from '@typestep/dsl';

interface Claim { claimId: string; policyId: string; amount: number; incidentDate: string; photos: string[]; policeReport?: string }

const loadPolicy = lambda<{ policyId: string }, { active: boolean; deductible: number; coverageLimit: number; startDate: string }>('${LoadPolicyArn}');
const assessPhoto = lambda<{ key: string }, { damage: number }>('${AssessPhotoArn}');
const verifyReport = lambda<{ reportId: string }, { valid: boolean }>('${VerifyPoliceReportArn}');
const payout = lambda<{ claimId: string; amount: number }, { transferId: string }>('${PayoutArn}');

export const settleClaim = workflow('SettleClaim', async (claim: Claim) => {
  const [policy, damage, reportOk] = await Promise.all([
    loadPolicy({ policyId: claim.policyId }),
    (async () => {
      let total = 0;
      for (const key of claim.photos) total += (await assessPhoto({ key })).damage;
      return claim.photos.length ? total / claim.photos.length : 0;
    })(),
    (async () => (claim.policeReport ? (await verifyReport({ reportId: claim.policeReport })).valid : null))(),
  ]);
  if (!policy.active || claim.incidentDate < policy.startDate) throw new WorkflowError('NotCovered', `policy ${claim.policyId} did not cover ${claim.incidentDate}`);
  if (reportOk === false) throw new WorkflowError('ReportInvalid', claim.policeReport);

  const assessed = Math.min(claim.amount, damage * 100, policy.coverageLimit);
  const payable = Math.max(0, Math.round(assessed - policy.deductible));
  const decision = { ...claim, photos: claim.photos.length, assessed, payable };
  if (payable === 0) return { ...decision, status: 'BELOW_DEDUCTIBLE' };
  const { transferId } = await payout({ claimId: claim.claimId, amount: payable });
  return { ...decision, status: 'PAID', transferId };
});
