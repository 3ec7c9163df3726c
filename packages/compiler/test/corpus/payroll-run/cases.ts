import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const employees = [
  { id: 'e1', name: 'Ann', salaryCents: 500000, hoursOvertime: 4, bank: 'DE01' },
  { id: 'e2', name: 'Bob', salaryCents: 420000 },
  { id: 'e3', name: 'Cem', salaryCents: 610050, bank: 'DE03' },
];
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${ComputeGrossArn}': (i: any) => ({ amount: i.salaryCents + i.overtime * 4000 }),
  '${ComputeTaxArn}': (i: any) => ({ withheld: Math.floor(i.gross * 0.3) }),
  'Queue bank transfer': () => ({}),
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'three employees', input: { month: '2024-05', employees }, handlers: handlers(), expected: { output: { month: '2024-05', totalGross: 1546050, totalTax: 463815, net: 1082235, payslips: ['Ann: 3612.00', 'Cem: 4270.35'], missingBank: ['Bob'] } } },
  { name: 'nobody to pay', input: { month: '2024-06', employees: [] }, handlers: handlers(), expected: { output: { month: '2024-06', totalGross: 0, totalTax: 0, net: 0, payslips: [], missingBank: [] } } },
  { name: 'queue down', input: { month: '2024-05', employees }, handlers: handlers({ 'Queue bank transfer': () => { throw failure('SQS.QueueDoesNotExistException', 'gone'); } }), expected: { error: 'SQS.QueueDoesNotExistException' } },
];
