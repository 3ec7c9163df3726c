import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  StateMachine,
  TaskService,
  TaskServiceError,
  sendTaskSuccess,
  type ExecutionResult,
  type HistoryEvent,
} from '../src/index.js';

const SQS = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';
const START = '2025-01-01T00:00:00Z';

/** A machine whose Task `Ask` sends its token in the request and waits for the callback. */
function callbackMachine(task: object = {}, extra: object = {}, service = new TaskService()) {
  const requests: Array<{ MessageBody: { token: string } }> = [];
  const definition = {
    StartAt: 'Ask',
    States: {
      Ask: { Type: 'Task', Resource: SQS, Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } }, End: true, ...task },
      ...extra,
    },
  };
  const machine = new StateMachine(definition, {
    taskService: service,
    handlers: { 'arn:aws:states:::sqs:*': (request: { MessageBody: { token: string } }) => void requests.push(request) },
  });
  const tokens = () => requests.map((request) => request.MessageBody.token);
  return { machine, service, tokens, start: () => machine.start({}, { startTime: START, seed: 1 }) };
}

const types = (history: readonly HistoryEvent[]) => history.map((event) => event.type);
const at = (history: readonly HistoryEvent[], type: string) => history.find((event) => event.type === type)!;
const seconds = (history: readonly HistoryEvent[], type: string) => (at(history, type).timestamp.getTime() - Date.parse(START)) / 1000;
const rejects = (fn: () => void, name: string) => {
  try {
    fn();
  } catch (error) {
    assert.instance(error, TaskServiceError);
    assert.is((error as TaskServiceError).name, name);
    return;
  }
  assert.unreachable(`expected ${name}`);
};

const Callback = suite('.waitForTaskToken');

Callback('the token is in $$.Task.Token; SendTaskSuccess ends the wait with its output as the result', async () => {
  const { service, tokens, start } = callbackMachine({ ResultPath: '$.answer' });
  const execution = start();
  assert.is(tokens().length, 1);
  service.sendTaskSuccess(tokens()[0]!, { approved: true });
  const result = await execution.result;
  assert.equal(result, { status: 'SUCCEEDED', output: { answer: { approved: true } } });
  const { history } = execution;
  assert.equal(types(history), [
    'ExecutionStarted',
    'TaskStateEntered',
    'TaskScheduled',
    'TaskStarted',
    'TaskSubmitted',
    'TaskSucceeded',
    'TaskStateExited',
    'ExecutionSucceeded',
  ]);
  assert.equal(JSON.parse(at(history, 'TaskScheduled').taskScheduledEventDetails.parameters as string).MessageBody, { token: tokens()[0] });
  const submitted = at(history, 'TaskSubmitted').taskSubmittedEventDetails as Record<string, unknown>;
  assert.is(submitted.resource, 'sendMessage.waitForTaskToken');
  assert.ok('MessageId' in JSON.parse(submitted.output as string), 'TaskSubmitted holds the service response');
  assert.equal(at(history, 'TaskSucceeded').taskSucceededEventDetails, {
    resourceType: 'sqs',
    resource: 'sendMessage.waitForTaskToken',
    output: '{"approved":true}',
    outputDetails: { truncated: false },
  });
});

Callback('JSONata reads the token as $states.context.Task.Token', async () => {
  const service = new TaskService();
  let sent!: (token: string) => void;
  const token = new Promise<string>((resolve) => (sent = resolve));
  const machine = new StateMachine(
    {
      QueryLanguage: 'JSONata',
      StartAt: 'Ask',
      States: { Ask: { Type: 'Task', Resource: SQS, Arguments: { QueueUrl: 'q', MessageBody: '{% $states.context.Task.Token %}' }, End: true } },
    },
    { taskService: service, handlers: { Ask: (request: { MessageBody: string }) => sent(request.MessageBody) } },
  );
  const execution = machine.start({});
  service.sendTaskSuccess(await token, 'done');
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: 'done' });
});

