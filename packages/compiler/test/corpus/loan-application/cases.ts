import { sendTaskSuccess } from '@typestep/runtime';
import { failure, type CorpusCase } from '../corpus-case.js';

const app = { id: 'L1', applicant: { name: 'Ann', income: 120000, debts: [500, 700] }, amount: 20000, termMonths: 36 };
const handlers = (report: object | Error, answer?: object) => () => ({
  '${CreditCheckArn}': () => { if (report instanceof Error) throw report; return report; },
  'Ask underwriter': (request: any) => {
    if (answer) setTimeout(() => sendTaskSuccess((request.Payload ?? request).token, answer), 1);
    return {};
  },
  '${RecordArn}': () => undefined,
});

export const cases: CorpusCase[] = [
  { name: 'prime borrower', input: app, handlers: handlers({ score: 800, bankruptcies: 0 }), expected: { output: { id: 'L1', approved: true, rate: 0.049, monthly: 598.52 } } },
  { name: 'underwriter approves', input: app, handlers: handlers({ score: 700, bankruptcies: 0 }, { approve: true, rate: 0.065 }), expected: { output: { id: 'L1', approved: true, rate: 0.065, monthly: 612.98 } } },
  { name: 'underwriter declines', input: app, handlers: handlers({ score: 700, bankruptcies: 0 }, { approve: false }), expected: { output: { id: 'L1', approved: false, reason: 'underwriter declined' } } },
  { name: 'bankruptcy', input: app, handlers: handlers({ score: 800, bankruptcies: 1 }), expected: { output: { id: 'L1', approved: false, reason: 'bankruptcy on file' } } },
  { name: 'low score', input: app, handlers: handlers({ score: 600, bankruptcies: 0 }), expected: { output: { id: 'L1', approved: false, reason: 'score 600 too low' } } },
  { name: 'bureau down', input: app, handlers: handlers(failure('BureauUnavailable', 'down')), expected: { error: 'BureauUnavailable' } },
];
