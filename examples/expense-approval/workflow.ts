// An expense claim: a small claim is paid at once; a larger one waits for the manager's answer
// (a callback through SQS with a task token) and then a payments worker (an activity) pays it.
import { activity, callback, workflow, WorkflowError } from '@typestep/dsl';

export interface Claim {
  employee: string;
  amount: number;
}

export type Outcome = { status: 'paid'; paymentId: string; approvedBy: string } | { status: 'rejected'; reason: string };

/** Claims above this need a manager. */
const APPROVAL_LIMIT = 500;
const ONE_DAY = 24 * 60 * 60;

/** The request goes to the managers' queue; the manager's tool answers with SendTaskSuccess({ approver }) or SendTaskFailure('Rejected', reason). */
export const askManager = callback<{ QueueUrl: string; MessageBody: { taskToken: string; claim: Claim } }, { approver: string }>(
  'arn:aws:states:::sqs:sendMessage',
  // A manager must show signs of life every day and answer within a week.
  { name: 'Ask the manager', heartbeatSeconds: ONE_DAY, timeoutSeconds: 7 * ONE_DAY },
);

/** The payments service polls this activity; a worker that vanishes is given a second chance. */
export const pay = activity<Claim, { paymentId: string }>('arn:aws:states:us-east-1:123456789012:activity:payments', {
  name: 'Pay',
  timeoutSeconds: 3600,
  retry: { errors: ['States.Timeout'], maxAttempts: 2 },
});

export const approveExpense = workflow('ApproveExpense', async (claim: Claim): Promise<Outcome> => {
  let approvedBy = 'policy';
  if (claim.amount > APPROVAL_LIMIT) {
    try {
      const answer = await askManager((token) => ({ QueueUrl: '${ApprovalQueueUrl}', MessageBody: { taskToken: token, claim } }));
      approvedBy = answer.approver;
    } catch (e) {
      if (e instanceof WorkflowError && e.name === 'Rejected') return { status: 'rejected', reason: e.message };
      if (e instanceof WorkflowError && e.name === 'States.Timeout') {
        throw new WorkflowError('Expense.ApprovalTimedOut', `No manager answered in time for ${claim.employee}`);
      }
      throw e;
    }
  }
  const { paymentId } = await pay(claim);
  return { status: 'paid', paymentId, approvedBy };
});