Callback('an answer sent while the request is still being sent is taken', async () => {
  const service = new TaskService();
  const machine = new StateMachine(
    { StartAt: 'Ask', States: { Ask: { Type: 'Task', Resource: SQS, Parameters: { 'token.$': '$$.Task.Token' }, End: true } } },
    { taskService: service, handlers: { Ask: (request: { token: string }) => service.sendTaskSuccess(request.token, { early: true }) } },
  );
  const execution = machine.start({});
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: { early: true } });
  assert.ok(types(execution.history).includes('TaskSubmitted'));
});

Callback('without a handler the request is accepted; listeners learn the token', async () => {
  const service = new TaskService();
  const waiting: Array<{ taskToken?: string; stateName: string; input: unknown }> = [];
  const stop = service.onTaskWaiting((task) => waiting.push(task));
  const machine = new StateMachine(
    { StartAt: 'Ask', States: { Ask: { Type: 'Task', Resource: SQS, Parameters: { 'token.$': '$$.Task.Token' }, End: true } } },
    { taskService: service },
  );
  const execution = machine.start({});
  await Promise.resolve();
  assert.is(waiting.length, 1);
  assert.is(waiting[0]!.stateName, 'Ask');
  assert.equal(waiting[0]!.input, { token: waiting[0]!.taskToken });
  service.sendTaskSuccess(waiting[0]!.taskToken!, 1);
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: 1 });
  stop();
});

Callback('the top-level functions answer tasks of machines on the default service', async () => {
  let token = '';
  const machine = new StateMachine(
    { StartAt: 'Ask', States: { Ask: { Type: 'Task', Resource: SQS, Parameters: { 'token.$': '$$.Task.Token' }, End: true } } },
    { handlers: { Ask: (request: { token: string }) => void (token = request.token) } },
  );
  const execution = machine.start({});
  setTimeout(() => sendTaskSuccess(token, 'later'), 1);
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: 'later' });
});

Callback.run();

const Failure = suite('.waitForTaskToken failures');

Failure('SendTaskFailure fails the task with its error and cause', async () => {
  const { service, tokens, start } = callbackMachine();
  const execution = start();
  service.sendTaskFailure(tokens()[0]!, 'Rejected', 'The reviewer said no');
  assert.equal(await execution.result, { status: 'FAILED', error: 'Rejected', cause: 'The reviewer said no' });
  assert.equal(at(execution.history, 'TaskFailed').taskFailedEventDetails, {
    resourceType: 'sqs',
    resource: 'sendMessage.waitForTaskToken',
    error: 'Rejected',
    cause: 'The reviewer said no',
  });
});

Failure('SendTaskFailure without error or cause: States.ALL catches {"Error":null,"Cause":null} (recorded)', async () => {
  const { service, tokens, start } = callbackMachine(
    { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.caught', Next: 'Caught' }] },
    { Caught: { Type: 'Pass', End: true } },
  );
  const execution = start();
  service.sendTaskFailure(tokens()[0]!);
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: { caught: { Error: null, Cause: null } } });
  assert.equal(at(execution.history, 'TaskFailed').taskFailedEventDetails, { resourceType: 'sqs', resource: 'sendMessage.waitForTaskToken' });
});

Failure('Retry issues a new token per attempt; the old one is spent', async () => {
  const { service, tokens, start } = callbackMachine({ Retry: [{ ErrorEquals: ['Rejected'], IntervalSeconds: 5, MaxAttempts: 1 }] });
  const execution = start();
  service.sendTaskFailure(tokens()[0]!, 'Rejected');
  await new Promise((resolve) => setImmediate(resolve));
  assert.is(tokens().length, 2);
  assert.is.not(tokens()[1], tokens()[0]);
  rejects(() => service.sendTaskSuccess(tokens()[0]!, {}), 'TaskTimedOut');
  service.sendTaskSuccess(tokens()[1]!, 'second');
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: 'second' });
  assert.is(seconds(execution.history, 'TaskSucceeded'), 5);
});

