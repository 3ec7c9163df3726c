import { sendTaskSuccess } from '@typestep/runtime';
import { failure, type CorpusCase } from '../corpus-case.js';

const dispute = { id: 'd1', chargeId: 'ch1', amount: 120, reason: 'not_received', openedAt: '2025-01-01' };
const handlers = (evidence: object, review?: object, submitFails = 0) => () => {
  let submits = 0;
  return {
    '${EvidenceArn}': () => evidence,
    'Agent review': (req: any) => { if (review) setTimeout(() => sendTaskSuccess(req.MessageBody.taskToken, review), 1); return {}; },
    '${SubmitArn}': () => { if (submits++ < submitFails) throw failure('ProviderError', 'try again'); return { status: 'submitted' }; },
    '${AcceptArn}': () => undefined,
  };
};

export const cases: CorpusCase[] = [
  { name: 'strong evidence, automatic', input: dispute, handlers: handlers({ trackingNumber: 'T', signedBy: 'X', customerEmails: 2 }), expected: { output: { id: 'd1', status: 'submitted', strength: 90 } } },
  { name: 'weak evidence', input: dispute, handlers: handlers({ customerEmails: 1 }), expected: { output: { id: 'd1', status: 'accepted', strength: 5, why: 'strength 5' } } },
  { name: 'agent submits after retries', input: { ...dispute, amount: 900 }, handlers: handlers({ trackingNumber: 'T', customerEmails: 0 }, { submit: true, notes: 'photo attached' }, 2), expected: { output: { id: 'd1', status: 'submitted', strength: 50 } } },
  { name: 'agent gives up', input: { ...dispute, reason: 'fraud' }, handlers: handlers({ trackingNumber: 'T', signedBy: 'Y', customerEmails: 0 }, { submit: false, notes: 'customer right' }), expected: { output: { id: 'd1', status: 'accepted', strength: 40, why: 'customer right' } } },
  { name: 'agent silent', input: { ...dispute, amount: 700 }, handlers: handlers({ trackingNumber: 'T', signedBy: 'Y', customerEmails: 4 }), expected: { output: { id: 'd1', status: 'accepted', strength: 100, why: 'no agent answer' } } },
];
