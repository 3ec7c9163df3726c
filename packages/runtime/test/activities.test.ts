import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, TaskService, TaskServiceError, type HistoryEvent } from '../src/index.js';

const START = '2025-01-01T00:00:00Z';
let activityCount = 0;

/** A machine whose Task `Review` is an activity; a fresh activity ARN per machine. */
function activityMachine(task: object = {}, extra: object = {}, service = new TaskService()) {
  const activityArn = `arn:aws:states:us-east-1:123456789012:activity:review-${++activityCount}`;
  const machine = new StateMachine(
    { StartAt: 'Review', States: { Review: { Type: 'Task', Resource: activityArn, End: true, ...task }, ...extra } },
    { taskService: service },
  );
  return { machine, service, activityArn, start: (input: unknown = { doc: 1 }) => machine.start(input, { startTime: START }) };
}

const types = (history: readonly HistoryEvent[]) => history.map((event) => event.type);
const at = (history: readonly HistoryEvent[], type: string) => history.find((event) => event.type === type)!;
const seconds = (history: readonly HistoryEvent[], type: string) => (at(history, type).timestamp.getTime() - Date.parse(START)) / 1000;

const Activity = suite('activities');

Activity('a worker polling before the task is scheduled gets it; its answer is the result', async () => {
  const { service, activityArn, start } = activityMachine({ TimeoutSeconds: 60, HeartbeatSeconds: 10 });
  const poll = service.getActivityTask(activityArn, 'worker-1');
  const execution = start();
  const { taskToken, input } = await poll;
  assert.equal(input, { doc: 1 });
  service.sendTaskSuccess(taskToken!, { reviewed: true });
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: { reviewed: true } });
  const { history } = execution;
  assert.equal(types(history), [
    'ExecutionStarted',
    'TaskStateEntered',
    'ActivityScheduled',
    'ActivityStarted',
    'ActivitySucceeded',
    'TaskStateExited',
    'ExecutionSucceeded',
  ]);
  assert.equal(at(history, 'ActivityScheduled').activityScheduledEventDetails, {
    input: '{"doc":1}',
    inputDetails: { truncated: false },
    resource: activityArn,
    timeoutInSeconds: 60,
    heartbeatInSeconds: 10,
  });
  assert.equal(at(history, 'ActivityStarted').activityStartedEventDetails, { workerName: 'worker-1' });
  assert.equal(at(history, 'ActivitySucceeded').activitySucceededEventDetails, { output: '{"reviewed":true}', outputDetails: { truncated: false } });
});

Activity('a task scheduled before any poll waits in the queue; no worker name, empty ActivityStarted (recorded)', async () => {
  const { service, activityArn, start } = activityMachine({ Parameters: { 'doc.$': '$.doc', extra: true } });
  const execution = start();
  const { taskToken, input } = await service.getActivityTask(activityArn);
  assert.equal(input, { doc: 1, extra: true });
  service.sendTaskSuccess(taskToken!, 'ok');
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: 'ok' });
  assert.equal(at(execution.history, 'ActivityStarted').activityStartedEventDetails, {});
});

Activity('tasks are handed out in the order they were scheduled', async () => {
  const { service, activityArn, machine } = activityMachine();
  const first = machine.start({ n: 1 });
  const second = machine.start({ n: 2 });
  const a = await service.getActivityTask(activityArn);
  const b = await service.getActivityTask(activityArn);
  assert.equal([a.input, b.input], [{ n: 1 }, { n: 2 }]);
  service.sendTaskSuccess(b.taskToken!, 'b');
  service.sendTaskSuccess(a.taskToken!, 'a');
  assert.equal(await first.result, { status: 'SUCCEEDED', output: 'a' });
  assert.equal(await second.result, { status: 'SUCCEEDED', output: 'b' });
});

Activity('SendTaskFailure: ActivityFailed, caught like any task error', async () => {
  const { service, activityArn, start } = activityMachine(
    { Catch: [{ ErrorEquals: ['Rejected'], Next: 'Handle' }] },
    { Handle: { Type: 'Pass', End: true } },
  );
  const execution = start();
  const { taskToken } = await service.getActivityTask(activityArn);
  service.sendTaskFailure(taskToken!, 'Rejected', 'not good enough');
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: { Error: 'Rejected', Cause: 'not good enough' } });
  assert.equal(at(execution.history, 'ActivityFailed').activityFailedEventDetails, { error: 'Rejected', cause: 'not good enough' });
});

Activity('an empty poll answers {}; a malformed ARN is InvalidArn; spent tokens are TaskTimedOut', async () => {
  const { service, activityArn, start } = activityMachine();
  assert.equal(await service.getActivityTask(activityArn, 'w', { waitSeconds: 0 }), {});
  const controller = new AbortController();
  const aborted = service.getActivityTask(activityArn, 'w', { signal: controller.signal });
  controller.abort();
  assert.equal(await aborted, {});
  let error: unknown;
  await service.getActivityTask('arn:aws:lambda:us-east-1:1:function:f').catch((thrown) => (error = thrown));
  assert.instance(error, TaskServiceError);
  assert.is((error as TaskServiceError).name, 'InvalidArn');

  const execution = start();
  const { taskToken } = await service.getActivityTask(activityArn);
  service.sendTaskSuccess(taskToken!, 1);
  await execution.result;
  assert.throws(() => service.sendTaskSuccess(taskToken!, 2), (thrown: TaskServiceError) => thrown.name === 'TaskTimedOut');
});

Activity.run();

const Time = suite('activity timeouts (virtual clock)');

Time('TimeoutSeconds counts from scheduling, also while no worker polls: ActivityTimedOut', async () => {
  const { start } = activityMachine({ TimeoutSeconds: 120 });
  const execution = start();
  assert.equal(await execution.result, { status: 'FAILED', error: 'States.Timeout' });
  assert.equal(types(execution.history).slice(2), ['ActivityScheduled', 'ActivityTimedOut', 'ExecutionFailed']);
  assert.equal(at(execution.history, 'ActivityTimedOut').activityTimedOutEventDetails, { error: 'States.Timeout' });
  assert.is(seconds(execution.history, 'ActivityTimedOut'), 120);
});

Time('heartbeats keep a started activity alive; a missed one times it out, and Retry schedules it again', async () => {
  const { service, activityArn, start } = activityMachine({
    HeartbeatSeconds: 30,
    Retry: [{ ErrorEquals: ['States.HeartbeatTimeout'], IntervalSeconds: 10, MaxAttempts: 1 }],
  });
  const execution = start();
  const first = await service.getActivityTask(activityArn, 'slow');
  service.advanceTime(first.taskToken!, 20);
  service.sendTaskHeartbeat(first.taskToken!);
  service.advanceTime(first.taskToken!, 45); // the heartbeat deadline (20 + 30 = 50 s) passes
  const second = await service.getActivityTask(activityArn, 'fast');
  service.sendTaskSuccess(second.taskToken!, 'done');
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: 'done' });
  const { history } = execution;
  assert.equal(types(history).slice(2, -2), [
    'ActivityScheduled',
    'ActivityStarted',
    'ActivityTimedOut',
    'ActivityScheduled',
    'ActivityStarted',
    'ActivitySucceeded',
  ]);
  assert.is(seconds(history, 'ActivityTimedOut'), 50);
  assert.is(seconds(history, 'ActivitySucceeded'), 60);
});

Time.run();
