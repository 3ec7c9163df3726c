import { callback, lambda, workflow, WorkflowError } from '@typestep/dsl';

type Reason = 'fraud' | 'not_received' | 'duplicate' | 'other';
interface Dispute { id: string; chargeId: string; amount: number; reason: Reason; openedAt: string }
interface Evidence { trackingNumber?: string; signedBy?: string; customerEmails: number }

const gatherEvidence = lambda<{ chargeId: string }, Evidence>('${EvidenceArn}');
const reviewByAgent = callback<{ QueueUrl: string; MessageBody: { taskToken: string; disputeId: string; summary: string } }, { submit: boolean; notes: string }>(
  'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
  { name: 'Agent review', timeoutSeconds: 5 * 24 * 3600, heartbeatSeconds: 24 * 3600 },
);
const submitResponse = lambda<{ disputeId: string; evidence: Evidence; notes: string }, { status: 'submitted' }>('${SubmitArn}', { retry: { errors: ['ProviderError'], maxAttempts: 3 } });
const acceptLoss = lambda<{ disputeId: string }, void>('${AcceptArn}');

class NoEvidence extends Error {}

function score(reason: Reason, e: Evidence): number {
  let s = 0;
  if (e.trackingNumber) s += reason === 'not_received' ? 50 : 20;
  if (e.signedBy) s += 30;
  s += Math.min(e.customerEmails, 4) * 5;
  if (reason === 'fraud') s -= 10;
  return Math.max(0, Math.min(100, s));
}

export const handleDispute = workflow('ChargebackDispute', async (dispute: Dispute) => {
  const evidence = await gatherEvidence({ chargeId: dispute.chargeId });
  const strength = score(dispute.reason, evidence);
  try {
    if (strength < 25) throw new NoEvidence(`strength ${strength}`);
    let notes = `auto: strength ${strength}`;
    if (dispute.amount >= 500 || strength < 60) {
      const review = await reviewByAgent((taskToken) => ({
        QueueUrl: '${ReviewQueueUrl}',
        MessageBody: { taskToken, disputeId: dispute.id, summary: `${dispute.reason} $${dispute.amount.toFixed(2)}, strength ${strength}` },
      }));
      if (!review.submit) throw new NoEvidence(review.notes);
      notes = review.notes;
    }
    const { status } = await submitResponse({ disputeId: dispute.id, evidence, notes });
    return { id: dispute.id, status, strength };
  } catch (e) {
    if (e instanceof NoEvidence) {
      await acceptLoss({ disputeId: dispute.id });
      return { id: dispute.id, status: 'accepted', strength, why: e.message };
    }
    if (e instanceof WorkflowError && e.name === 'States.Timeout') {
      await acceptLoss({ disputeId: dispute.id });
      return { id: dispute.id, status: 'accepted', strength, why: 'no agent answer' };
    }
    throw e;
  }
});
