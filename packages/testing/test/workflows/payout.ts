// A workflow for the testing package's own tests: an activity, a nested workflow with a task only it
// calls, a caught timeout and a Glue .sync job.
import { activity, glue, lambda, sns, workflow, WorkflowError } from '@typestep/dsl';

export const approve = activity<{ amount: number }, { approved: boolean }>('arn:aws:states:us-east-1:123456789012:activity:approve', { name: 'Approve', timeoutSeconds: 60 });
export const lookUp = lambda<{ id: string }, { name: string }>('${LookUpArn}', { name: 'Look up', timeoutSeconds: 10 });
export const settle = glue.startJobRun({ name: 'Settle' });
export const announce = sns.publish({ name: 'Announce' });

export const announcePayout = workflow('AnnouncePayout', async (payout: { name: string; amount: number }) => {
  const { MessageId } = await announce({ TopicArn: '${PayoutsTopicArn}', Message: `${payout.name}: ${payout.amount}` });
  return MessageId;
});

export const payout = workflow('Payout', async (input: { id: string; amount: number }) => {
  let name = 'unknown';
  try {
    name = (await lookUp({ id: input.id })).name;
  } catch (e) {
    if (!(e instanceof WorkflowError && e.name === 'States.Timeout')) throw e;
  }
  const { approved } = await approve({ amount: input.amount });
  if (!approved) return { paid: false, name };
  const { JobRunState } = await settle({ JobName: 'settle', Arguments: { '--id': input.id } });
  const message = await announcePayout({ name, amount: input.amount });
  return { paid: JobRunState === 'SUCCEEDED', name, message };
});
