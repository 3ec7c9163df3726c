import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getActivityTask, sendTaskFailure, sendTaskSuccess, TaskService, type WaitingTaskInfo } from '@typestep/runtime';
import { activity, callback, context, workflow, WorkflowError } from '../src/index.js';

const START = '2025-01-01T00:00:00Z';
const SQS = 'arn:aws:states:::sqs:sendMessage';
let activities = 0;
const activityArn = () => `arn:aws:states:us-east-1:123456789012:activity:dsl-review-${++activities}`;

interface Approval { QueueUrl: string; MessageBody: { token: string; orderId: string } }
const askApproval = callback<Approval, { approved: boolean }>(SQS, { name: 'Ask for approval' });

/** An approval workflow; `outcome` reports the answer or the caught error name/cause. */
const approval = workflow('Approval', async (orderId: string) => {
  try {
    const answer = await askApproval((token) => ({ QueueUrl: 'q', MessageBody: { token, orderId } }));
    return { answer };
  } catch (e) {
    const error = e as WorkflowError;
    return { error: error.name, cause: error.cause ?? null, seconds: (Date.parse(context().state.enteredTime) - Date.parse(START)) / 1000 };
  }
});

const Callbacks = suite('native callbacks and activities');

Callbacks('the handler receives the request with the token; sendTaskSuccess from the runtime answers', async () => {
  const requests: Approval[] = [];
  const output = await approval.run('o-1', {
    handlers: {
      'Ask for approval': (request: Approval) => {
        requests.push(request);
        setTimeout(() => sendTaskSuccess(request.MessageBody.token, { approved: true }), 1);
      },
    },
  });
  assert.equal(output, { answer: { approved: true } });
  assert.is(requests[0]!.MessageBody.orderId, 'o-1');
  assert.type(requests[0]!.MessageBody.token, 'string');
});

Callbacks('sendTaskFailure fails the call with its error and cause; the handler may answer at once', async () => {
  const output = await approval.run('o-2', {
    startTime: START,
    handlers: { [`${SQS}.waitForTaskToken`]: (request: Approval) => sendTaskFailure(request.MessageBody.token, 'Rejected', 'too expensive') },
  });
  assert.equal(output, { error: 'Rejected', cause: 'too expensive', seconds: 0 });
});

Callbacks('without a handler the request is accepted; a TaskService listener sees it and answers', async () => {
  const service = new TaskService();
  const seen: WaitingTaskInfo[] = [];
  service.onTaskWaiting((info) => {
    seen.push(info);
    queueMicrotask(() => service.sendTaskSuccess(info.taskToken!, { approved: false }));
  });
  const output = await approval.run('o-3', { taskService: service, executionName: 'e-3' });
  assert.equal(output, { answer: { approved: false } });
  assert.is(seen.length, 1);
  assert.is(seen[0]!.stateName, 'Ask for approval');
  assert.is(seen[0]!.resource, `${SQS}.waitForTaskToken`);
  assert.is(seen[0]!.executionArn, 'arn:aws:states:us-east-1:123456789012:execution:Approval:e-3');
  assert.equal((seen[0]!.input as Approval).MessageBody.orderId, 'o-3');
});

Callbacks('an unanswered callback times out at timeoutSeconds on the virtual clock', async () => {
  const short = callback<Approval, unknown>(SQS, { timeoutSeconds: 300 });
  const probe = workflow('Unanswered', async () => {
    try {
      return await short((token) => ({ QueueUrl: 'q', MessageBody: { token, orderId: 'x' } }));
    } catch (e) {
      return { error: (e as WorkflowError).name, seconds: (Date.parse(context().state.enteredTime) - Date.parse(START)) / 1000 };
    }
  });
  // advanceTime stands for the time passing; an idle process would jump to the deadline by itself.
  const service = new TaskService();
  service.onTaskWaiting((info) => queueMicrotask(() => service.advanceTime(info.taskToken!, 301)));
  assert.equal(await probe.run(undefined, { startTime: START, taskService: service }), { error: 'States.Timeout', seconds: 300 });
});

Callbacks('a retried callback gets a new token per attempt; the spent one is refused', async () => {
  const retried = callback<Approval, string>(SQS, { name: 'Retried', retry: { errors: ['Busy'], intervalSeconds: 1 } });
  const tokens: string[] = [];
  const probe = workflow('RetriedCallback', async () => retried((token) => ({ QueueUrl: 'q', MessageBody: { token, orderId: 'r' } })));
  const output = await probe.run(undefined, {
    handlers: {
      Retried: (request: Approval) => {
        tokens.push(request.MessageBody.token);
        if (tokens.length === 1) sendTaskFailure(request.MessageBody.token, 'Busy');
        else sendTaskSuccess(request.MessageBody.token, 'second');
      },
    },
  });
  assert.is(output, 'second');
  assert.is(tokens.length, 2);
  assert.is.not(tokens[0], tokens[1]);
  assert.throws(() => sendTaskSuccess(tokens[0]!, 'late'), (error: Error) => error.name === 'TaskTimedOut');
});

Callbacks('a handler that throws fails the callback as the runtime shapes it, and spends the token', async () => {
  let token = '';
  const output = await approval.run('o-4', {
    startTime: START,
    handlers: {
      'Ask for approval': (request: Approval) => {
        token = request.MessageBody.token;
        throw Object.assign(new Error('queue missing'), { name: 'QueueDoesNotExist' });
      },
    },
  });
  assert.equal(output, { error: 'QueueDoesNotExist', cause: 'queue missing', seconds: 0 });
  assert.throws(() => sendTaskSuccess(token, {}), (error: Error) => error.name === 'TaskTimedOut');
});

Callbacks('an activity is taken by a worker polling getActivityTask; its answer is the result', async () => {
  const arn = activityArn();
  const review = activity<{ doc: number }, { verdict: string }>(arn, { heartbeatSeconds: 60 });
  const probe = workflow('Review', async (doc: number) => review({ doc }));
  const worker = (async () => {
    const { taskToken, input } = await getActivityTask(arn, 'worker-1', { waitSeconds: 5 });
    sendTaskSuccess(taskToken!, { verdict: `ok ${(input as { doc: number }).doc}` });
  })();
  assert.equal(await probe.run(7), { verdict: 'ok 7' });
  await worker;
});

Callbacks('an activity failed by its worker, and one that outlives timeoutSeconds', async () => {
  const arn = activityArn();
  const review = activity<{ doc: number }, unknown>(arn, { timeoutSeconds: 120 });
  const probe = workflow('ReviewFails', async (doc: number) => {
    try {
      return await review({ doc });
    } catch (e) {
      return { error: (e as WorkflowError).name, cause: (e as WorkflowError).cause ?? null, seconds: (Date.parse(context().state.enteredTime) - Date.parse(START)) / 1000 };
    }
  });
  const service = new TaskService();
  const worker = service.getActivityTask(arn, 'w', { waitSeconds: 5 }).then(({ taskToken }) => service.sendTaskFailure(taskToken!, 'Unreadable', 'bad scan'));
  assert.equal(await probe.run(1, { taskService: service, startTime: START }), { error: 'Unreadable', cause: 'bad scan', seconds: 0 });
  await worker;
  // TimeoutSeconds counts from scheduling: a worker that takes the task and then lets 121 s pass is too late.
  const slowWorker = service.getActivityTask(arn, 'w', { waitSeconds: 5 }).then(({ taskToken }) => service.advanceTime(taskToken!, 121));
  assert.equal(await probe.run(2, { taskService: service, startTime: START }), { error: 'States.Timeout', cause: null, seconds: 120 });
  await slowWorker;
});

Callbacks.run();
