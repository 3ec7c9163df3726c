import { dynamodb, lambda, sleep, workflow } from '@typestep/dsl';

interface ResetRequest { email: string; ip: string }

const findUser = lambda<{ email: string }, { userId: string | null; locked: boolean }>('${FindUserArn}');
const issueToken = lambda<{ userId: string; ttlSeconds: number }, { token: string }>('${IssueTokenArn}');
const sendResetEmail = lambda<{ email: string; link: string }, { delivered: boolean }>('${SendResetEmailArn}', {
  retry: { errors: ['Smtp.Unavailable'], maxAttempts: 3, intervalSeconds: 10, backoffRate: 2 },
});
const tokenUsed = lambda<{ token: string }, { used: boolean }>('${TokenUsedArn}');
const revokeToken = dynamodb.deleteItem({ name: 'Revoke token' });

const TTL_SECONDS = 15 * 60;

export const resetPassword = workflow('ResetPassword', async (request: ResetRequest) => {
  const user = await findUser({ email: request.email });
  // Same answer whether or not the account exists, so the endpoint cannot be used to probe emails.
  if (user.userId === null) return { status: 'SENT_IF_EXISTS' };
  if (user.locked) return { status: 'LOCKED' };

  const { token } = await issueToken({ userId: user.userId, ttlSeconds: TTL_SECONDS });
  const { delivered } = await sendResetEmail({ email: request.email, link: `https://app.example.com/reset?token=${token}` });
  if (!delivered) {
    await revokeToken({ TableName: '${ResetTokensTable}', Key: { token: { S: token } } });
    return { status: 'BOUNCED' };
  }

  await sleep(TTL_SECONDS);
  const { used } = await tokenUsed({ token });
  if (!used) {
    await revokeToken({ TableName: '${ResetTokensTable}', Key: { token: { S: token } } });
    return { status: 'EXPIRED' };
  }
  return { status: 'COMPLETED' };
});
