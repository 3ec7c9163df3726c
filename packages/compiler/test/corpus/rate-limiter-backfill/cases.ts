import type { CorpusCase } from '../corpus-case.js';

const handlers = (pages: { ids: string[]; next?: string }[], throttleFirst: number) => () => {
  let p = 0;
  let calls = 0;
  return {
    '${ListArn}': () => pages[p++] ?? { ids: [] },
    '${BackfillArn}': (i: any) => {
      calls++;
      const throttled = calls === 1 ? i.ids.slice(0, throttleFirst) : [];
      return { ok: i.ids.filter((x: string) => !throttled.includes(x)), throttled };
    },
  };
};

export const cases: CorpusCase[] = [
  { name: 'two pages, one throttle', input: { batchSize: 2, maxRounds: 10 }, handlers: handlers([{ ids: ['a', 'b'], next: 'b' }, { ids: ['c'] }], 1), expected: { output: { done: 3, leftover: 0, pauses: 1 } } },
  { name: 'round limit', input: { batchSize: 2, maxRounds: 1 }, handlers: handlers([{ ids: ['a', 'b'], next: 'b' }, { ids: ['c'] }], 2), expected: { output: { done: 0, leftover: 2, pauses: 1 } } },
];
