import { lambda, sqs, workflow } from '@typestep/dsl';

interface Notification { userId: string; kind: 'comment' | 'like' | 'follow' | 'mention'; actor: string; createdAt: string }
interface Digest { userId: string; subject: string; counts: Record<string, number>; actors: string[] }

const loadPending = lambda<{ since: string; limit: number }, { notifications: Notification[]; nextToken?: string }>('${LoadPendingArn}');
const enqueue = sqs.sendMessage({ name: 'Queue digest' });

function pluralize(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const buildDigests = workflow('BuildDigests', async (input: { since: string; pageSize?: number }) => {
  const all: Notification[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await loadPending({ since: token ?? input.since, limit: input.pageSize ?? 100 });
    all.push(...page.notifications);
    token = page.nextToken;
    pages += 1;
  } while (token);

  const byUser = new Map<string, Notification[]>();
  for (const n of all) {
    const list = byUser.get(n.userId) ?? [];
    list.push(n);
    byUser.set(n.userId, list);
  }

  const digests: Digest[] = [];
  for (const [userId, items] of byUser) {
    const counts: Record<string, number> = {};
    for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    const actors = [...new Set(items.map((i) => i.actor))].slice(0, 3);
    const parts = Object.entries(counts).map(([kind, n]) => pluralize(n, kind));
    digests.push({ userId, subject: `You have ${parts.join(', ')}`, counts, actors });
  }

  for (const digest of digests) {
    await enqueue({ QueueUrl: '${DigestQueueUrl}', MessageBody: JSON.stringify(digest) });
  }
  return { pages, notifications: all.length, digests: digests.length, subjects: digests.map((d) => d.subject) };
});
