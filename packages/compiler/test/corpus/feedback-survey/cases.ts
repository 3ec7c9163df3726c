import { sendTaskSuccess } from '@typestep/runtime';
import type { CorpusCase } from '../corpus-case.js';

const customer = (answer: object | null) => () => ({
  'Ask for feedback': (request: any) => {
    if (answer) setTimeout(() => sendTaskSuccess(request.Message.token, answer), 1);
    return {};
  },
  'Save answer': () => ({}),
});
const request = { customerId: 'c1', orderId: 'o1', email: 'ann@example.com' };

export const cases: CorpusCase[] = [
  { name: 'promoter', input: request, handlers: customer({ score: 10, comment: 'great' }), expected: { output: { orderId: 'o1', answered: true, category: 'promoter' } } },
  { name: 'detractor without comment', input: request, handlers: customer({ score: 3 }), expected: { output: { orderId: 'o1', answered: true, category: 'detractor' } } },
  { name: 'no answer within a week', input: request, handlers: customer(null), expected: { output: { orderId: 'o1', answered: false } } },
  { name: 'score out of range', input: request, handlers: customer({ score: 11 }), expected: { error: 'InvalidScore' } },
];
