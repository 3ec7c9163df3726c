import { callback, lambda, workflow, WorkflowError } from '@typestep/dsl';

interface Applicant { customerId: string; documentKey: string; selfieKey: string; country: string }
interface IdCheck { match: number; documentValid: boolean; expires?: string }

const checkDocument = lambda<{ documentKey: string; selfieKey: string }, IdCheck>('${CheckDocumentArn}');
const sanctionsScreen = lambda<{ customerId: string; country: string }, { hits: string[] }>('${SanctionsArn}');
const manualReview = callback<{ QueueUrl: string; MessageBody: { token: string; customerId: string; notes: string[] } }, { verdict: 'pass' | 'fail' }>(
  'arn:aws:states:::sqs:sendMessage',
  { name: 'Manual review', timeoutSeconds: 2 * 24 * 3600, heartbeatSeconds: 3600 },
);

export const verifyScreening = workflow('VerifyScreening', async (a: Applicant) => {
  const [id, sanctions] = await Promise.all([checkDocument({ documentKey: a.documentKey, selfieKey: a.selfieKey }), sanctionsScreen({ customerId: a.customerId, country: a.country })]);
  const notes: string[] = [];
  if (!id.documentValid) notes.push('document invalid');
  if (id.match < 0.9) notes.push(`face match ${(id.match * 100).toFixed(0)}%`);
  if (id.expires && id.expires < '2024-07-01') notes.push(`expired ${id.expires}`);
  notes.push(...sanctions.hits.map((h) => `sanctions: ${h}`));
  return { notes };
});

export const main = workflow('VerifyCustomer', async (a: Applicant) => {
  const { notes } = await verifyScreening(a);
  if (notes.length === 0) return { customerId: a.customerId, status: 'VERIFIED', reviewed: false };
  if (notes.some((n) => n.startsWith('sanctions'))) throw new WorkflowError('SanctionsHit', notes.join('; '));
  const { verdict } = await manualReview((token) => ({ QueueUrl: '${KycReviewQueueUrl}', MessageBody: { token, customerId: a.customerId, notes } }));
  return { customerId: a.customerId, status: verdict === 'pass' ? 'VERIFIED' : 'REJECTED', reviewed: true, notes };
});
