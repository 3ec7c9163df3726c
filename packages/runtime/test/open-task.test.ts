import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StatesError, TaskService, TaskServiceError, type WaitingTaskInfo } from '../src/index.js';

const SQS = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';
const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:review';
const START = Date.parse('2025-01-01T00:00:00Z');

const OpenTask = suite('TaskService.openTask');

OpenTask('a callback has its token at once; sendTaskSuccess answers it and spends the token', async () => {
  const service = new TaskService();
  const task = service.openTask({ kind: 'callback', resource: SQS });
  assert.type(task.taskToken, 'string');
  const waiting = task.wait({ QueueUrl: 'q' });
  service.sendTaskSuccess(task.taskToken!, { approved: true });
  assert.equal(await waiting, { approved: true });
  assert.throws(() => service.sendTaskSuccess(task.taskToken!, {}), (e: unknown) => e instanceof TaskServiceError && e.name === 'TaskTimedOut');
});

OpenTask('an answer sent before the wait starts is kept; sendTaskFailure rejects with its error and cause', async () => {
  const service = new TaskService();
  const task = service.openTask({ kind: 'callback', resource: SQS });
  service.sendTaskFailure(task.taskToken!, 'Rejected', 'no');
  try {
    await task.wait();
    assert.unreachable('should reject');
  } catch (error) {
    assert.instance(error, StatesError);
    assert.is((error as StatesError).error, 'Rejected');
    assert.is((error as StatesError).cause, 'no');
  }
});

OpenTask('listeners see the request once the callback waits', async () => {
  const service = new TaskService();
  const seen: WaitingTaskInfo[] = [];
  service.onTaskWaiting((info) => seen.push(info));
  const task = service.openTask({ kind: 'callback', resource: SQS, stateName: 'Ask' });
  assert.is(seen.length, 0);
  const waiting = task.wait({ QueueUrl: 'q' });
  assert.equal(seen, [{ kind: 'callback', stateName: 'Ask', resource: SQS, executionArn: '', input: { QueueUrl: 'q' }, taskToken: task.taskToken }]);
  service.sendTaskSuccess(task.taskToken!, 1);
  assert.is(await waiting, 1);
});

OpenTask('on the virtual clock an unanswered task times out at its deadline, and `now` moves there', async () => {
  const service = new TaskService();
  const task = service.openTask({ kind: 'callback', resource: SQS, timeoutSeconds: 30, now: START });
  try {
    await task.wait();
    assert.unreachable('should time out');
  } catch (error) {
    assert.is((error as StatesError).error, 'States.Timeout');
  }
  assert.is(task.now, START + 30_000);
});

OpenTask('advanceTime past HeartbeatSeconds ends the wait with States.Timeout', async () => {
  const service = new TaskService();
  const task = service.openTask({ kind: 'callback', resource: SQS, heartbeatSeconds: 10, now: START });
  const waiting = task.wait().catch((error: StatesError) => error.error);
  service.advanceTime(task.taskToken!, 5);
  service.sendTaskHeartbeat(task.taskToken!);
  service.advanceTime(task.taskToken!, 12);
  assert.is(await waiting, 'States.Timeout');
  assert.is(task.now, START + 15_000);
});

OpenTask('an activity task goes to a polling worker, whose answer ends the wait', async () => {
  const service = new TaskService();
  const task = service.openTask({ kind: 'activity', resource: ACTIVITY, input: { doc: 7 } });
  assert.is(task.taskToken, undefined);
  const waiting = task.wait();
  const { taskToken, input } = await service.getActivityTask(ACTIVITY, 'w1', { waitSeconds: 1 });
  assert.equal(input, { doc: 7 });
  assert.is(task.taskToken, taskToken);
  service.sendTaskSuccess(taskToken!, { ok: true });
  assert.equal(await waiting, { ok: true });
});

OpenTask('an aborted signal ends the wait; close() spends the token', async () => {
  const service = new TaskService();
  const controller = new AbortController();
  const task = service.openTask({ kind: 'callback', resource: SQS, signal: controller.signal });
  const waiting = task.wait().then(
    () => 'answered',
    (error: Error) => error.message,
  );
  controller.abort();
  assert.is(await waiting, 'execution aborted');
  const closed = service.openTask({ kind: 'callback', resource: SQS });
  closed.close();
  assert.throws(() => service.sendTaskSuccess(closed.taskToken!, {}), (e: unknown) => e instanceof TaskServiceError && e.name === 'TaskTimedOut');
});

OpenTask.run();
