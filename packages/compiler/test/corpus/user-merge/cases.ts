import type { CorpusCase } from '../corpus-case.js';

const profiles: Record<string, object> = {
  u1: { userId: 'u1', emails: ['a@x.io'], phones: ['+1'], createdAt: '2023-05-01', plan: 'free', credits: 10, tags: ['beta'] },
  u2: { userId: 'u2', emails: ['A@X.io', 'b@x.io'], phones: ['+2'], createdAt: '2022-01-01', plan: 'pro', credits: 5, tags: ['vip', 'beta'] },
  u3: { userId: 'u3', emails: [], phones: ['+1'], createdAt: '2024-01-01', plan: 'free', credits: 0, tags: [] },
};
const handlers = () => () => ({
  '${LoadProfileArn}': (i: any) => profiles[i.userId] ?? null,
  'Save merged profile': () => ({}),
  '${DeleteProfileArn}': () => undefined,
});

export const cases: CorpusCase[] = [
  { name: 'merge two', input: { primary: 'u1', duplicates: ['u2', 'u3', 'u9', 'u1'] }, handlers: handlers(), expected: { output: { userId: 'u1', absorbed: ['u2', 'u3'], emails: 2, plan: 'pro', credits: 15, since: '2022-01-01', tags: ['beta', 'vip'], originalCredits: 10 } } },
  { name: 'nothing to merge', input: { primary: 'u3', duplicates: [] }, handlers: handlers(), expected: { output: { userId: 'u3', absorbed: [], emails: 0, plan: 'free', credits: 0, since: '2024-01-01', tags: [], originalCredits: 0 } } },
  { name: 'missing primary', input: { primary: 'u7', duplicates: ['u1'] }, handlers: handlers(), expected: { error: 'NotFound' } },
];
