import { dynamodb, lambda, workflow, WorkflowError } from '@typestep/dsl';

interface Profile { userId: string; emails: string[]; phones: string[]; createdAt: string; plan: 'free' | 'pro'; credits: number; tags: string[] }

const loadProfile = lambda<{ userId: string }, Profile | null>('${LoadProfileArn}');
const saveProfile = dynamodb.putItem({ name: 'Save merged profile' });
const deleteProfile = lambda<{ userId: string }, void>('${DeleteProfileArn}');

const unique = <T,>(xs: T[]) => [...new Set(xs)];

export const mergeUsers = workflow('MergeUsers', async (input: { primary: string; duplicates: string[] }) => {
  const primary = await loadProfile({ userId: input.primary });
  if (!primary) throw new WorkflowError('NotFound', input.primary);
  const merged = structuredClone(primary);
  const absorbed: string[] = [];
  for (const id of input.duplicates) {
    if (id === primary.userId) continue;
    const dup = await loadProfile({ userId: id });
    if (dup === null) continue;
    merged.emails = unique([...merged.emails, ...dup.emails.map((e) => e.toLowerCase())]);
    merged.phones = unique([...merged.phones, ...dup.phones]);
    merged.credits += dup.credits;
    if (dup.plan === 'pro') merged.plan = 'pro';
    if (dup.createdAt < merged.createdAt) merged.createdAt = dup.createdAt;
    merged.tags = unique([...merged.tags, ...dup.tags]).sort();
    absorbed.push(id);
  }
  await saveProfile({
    TableName: '${ProfilesTable}',
    Item: {
      userId: { S: merged.userId },
      emails: { SS: merged.emails },
      plan: { S: merged.plan },
      credits: { N: String(merged.credits) },
      createdAt: { S: merged.createdAt },
    },
  });
  for (const id of absorbed) await deleteProfile({ userId: id });
  return { userId: merged.userId, absorbed, emails: merged.emails.length, plan: merged.plan, credits: merged.credits, since: merged.createdAt, tags: merged.tags, originalCredits: primary.credits };
});
