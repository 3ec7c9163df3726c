import { lambda, sleep, workflow } from '@typestep/dsl';

interface SignUp { userId: string; email: string; name?: string; locale?: string; referredBy?: string }

const sendEmail = lambda<{ to: string; template: string; vars: Record<string, string> }, { id: string }>('${SendEmailArn}');
const createWorkspace = lambda<{ ownerId: string; name: string }, { workspaceId: string }>('${CreateWorkspaceArn}');
const creditReferrer = lambda<{ referrerId: string; newUserId: string }, { credited: number }>('${CreditReferrerArn}');
const hasLoggedIn = lambda<{ userId: string }, { active: boolean }>('${ActivityCheckArn}');

export const sendTemplatedEmail = workflow('SendTemplatedEmail', async (req: { to: string; template: string; vars: Record<string, string> }) => {
  const { id } = await sendEmail(req);
  return { template: req.template, id };
});

export const main = workflow('OnboardUser', async (signUp: SignUp) => {
  const { name = signUp.email.split('@')[0], locale = 'en' } = signUp;
  const { workspaceId } = await createWorkspace({ ownerId: signUp.userId, name: `${name}'s workspace` });
  const welcome = await sendTemplatedEmail({ to: signUp.email, template: `welcome-${locale}`, vars: { name, workspaceId } });
  const sent = [welcome.template];

  let credited = 0;
  if (signUp.referredBy) {
    ({ credited } = await creditReferrer({ referrerId: signUp.referredBy, newUserId: signUp.userId }));
  }

  await sleep(3 * 24 * 3600);
  const { active } = await hasLoggedIn({ userId: signUp.userId });
  if (!active) {
    const nudge = await sendTemplatedEmail({ to: signUp.email, template: `nudge-${locale}`, vars: { name } });
    sent.push(nudge.template);
  }
  return { workspaceId, sent, credited };
});
