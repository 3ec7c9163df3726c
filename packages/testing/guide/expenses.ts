// The testing guide's workflow (packages/testing/README.md): a retry, a caught error, a timeout, a callback, a Map and a Parallel.
import { callback, lambda, sns, workflow, WorkflowError } from '@typestep/dsl';

export interface Expense {
  id: string;
  amount: number;
  lines: Array<{ sku: string; cost: number }>;
}

export const checkPolicy = lambda<{ amount: number }, { allowed: boolean; limit: number }>('${CheckPolicyArn}', {
  retry: { errors: ['Policy.Unavailable'], maxAttempts: 3, intervalSeconds: 2, backoffRate: 2 },
});
export const auditLine = lambda<{ sku: string; cost: number }, { ok: boolean }>('${AuditLineArn}');
export const fetchReport = lambda<{ id: string }, { pages: number }>('${FetchReportArn}', { timeoutSeconds: 30 });
export const askManager = callback<{ QueueUrl: string; MessageBody: { token: string; id: string; amount: number } }, { approved: boolean }>(
  'arn:aws:states:::sqs:sendMessage',
  { name: 'Ask manager' },
);
export const notify = sns.publish({ name: 'Notify finance' });

export const reviewExpense = workflow('ReviewExpense', async (expense: Expense) => {
  const policy = await checkPolicy({ amount: expense.amount });
  if (!policy.allowed) throw new WorkflowError('Expense.Rejected', `over the limit of ${policy.limit}`);
  const audits = await Promise.all(expense.lines.map(async (line) => auditLine(line)));
  let pages = 0;
  try {
    pages = (await fetchReport({ id: expense.id })).pages;
  } catch {
    pages = -1;
  }
  let approved = true;
  if (expense.amount > 100) {
    approved = (await askManager((token) => ({ QueueUrl: 'https://sqs.local/approvals', MessageBody: { token, id: expense.id, amount: expense.amount } }))).approved;
  }
  const [first] = await Promise.all([
    notify({ TopicArn: '${FinanceTopicArn}', Message: { id: expense.id, approved } }),
    auditLine({ sku: 'total', cost: expense.amount }),
  ]);
  return { id: expense.id, approved, audited: audits.filter((audit) => audit.ok).length, pages, message: first.MessageId };
});
