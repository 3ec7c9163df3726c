import type { CorpusCase } from '../corpus-case.js';

const pages = [
  { events: [{ id: 'e1', actor: 'ann', action: 'login', at: '2025-02-01T10:00:00Z' }, { id: 'e2', actor: 'bob, jr', action: 'delete', at: '2025-02-03T10:00:00Z', details: { table: 'users', note: 'said "ok"' } }], cursor: 'c2' },
  { events: [{ id: 'e3', actor: 'ann', action: 'logout', at: '2025-02-04T10:00:00Z' }] },
];
const handlers = () => () => {
  let uploaded = '';
  return {
    '${QueryArn}': (i: any) => (i.cursor === 'c2' ? pages[1] : pages[0]),
    '${UploadArn}': (i: any) => { uploaded = i.body; return { etag: `${i.key}:${uploaded.length}` }; },
  };
};

export const cases: CorpusCase[] = [
  { name: 'all events', input: { month: '2025-02' }, handlers: handlers(), expected: { output: { from: '2025-02-01T00:00:00.000Z', to: '2025-03-01T00:00:00.000Z', total: 3, etag: 'audit/2025/02.csv:189' } } },
  { name: 'only deletes, December', input: { month: '2024-12', actions: ['delete'] }, handlers: handlers(), expected: { output: { from: '2024-12-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z', total: 1, etag: 'audit/2024/12.csv:118' } } },
];
