import type { CorpusCase } from '../corpus-case.js';

const ev = (account: string, feature: string, count: number, day: string) => ({ account, feature, count, day });
const events = [ev('a', 'export', 1200, '01'), ev('b', 'export', 300, '02'), ev('a', 'search', 40, '01'), ev('c', 'api', 1500, '03'), ev('a', 'search', 60, '03')];
const handlers = () => () => ({
  '${UsageArn}': () => ({ events }),
  '${PublishArn}': (i: any) => ({ url: `https://r/${i.table.length}/${i.table[1]?.[1] ?? '-'}` }),
});

export const cases: CorpusCase[] = [
  { name: 'three features', input: { month: '2025-03' }, handlers: handlers(), expected: { output: { url: 'https://r/4/1,500', features: ['api', 'export', 'search'] } } },
  { name: 'top one', input: { month: '2025-03', top: 1 }, handlers: handlers(), expected: { output: { url: 'https://r/2/1,500', features: ['api'] } } },
];
