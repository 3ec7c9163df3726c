import type { CorpusCase } from '../corpus-case.js';

const n = (userId: string, kind: string, actor: string) => ({ userId, kind, actor, createdAt: '2025-01-01T00:00:00Z' });
const pages = [
  { notifications: [n('u1', 'like', 'a'), n('u1', 'like', 'b'), n('u2', 'follow', 'c')], nextToken: 't2' },
  { notifications: [n('u1', 'comment', 'a'), n('u3', 'mention', 'd'), n('u1', 'like', 'e'), n('u1', 'like', 'f')] },
];
const handlers = (source: object[]) => () => {
  let i = 0;
  const sent: string[] = [];
  return {
    '${LoadPendingArn}': () => source[i++],
    'Queue digest': (req: any) => { sent.push(req.MessageBody); return { MessageId: `m${sent.length}`, MD5OfMessageBody: 'x' }; },
  };
};

export const cases: CorpusCase[] = [
  { name: 'two pages, three users', input: { since: '2025-01-01' }, handlers: handlers(pages), expected: { output: { pages: 2, notifications: 7, digests: 3, subjects: ['You have 4 likes, 1 comment', 'You have 1 follow', 'You have 1 mention'] } } },
  { name: 'nothing pending', input: { since: '2025-01-01', pageSize: 10 }, handlers: handlers([{ notifications: [] }]), expected: { output: { pages: 1, notifications: 0, digests: 0, subjects: [] } } },
];
