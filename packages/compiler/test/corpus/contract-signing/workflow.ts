import { callback, lambda, sns, workflow, WorkflowError } from '@typestep/dsl';

interface Contract { contractId: string; documentKey: string; signers: { email: string; role: 'customer' | 'legal' | 'cfo' }[] }
type Signature = { signed: boolean; signedAt?: string; declineReason?: string };

const requestSignature = callback<{ TopicArn: string; Message: { token: string; contractId: string; email: string; role: string } }, Signature>(
  'arn:aws:states:::sns:publish',
  { name: 'Request signature', timeoutSeconds: 604800 },
);
const sealDocument = lambda<{ documentKey: string; signatures: { email: string; at: string }[] }, { sealedKey: string }>('${SealDocumentArn}');
const announce = sns.publish({ name: 'Announce contract' });

const ORDER = { customer: 0, legal: 1, cfo: 2 } as const;

export const signContract = workflow('SignContract', async (contract: Contract) => {
  if (contract.signers.length === 0) throw new WorkflowError('NoSigners', contract.contractId);
  const ordered = [...contract.signers].sort((a, b) => ORDER[a.role] - ORDER[b.role]);
  const signatures: { email: string; at: string }[] = [];
  for (const signer of ordered) {
    let answer: Signature;
    try {
      answer = await requestSignature((token) => ({ TopicArn: '${SignaturesTopicArn}', Message: { token, contractId: contract.contractId, email: signer.email, role: signer.role } }));
    } catch (err) {
      if (err instanceof WorkflowError && err.name === 'States.Timeout') return { contractId: contract.contractId, status: 'EXPIRED', waitingFor: signer.email, signed: signatures.length };
      throw err;
    }
    if (!answer.signed) return { contractId: contract.contractId, status: 'DECLINED', by: signer.email, reason: answer.declineReason ?? null };
    signatures.push({ email: signer.email, at: answer.signedAt ?? 'unknown' });
  }
  const { sealedKey } = await sealDocument({ documentKey: contract.documentKey, signatures });
  await announce({ TopicArn: '${ContractsTopicArn}', Message: { contractId: contract.contractId, sealedKey } });
  return { contractId: contract.contractId, status: 'SIGNED', sealedKey, order: signatures.map((s) => s.email) };
});
