import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const applicants = [
  { id: 'a', income: 52000, debts: [1000, 2500], age: 34, country: 'DE' },
  { id: 'b', income: 0, debts: [], age: 19, country: 'FR' },
  { id: 'c', income: 90000, debts: [45000], age: 51, country: 'DE' },
];
// The model: a deterministic function of the CSV it receives.
const endpoint = (i: any) => ({
  Body: i.Body.split('\n').map((line: string) => { const [inc, ratio, , de] = line.split(',').map(Number); return Math.min(1, +(inc / 100 - ratio + Number(de) * 0.3).toFixed(2)); }).join('\n'),
});

export const cases: CorpusCase[] = [
  { name: 'three applicants', input: { applicants }, handlers: () => ({ 'Score batch': endpoint, '${StoreScoresArn}': (i: any) => ({ stored: i.scores.length }) }), expected: { output: { stored: 3, histogram: { B: 2, D: 1 }, best: 'a' } } },
  { name: 'model warming up', input: { modelVersion: 'v4', applicants: applicants.slice(1) }, handlers: () => ({ 'Score batch': flaky(2, 'SageMakerRuntime.ModelNotReadyException', endpoint), '${StoreScoresArn}': (i: any) => ({ stored: i.scores.length }) }), expected: { output: { stored: 2, histogram: { D: 1, B: 1 }, best: 'c' } } },
  { name: 'endpoint missing', input: { modelVersion: 'v9', applicants }, handlers: () => ({ 'Score batch': () => { throw failure('SageMakerRuntime.ValidationErrorException', 'Endpoint not found'); }, '${StoreScoresArn}': () => ({ stored: 0 }) }), expected: { error: 'SageMakerRuntime.ValidationErrorException' } },
];
