import { sendTaskSuccess } from '@typestep/runtime';
import type { CorpusCase } from '../corpus-case.js';

const applicant = { customerId: 'c1', documentKey: 'doc.jpg', selfieKey: 'me.jpg', country: 'DE' };
const reviewer = (verdict: string) => (request: any) => {
  setTimeout(() => sendTaskSuccess(request.MessageBody.token, { verdict }), 1);
  return {};
};
const handlers = (id: object, hits: string[] = [], verdict = 'pass') => () => ({
  '${CheckDocumentArn}': () => ({ match: 0.97, documentValid: true, ...id }),
  '${SanctionsArn}': () => ({ hits }),
  'Manual review': reviewer(verdict),
});

export const cases: CorpusCase[] = [
  { name: 'clean', input: applicant, handlers: handlers({ expires: '2030-01-01' }), expected: { output: { customerId: 'c1', status: 'VERIFIED', reviewed: false } } },
  { name: 'weak match, reviewer rejects', input: applicant, handlers: handlers({ match: 0.754, expires: '2024-01-31' }, [], 'fail'), expected: { output: { customerId: 'c1', status: 'REJECTED', reviewed: true, notes: ['face match 75%', 'expired 2024-01-31'] } } },
  { name: 'sanctions hit', input: applicant, handlers: handlers({}, ['OFAC SDN']), expected: { error: 'SanctionsHit' } },
];
