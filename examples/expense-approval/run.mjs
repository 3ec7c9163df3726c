// Compiles workflow.ts and runs the expense approval locally through the API: a manager answers
// the SQS callback, and a payments worker polls the activity. Time is virtual, so the manager who
// never answers costs nothing: the execution jumps to the missed heartbeat a day later.
//   node examples/expense-approval/run.mjs [approve|reject|ignore] [amount]
import { fileURLToPath } from 'node:url';
import { compile } from '@typestep/compiler';
import { StateMachine, TaskService } from '@typestep/runtime';

const { workflows, diagnostics } = await compile({ files: [fileURLToPath(new URL('workflow.ts', import.meta.url))] });
if (diagnostics.length > 0) throw new Error(diagnostics.map(String).join('\n'));
const [{ definition, schema }] = workflows;
const PAYMENTS = 'arn:aws:states:us-east-1:123456789012:activity:payments';
const [answer = 'approve', amount = '1200'] = process.argv.slice(2);

const service = new TaskService();
const machine = new StateMachine(definition, {
  name: 'ApproveExpense',
  schema,
  taskService: service,
  handlers: {
    // The queue (keyed by task name): the message would reach the manager's inbox; here the manager answers at once.
    askManager: ({ MessageBody }) => {
      setImmediate(() => {
        if (answer === 'approve') service.sendTaskSuccess(MessageBody.taskToken, { approver: 'maria' });
        else if (answer === 'reject') service.sendTaskFailure(MessageBody.taskToken, 'Rejected', 'Receipts missing');
      });
      return {};
    },
  },
});

const execution = machine.start({ employee: 'sam', amount: Number(amount) });

// The payments worker: polls until the execution ends.
const stop = new AbortController();
execution.result.finally(() => stop.abort());
(async () => {
  while (!stop.signal.aborted) {
    const task = await service.getActivityTask(PAYMENTS, 'payments-worker-1', { signal: stop.signal, waitSeconds: 5 });
    if (task.taskToken) service.sendTaskSuccess(task.taskToken, { paymentId: `pay-${task.input.employee}-${task.input.amount}` });
  }
})();

const result = await execution.result;
console.log(JSON.stringify(result, null, 2));
const waited = (execution.history.at(-1).timestamp - execution.history[0].timestamp) / 1000;
console.log(`${execution.history.length} history events, ${waited} s of workflow time on the virtual clock`);
process.exitCode = result.status === 'SUCCEEDED' ? 0 : 1;
