import { lambda, workflow } from '@typestep/dsl';

interface NewUser { email: string; name: string; role?: 'admin' | 'member'; team?: string }

const createUser = lambda<{ email: string; name: string; role: string; ordinal: number }, { userId: string }>('${CreateUserArn}');
const addToTeam = lambda<{ userId: string; team: string }, { teamSize: number }>('${AddToTeamArn}');
const sendInvite = lambda<{ userId: string; email: string }, void>('${SendInviteArn}');

export const importUsers = workflow('BulkImportUsers', async (input: { orgId: string; users: NewUser[]; sendInvites?: boolean }) => {
  const seen = new Set<string>();
  const unique = input.users.filter((u) => {
    const key = u.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const created = await Promise.all(
    unique.map(async (user, i) => {
      const { userId } = await createUser({ email: user.email.toLowerCase(), name: user.name, role: user.role ?? 'member', ordinal: i + 1 });
      let teamSize: number | undefined;
      if (user.team) teamSize = (await addToTeam({ userId, team: user.team })).teamSize;
      if (input.sendInvites !== false) await sendInvite({ userId, email: user.email });
      return [user.email.toLowerCase(), { userId, team: user.team ?? null, teamSize: teamSize ?? 0 }] as const;
    }),
  );
  const byEmail = Object.fromEntries(created);
  const admins = unique.filter((u) => u.role === 'admin').length;
  return { orgId: input.orgId, created: created.length, duplicates: input.users.length - unique.length, admins, byEmail };
});
