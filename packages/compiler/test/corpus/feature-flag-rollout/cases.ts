import { failure, type CorpusCase } from '../corpus-case.js';

const rates = (list: object[]) => () => {
  let n = 0;
  return {
    '${SetFlagPercentageArn}': () => null,
    '${ErrorRateArn}': () => list[Math.min(n++, list.length - 1)],
    '${LogArn}': () => null,
  };
};

export const cases: CorpusCase[] = [
  { name: 'healthy rollout', input: { flag: 'new-checkout' }, handlers: rates([{ rate: 0.001, requests: 50 }, { rate: 0.01, requests: 500 }, { rate: 0.015, requests: 5000 }]), expected: { output: { flag: 'new-checkout', status: 'COMPLETE', at: 100, observed: [{ percent: 1, rate: 0.001 }, { percent: 10, rate: 0.01 }, { percent: 50, rate: 0.015 }] } } },
  { name: 'errors at 10 percent', input: { flag: 'new-search', soakMinutes: 5 }, handlers: rates([{ rate: 0.5, requests: 20 }, { rate: 0.034, requests: 900 }]), expected: { output: { flag: 'new-search', status: 'ROLLED_BACK', at: 10, observed: [{ percent: 1, rate: 0.5 }, { percent: 10, rate: 0.034 }] } } },
  { name: 'no stages', input: { flag: 'noop', stages: [] }, handlers: rates([]), expected: { output: { flag: 'noop', status: 'COMPLETE', at: 0, observed: [] } } },
  { name: 'flag service down', input: { flag: 'x' }, handlers: () => ({ '${SetFlagPercentageArn}': () => { throw failure('FlagServiceDown', '503'); } }), expected: { error: 'FlagServiceDown' } },
];
