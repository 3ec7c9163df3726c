import { sendTaskSuccess } from '@typestep/runtime';
import type { CorpusCase } from '../corpus-case.js';

const signing = (answers: Record<string, object | 'silent'>) => () => ({
  'Request signature': (request: any) => {
    const answer = answers[request.Message.email];
    if (answer !== 'silent') setTimeout(() => sendTaskSuccess(request.Message.token, answer), 1);
    return {};
  },
  '${SealDocumentArn}': (i: any) => ({ sealedKey: `${i.documentKey}.sealed-${i.signatures.length}` }),
  'Announce contract': () => ({}),
});
const contract = { contractId: 'k1', documentKey: 'k1.pdf', signers: [{ email: 'cfo@us', role: 'cfo' }, { email: 'buyer@them', role: 'customer' }] };

export const cases: CorpusCase[] = [
  { name: 'both sign, customer first', input: contract, handlers: signing({ 'buyer@them': { signed: true, signedAt: '2024-05-01' }, 'cfo@us': { signed: true } }), expected: { output: { contractId: 'k1', status: 'SIGNED', sealedKey: 'k1.pdf.sealed-2', order: ['buyer@them', 'cfo@us'] } } },
  { name: 'customer declines', input: contract, handlers: signing({ 'buyer@them': { signed: false, declineReason: 'price' } }), expected: { output: { contractId: 'k1', status: 'DECLINED', by: 'buyer@them', reason: 'price' } } },
  { name: 'cfo never answers', input: contract, handlers: signing({ 'buyer@them': { signed: true }, 'cfo@us': 'silent' }), expected: { output: { contractId: 'k1', status: 'EXPIRED', waitingFor: 'cfo@us', signed: 1 } } },
  { name: 'no signers', input: { ...contract, signers: [] }, handlers: signing({}), expected: { error: 'NoSigners' } },
];