Failure('unknown, spent and foreign tokens get AWS errors; output must be JSON', async () => {
  const { service, tokens, start } = callbackMachine();
  const execution = start();
  const token = tokens()[0]!;
  rejects(() => service.sendTaskSuccess('not-a-token', {}), 'InvalidToken');
  rejects(() => new TaskService().sendTaskSuccess(token, {}), 'InvalidToken');
  rejects(() => service.sendTaskSuccess(token, 10n), 'InvalidOutput');
  rejects(() => service.sendTaskSuccess(token, undefined), 'InvalidOutput');
  service.sendTaskSuccess(token, {});
  rejects(() => service.sendTaskSuccess(token, {}), 'TaskTimedOut');
  rejects(() => service.sendTaskFailure(token, 'E'), 'TaskTimedOut');
  rejects(() => service.sendTaskHeartbeat(token), 'TaskTimedOut');
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: {} });
});

Failure('a token of a state that failed before waiting is spent', async () => {
  const service = new TaskService();
  let token = '';
  const machine = new StateMachine(
    { StartAt: 'Ask', States: { Ask: { Type: 'Task', Resource: SQS, Parameters: { 'token.$': '$$.Task.Token' }, End: true } } },
    {
      taskService: service,
      handlers: {
        Ask: (request: { token: string }) => {
          token = request.token;
          throw Object.assign(new Error('queue gone'), { name: 'QueueDoesNotExist' });
        },
      },
    },
  );
  const result = await machine.run({});
  assert.is(result.status, 'FAILED');
  rejects(() => service.sendTaskSuccess(token, {}), 'TaskTimedOut');
});

Failure.run();

const Time = suite('.waitForTaskToken timeouts and heartbeats (virtual clock)');

Time('TimeoutSeconds: an unanswered task times out at its deadline once nothing else can answer', async () => {
  const { tokens, service, start } = callbackMachine({ TimeoutSeconds: 300 });
  const execution = start();
  const result: ExecutionResult = await execution.result;
  assert.equal(result, { status: 'FAILED', error: 'States.Timeout' });
  assert.equal(at(execution.history, 'TaskTimedOut').taskTimedOutEventDetails, {
    resourceType: 'sqs',
    resource: 'sendMessage.waitForTaskToken',
    error: 'States.Timeout',
  });
  assert.is(seconds(execution.history, 'TaskTimedOut'), 300);
  assert.equal(types(execution.history).slice(-2), ['TaskTimedOut', 'ExecutionFailed']);
  rejects(() => service.sendTaskSuccess(tokens()[0]!, {}), 'TaskTimedOut');
});

Time('without TimeoutSeconds the task waits AWS\'s default 99999999 s', async () => {
  const { start } = callbackMachine();
  const execution = start();
  assert.equal(await execution.result, { status: 'FAILED', error: 'States.Timeout' });
  assert.is(seconds(execution.history, 'TaskTimedOut'), 99_999_999);
});

Time('heartbeats keep a task alive while virtual time passes', async () => {
  const { service, tokens, start } = callbackMachine({ HeartbeatSeconds: 10, TimeoutSeconds: 100 });
  const execution = start();
  const token = tokens()[0]!;
  for (let beat = 0; beat < 3; beat++) {
    service.advanceTime(token, 8);
    service.sendTaskHeartbeat(token);
  }
  service.advanceTime(token, 8);
  service.sendTaskSuccess(token, 'alive');
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: 'alive' });
  assert.is(seconds(execution.history, 'TaskSucceeded'), 32);
});

Time('a missed heartbeat is States.Timeout at the heartbeat deadline, which States.HeartbeatTimeout catches', async () => {
  const { service, tokens, start } = callbackMachine(
    { HeartbeatSeconds: 10, TimeoutSeconds: 100, Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], Next: 'Lost' }] },
    { Lost: { Type: 'Pass', End: true } },
  );
  const execution = start();
  const token = tokens()[0]!;
  service.advanceTime(token, 6);
  service.sendTaskHeartbeat(token);
  service.advanceTime(token, 30);
  rejects(() => service.sendTaskSuccess(token, {}), 'TaskTimedOut');
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: { Error: 'States.Timeout' } });
  assert.is(seconds(execution.history, 'TaskTimedOut'), 16);
  assert.is((at(execution.history, 'TaskTimedOut').taskTimedOutEventDetails as { error: string }).error, 'States.Timeout');
});

