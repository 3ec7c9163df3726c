import { sendTaskSuccess } from '@typestep/runtime';
import type { CorpusCase } from '../corpus-case.js';

const expense = { id: 'e-1', employee: 'ann', manager: 'bob', amount: 240, currency: 'EUR', description: 'conference' };
const answer = (decision: unknown) => (request: any) => {
  setTimeout(() => sendTaskSuccess(request.MessageBody.token, decision), 1);
  return {};
};
const handlers = (manager: unknown, finance: unknown = answer({ approved: true, approver: 'finance' })) => () => ({
  'Ask manager': manager as any,
  'Ask finance': finance as any,
  '${ReimburseArn}': (i: any) => ({ payoutId: `p-${i.employee}-${i.amount}` }),
  'Tell employee': () => ({}),
});

export const cases: CorpusCase[] = [
  { name: 'manager approves', input: expense, handlers: handlers(answer({ approved: true, approver: 'bob' })), expected: { output: { id: 'e-1', status: 'paid', by: 'bob', payoutId: 'p-ann-240' } } },
  { name: 'manager rejects', input: expense, handlers: handlers(answer({ approved: false, approver: 'bob' })), expected: { output: { id: 'e-1', status: 'rejected', by: 'bob' } } },
  { name: 'manager silent, finance approves', input: expense, handlers: handlers(() => ({})), expected: { output: { id: 'e-1', status: 'paid', by: 'finance', payoutId: 'p-ann-240' } } },
  { name: 'small amounts are automatic', input: { ...expense, amount: 12.5 }, handlers: handlers(() => ({})), expected: { output: { id: 'e-1', status: 'paid', by: 'auto', payoutId: 'p-ann-12.5' } } },
];
