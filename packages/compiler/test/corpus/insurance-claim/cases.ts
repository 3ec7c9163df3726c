import { failure, type CorpusCase } from '../corpus-case.js';

const damage: Record<string, number> = { 'front.jpg': 30, 'side.jpg': 20.5 };
const handlers = (policy: object = {}, overrides: Record<string, unknown> = {}) => () => ({
  '${LoadPolicyArn}': () => ({ active: true, deductible: 500, coverageLimit: 10000, startDate: '2023-01-01', ...policy }),
  '${AssessPhotoArn}': (i: any) => ({ damage: damage[i.key] ?? 0 }),
  '${VerifyPoliceReportArn}': (i: any) => ({ valid: i.reportId.startsWith('PR-') }),
  '${PayoutArn}': (i: any) => ({ transferId: `tr-${i.claimId}-${i.amount}` }),
  ...overrides,
});
const claim = { claimId: 'cl1', policyId: 'p1', amount: 4000, incidentDate: '2024-02-02', photos: ['front.jpg', 'side.jpg'] };

export const cases: CorpusCase[] = [
  { name: 'paid', input: { ...claim, policeReport: 'PR-77' }, handlers: handlers(), expected: { output: { claimId: 'cl1', policyId: 'p1', amount: 4000, incidentDate: '2024-02-02', photos: 2, policeReport: 'PR-77', assessed: 2525, payable: 2025, status: 'PAID', transferId: 'tr-cl1-2025' } } },
  { name: 'no photos is below the deductible', input: { ...claim, photos: [] }, handlers: handlers(), expected: { output: { claimId: 'cl1', policyId: 'p1', amount: 4000, incidentDate: '2024-02-02', photos: 0, assessed: 0, payable: 0, status: 'BELOW_DEDUCTIBLE' } } },
  { name: 'before the policy started', input: claim, handlers: handlers({ startDate: '2024-03-01' }), expected: { error: 'NotCovered' } },
  { name: 'forged police report', input: { ...claim, policeReport: 'XX-1' }, handlers: handlers(), expected: { error: 'ReportInvalid' } },
  { name: 'payout bank error', input: claim, handlers: handlers({}, { '${PayoutArn}': () => { throw failure('BankRejected', 'iban'); } }), expected: { error: 'BankRejected' } },
];
