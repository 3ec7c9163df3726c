import { callback, lambda, sns, workflow, WorkflowError } from '@typestep/dsl';

interface Expense { id: string; employee: string; manager: string; amount: number; currency: string; description: string }
type Decision = { approved: boolean; comment?: string; approver: string };

const requestApproval = callback<{ QueueUrl: string; MessageBody: { token: string; expense: Expense } }, Decision>(
  'arn:aws:states:::sqs:sendMessage',
  { name: 'Ask manager', timeoutSeconds: 3 * 24 * 3600 },
);
const escalate = callback<{ QueueUrl: string; MessageBody: { token: string; expenseId: string; reason: string } }, Decision>(
  'arn:aws:states:::sqs:sendMessage',
  { name: 'Ask finance', timeoutSeconds: 24 * 3600 },
);
const reimburse = lambda<{ employee: string; amount: number; currency: string }, { payoutId: string }>('${ReimburseArn}');
const notify = sns.publish({ name: 'Tell employee' });

export const approveExpense = workflow('ApproveExpense', async (expense: Expense) => {
  if (expense.amount <= 0) throw new WorkflowError('InvalidExpense', `amount must be positive, got ${expense.amount}`);
  let decision: Decision;
  if (expense.amount < 50) {
    decision = { approved: true, approver: 'auto' };
  } else {
    try {
      decision = await requestApproval((token) => ({ QueueUrl: '${ApprovalsQueueUrl}', MessageBody: { token, expense } }));
    } catch (e) {
      if (!(e instanceof WorkflowError) || e.name !== 'States.Timeout') throw e;
      decision = await escalate((token) => ({
        QueueUrl: '${FinanceQueueUrl}',
        MessageBody: { token, expenseId: expense.id, reason: `${expense.manager} did not answer in 3 days` },
      }));
    }
  }
  if (!decision.approved) {
    await notify({ TopicArn: '${EmployeeTopicArn}', Message: `Expense ${expense.id} rejected: ${decision.comment ?? 'no comment'}` });
    return { id: expense.id, status: 'rejected', by: decision.approver };
  }
  const { payoutId } = await reimburse({ employee: expense.employee, amount: expense.amount, currency: expense.currency });
  return { id: expense.id, status: 'paid', by: decision.approver, payoutId };
});
