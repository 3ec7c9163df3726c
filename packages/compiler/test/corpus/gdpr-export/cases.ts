import { failure, type CorpusCase } from '../corpus-case.js';

const data: Record<string, { records: object[]; truncated?: boolean }> = {
  Orders: { records: [{ id: 1 }, { id: 2 }] },
  'Support Tickets': { records: [{ t: 'a' }], truncated: true },
  Marketing: { records: [] },
};
const handlers = (throttleOnce = false) => () => {
  let throttled = !throttleOnce;
  return {
    '${CollectArn}': (i: any) => {
      if (!throttled && i.source === 'Orders') { throttled = true; throw failure('Throttled', 'slow down'); }
      return { source: i.source, records: data[i.source]?.records ?? [], truncated: data[i.source]?.truncated ?? false };
    },
    '${ArchiveArn}': (i: any) => ({ url: `https://x/${i.key}`, bytes: JSON.stringify(i.files).length * 10 }),
    '${EmailArn}': () => undefined,
  };
};

export const cases: CorpusCase[] = [
  { name: 'three sources', input: { userId: 'u1', email: 'a@b.c', sources: ['Orders', 'Support Tickets', 'Marketing'] }, handlers: handlers(), expected: { output: { files: ['orders.json', 'support-tickets.json'], recordCount: 3, sizeKb: 2, truncated: ['Support Tickets'] } } },
  { name: 'throttled once', input: { userId: 'u1', email: 'a@b.c', sources: ['Orders'] }, handlers: handlers(true), expected: { output: { files: ['orders.json'], recordCount: 2, sizeKb: 1, truncated: [] } } },
  { name: 'nothing found', input: { userId: 'u2', email: 'a@b.c', sources: ['Marketing'] }, handlers: handlers(), expected: { output: { files: [], recordCount: 0, sizeKb: 1, truncated: [] } } },
];