Time('an idle wait fires the heartbeat deadline; States.Timeout catches it too', async () => {
  const { start } = callbackMachine(
    { HeartbeatSeconds: 10, Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Late' }] },
    { Late: { Type: 'Pass', End: true } },
  );
  const execution = start();
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: { Error: 'States.Timeout' } });
  assert.is(seconds(execution.history, 'TaskTimedOut'), 10);
});

Time('Retry and Catch on States.HeartbeatTimeout take missed heartbeats, not TimeoutSeconds', async () => {
  const { start, tokens } = callbackMachine({
    TimeoutSeconds: 20,
    HeartbeatSeconds: 10,
    Retry: [{ ErrorEquals: ['States.HeartbeatTimeout'], MaxAttempts: 1, IntervalSeconds: 1 }],
    Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], Next: 'Heartbeat' }],
  }, { Heartbeat: { Type: 'Pass', End: true } });
  const execution = start();
  // First attempt: the heartbeat deadline (10 s) is retried once; the second attempt misses it too and is caught.
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: { Error: 'States.Timeout' } });
  assert.is(tokens().length, 2);

  const timeout = callbackMachine({ TimeoutSeconds: 20, Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], Next: 'Heartbeat' }] }, {
    Heartbeat: { Type: 'Pass', End: true },
  });
  assert.equal(await timeout.start().result, { status: 'FAILED', error: 'States.Timeout' });
});

Time('the execution\'s TimeoutSeconds ends a wait that outlasts it', async () => {
  const service = new TaskService();
  const machine = new StateMachine(
    { TimeoutSeconds: 60, StartAt: 'Ask', States: { Ask: { Type: 'Task', Resource: SQS, TimeoutSeconds: 600, End: true } } },
    { taskService: service },
  );
  const execution = machine.start({}, { startTime: START });
  assert.equal(await execution.result, { status: 'TIMED_OUT' });
  assert.is(seconds(execution.history, 'ExecutionTimedOut'), 60);
});

Time('advanceTime needs a live token and a sane number of seconds', async () => {
  const { service, tokens, start } = callbackMachine();
  const execution = start();
  rejects(() => service.advanceTime(tokens()[0]!, -1), 'ValidationException');
  rejects(() => service.advanceTime('nope', 1), 'InvalidToken');
  service.sendTaskSuccess(tokens()[0]!, null);
  await execution.result;
});

Time('abort() ends a waiting execution and spends its token', async () => {
  const { service, tokens, start } = callbackMachine();
  const execution = start();
  execution.abort();
  assert.equal(await execution.result, { status: 'ABORTED' });
  rejects(() => service.sendTaskSuccess(tokens()[0]!, {}), 'TaskTimedOut');
});

Time.run();

const Real = suite('.waitForTaskToken on the real clock');

Real('answers arrive in real time; HeartbeatSeconds is a timer', async () => {
  const service = new TaskService();
  const tokens: string[] = [];
  const machine = new StateMachine(
    {
      StartAt: 'Ask',
      States: {
        Ask: { Type: 'Task', Resource: SQS, Parameters: { 'token.$': '$$.Task.Token' }, HeartbeatSeconds: 1, Next: 'Again' },
        Again: { Type: 'Task', Resource: SQS, Parameters: { 'token.$': '$$.Task.Token' }, HeartbeatSeconds: 1, End: true },
      },
    },
    { taskService: service, handlers: { 'arn:aws:states:::sqs:*': (request: { token: string }) => void tokens.push(request.token) } },
  );
  const execution = machine.start({}, { clock: 'real' });
  setTimeout(() => service.sendTaskSuccess(tokens[0]!, 'first'), 5);
  // The second task is never answered: its heartbeat timer ends it.
  assert.equal(await execution.result, { status: 'FAILED', error: 'States.Timeout' });
  assert.equal(types(execution.history).filter((type) => type.startsWith('Task') && !type.startsWith('TaskState')), [
    'TaskScheduled',
    'TaskStarted',
    'TaskSubmitted',
    'TaskSucceeded',
    'TaskScheduled',
    'TaskStarted',
    'TaskSubmitted',
    'TaskTimedOut',
  ]);
  let advanced: unknown;
  try {
    service.advanceTime(tokens[1]!, 1);
  } catch (error) {
    advanced = error;
  }
  assert.instance(advanced, TaskServiceError);
});

Real.run();
