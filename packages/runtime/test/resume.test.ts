import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, TaskService, type HandlerMap, type HistoryEvent, type StartOptions } from '../src/index.js';
import { resumeCases, type ResumeCase } from './resume-fixtures.js';

const s = suite('resume from recorded history');

const START = { startTime: '2025-01-01T00:00:00Z', seed: 11, name: 'order-1' } satisfies StartOptions;

/** Events compared field by field: ids, chains, types, timestamps and details. */
function plain(history: readonly HistoryEvent[]): unknown[] {
  return history.map((event) => JSON.parse(JSON.stringify(event)));
}

/** Handler calls whose answer an event records: each handler call writes exactly one (a child execution's answer is no handler's). */
const ANSWER = /^(Task|LambdaFunction)(Succeeded|Failed|TimedOut)$/;
function isHandlerAnswer(event: HistoryEvent): boolean {
  if (!ANSWER.test(event.type)) return false;
  const details = Object.entries(event).find(([key]) => key.endsWith('EventDetails'))?.[1] as { resourceType?: string } | undefined;
  return details?.resourceType !== 'states';
}

async function runCase(testCase: ResumeCase, options: { resumeFrom?: readonly HistoryEvent[]; service?: TaskService } = {}) {
  const calls = new Map<string, number>();
  const machine = new StateMachine(testCase.definition, {
    handlers: testCase.handlers(calls),
    taskService: options.service,
    stateMachines: testCase.children?.(calls),
  });
  const execution = machine.start(testCase.input, { ...START, resumeFrom: options.resumeFrom });
  const result = await execution.result;
  return { result, history: execution.history, calls };
}

function countedCalls(calls: Map<string, number>, testCase: ResumeCase): number {
  let total = 0;
  for (const [name, n] of calls) if (!testCase.uncounted?.includes(name)) total += n;
  return total;
}

for (const testCase of resumeCases) {
  s(`${testCase.name}: resuming from every prefix reproduces the run, without calling answered tasks again`, async () => {
    const full = await runCase(testCase);
    assert.is(full.result.status, full.result.status === 'SUCCEEDED' ? 'SUCCEEDED' : full.result.status);
    const expected = plain(full.history);
    const fullCalls = countedCalls(full.calls, testCase);
    for (let k = 1; k <= full.history.length; k++) {
      const prefix = full.history.slice(0, k);
      const resumed = await runCase(testCase, { resumeFrom: prefix });
      assert.equal(plain(resumed.history), expected, `history after resuming from ${k} events`);
      assert.equal(resumed.result, full.result, `result after resuming from ${k} events`);
      const answered = prefix.filter(isHandlerAnswer).length;
      assert.is(countedCalls(resumed.calls, testCase), fullCalls - answered, `handler calls after resuming from ${k} events`);
    }
  });
}

s('onEvent sees every new event as it is written, and on resume only those after the record', async () => {
  const testCase = resumeCases[0]!;
  const seen: HistoryEvent[] = [];
  const machine = new StateMachine(testCase.definition, { handlers: testCase.handlers(new Map()) });
  const full = machine.start(testCase.input, { ...START, onEvent: (event) => void seen.push(event) });
  await full.result;
  assert.equal(plain(seen), plain(full.history));
  const resumedSeen: HistoryEvent[] = [];
  const resumed = machine.start(null, { ...START, resumeFrom: full.history.slice(0, 7), onEvent: (event) => void resumedSeen.push(event) });
  await resumed.result;
  assert.equal(plain(resumedSeen), plain(full.history.slice(7)));
});

s('a resumed execution starts with exactly the recorded events (same objects’ content), then goes on', async () => {
  const testCase = resumeCases[1]!;
  const full = await runCase(testCase);
  const prefix = full.history.slice(0, 4);
  const resumed = await runCase(testCase, { resumeFrom: prefix });
  assert.equal(plain(resumed.history.slice(0, 4)), plain(prefix));
  assert.ok(resumed.history.length > 4);
});

// Callbacks and activities: the answers come from outside, here from a listener that answers every task that waits.
const CALLBACK = {
  StartAt: 'Approve',
  States: {
    Approve: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token', 'order.$': '$.order' } },
      Next: 'Review',
    },
    Review: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:review', TimeoutSeconds: 600, End: true },
  },
};

function answeringService(log: string[]): TaskService {
  const service = new TaskService({ secret: 'test secret' });
  service.onTaskWaiting((task) => {
    setImmediate(async () => {
      if (task.kind === 'callback') {
        log.push(`callback ${task.taskToken}`);
        service.sendTaskSuccess(task.taskToken!, { approved: true });
        return;
      }
      // A worker that took the task before the restart answers with the token it holds.
      const { taskToken, input } = task.taskToken ? task : await service.getActivityTask(task.resource, 'worker-1', { waitSeconds: 0 });
      if (!taskToken) return;
      log.push(`activity ${taskToken}`);
      service.sendTaskSuccess(taskToken, { reviewed: input });
    });
  });
  return service;
}

s('callback and activity tasks: resuming from every prefix reproduces the run', async () => {
  const testCase: ResumeCase = { name: 'callback', definition: CALLBACK, input: { order: 3 }, handlers: (): HandlerMap => ({}) };
  const fullLog: string[] = [];
  const full = await runCase(testCase, { service: answeringService(fullLog) });
  assert.is(full.result.status, 'SUCCEEDED');
  for (let k = 1; k <= full.history.length; k++) {
    const log: string[] = [];
    const resumed = await runCase(testCase, { resumeFrom: full.history.slice(0, k), service: answeringService(log) });
    assert.equal(plain(resumed.history), plain(full.history), `history after resuming from ${k} events`);
    assert.equal(resumed.result, full.result);
    // Tokens are the same as before the restart.
    for (const line of log) assert.ok(fullLog.includes(line), `${line} was issued before the restart too`);
  }
});

s('a callback token seen before the restart is taken after it', async () => {
  const service = new TaskService({ secret: 'kept across restarts' });
  const tokens: string[] = [];
  service.onTaskWaiting((task) => void tokens.push(task.taskToken!));
  const machine = new StateMachine(CALLBACK, { taskService: service });
  const first = machine.start({ order: 9 }, START);
  const seen: HistoryEvent[] = [];
  for await (const event of first.events()) {
    seen.push(event);
    if (event.type === 'TaskSubmitted') break;
  }
  first.abort(); // the "crash": the first process is gone
  await first.result;

  // A new process: a new service with the same secret.
  const restarted = new TaskService({ secret: 'kept across restarts' });
  restarted.onTaskWaiting((task) => {
    if (task.kind === 'activity') {
      setImmediate(async () => {
        const { taskToken } = await restarted.getActivityTask(task.resource, 'w', { waitSeconds: 0 });
        restarted.sendTaskSuccess(taskToken!, { ok: true });
      });
    }
  });
  const resumed = new StateMachine(CALLBACK, { taskService: restarted }).start(null, { ...START, resumeFrom: seen });
  await new Promise((resolve) => setImmediate(resolve));
  restarted.sendTaskSuccess(tokens[0]!, { approved: 'before the crash' });
  const result = await resumed.result;
  assert.equal(result, { status: 'SUCCEEDED', output: { ok: true } });
  const succeeded = resumed.history.find((event) => event.type === 'TaskSucceeded')!;
  assert.is((succeeded.taskSucceededEventDetails as { output: string }).output, '{"approved":"before the crash"}');
});

s('200 executions waiting on task tokens: after a "crash", resumed with the same secret, the tokens seen before finish them all', async () => {
  const definition = {
    StartAt: 'Prepare',
    States: {
      Prepare: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:prepare', ResultPath: '$.prepared', Next: 'Wait for answer' },
      'Wait for answer': {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token', 'n.$': '$.n' } },
        ResultPath: '$.answer',
        End: true,
      },
    },
  };
  let prepares = 0;
  const handlers = { Prepare: (input: unknown) => (prepares++, { double: (input as { n: number }).n * 2 }) };
  const before = new TaskService({ secret: 'durable' });
  const tokens = new Map<string, string>();
  before.onTaskWaiting((task) => void tokens.set(task.executionArn, task.taskToken!));
  const machine = new StateMachine(definition, { handlers, taskService: before, name: 'durable' });
  const stored = new Map<string, HistoryEvent[]>();
  const firsts = Array.from({ length: 200 }, (_, n) => machine.start({ n }, { name: `run-${n}`, clock: 'real' }));
  await Promise.all(
    firsts.map(async (execution) => {
      const events: HistoryEvent[] = [];
      stored.set(execution.executionArn, events);
      for await (const event of execution.events()) {
        events.push(JSON.parse(JSON.stringify(event))); // as a database gives them back: timestamps as text
        if (event.type === 'TaskSubmitted') break;
      }
    }),
  );
  for (const execution of firsts) execution.abort();
  assert.is(prepares, 200);

  const after = new TaskService({ secret: 'durable' });
  const restarted = new StateMachine(definition, { handlers, taskService: after, name: 'durable' });
  const resumed = [...stored].map(([arn, events]) => restarted.start(null, { name: arn.split(':').pop(), clock: 'real', resumeFrom: events }));
  for (const execution of resumed) after.sendTaskSuccess(tokens.get(execution.executionArn)!, { ok: execution.executionArn });
  const results = await Promise.all(resumed.map((execution) => execution.result));
  results.forEach((result, n) => {
    assert.equal(result, { status: 'SUCCEEDED', output: { n, prepared: { double: n * 2 }, answer: { ok: resumed[n]!.executionArn } } });
    const history = resumed[n]!.history;
    assert.equal(history.map((event) => event.id), history.map((_, i) => i + 1));
    assert.equal(history.slice(-3).map((event) => event.type), ['TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
  });
  assert.is(prepares, 200, 'Prepare was answered before the crash and is not called again');
});

s('a Wait keeps its deadline on the real clock: one that is past ends at once', async () => {
  const definition = { StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 3600, Next: 'Done' }, Done: { Type: 'Pass', End: true } } };
  const machine = new StateMachine(definition);
  const enteredAt = new Date(Date.now() - 2 * 3600 * 1000);
  const record: HistoryEvent[] = [
    { id: 1, previousEventId: 0, timestamp: enteredAt, type: 'ExecutionStarted', executionStartedEventDetails: { input: '{}', inputDetails: { truncated: false }, roleArn: 'arn:aws:iam::123456789012:role/typestep-local' } },
    { id: 2, previousEventId: 0, timestamp: enteredAt, type: 'WaitStateEntered', stateEnteredEventDetails: { name: 'Pause', input: '{}', inputDetails: { truncated: false } } },
  ];
  const execution = machine.start(null, { clock: 'real', resumeFrom: record });
  const result = await execution.result;
  assert.equal(result, { status: 'SUCCEEDED', output: {} });
  assert.is(execution.history[2]!.type, 'WaitStateExited');
  assert.ok(execution.history[2]!.timestamp.getTime() >= enteredAt.getTime() + 3600 * 1000);
});

s('real clock: a Map with concurrency resumes from every prefix, matching its iterations by place', async () => {
  const base = resumeCases.find((c) => c.name === 'inline Map with MaxConcurrency')!;
  // Without its Retry, whose one-second backoff would be real here.
  const testCase = { ...base, definition: structuredClone(base.definition) as { States: { Each: { ItemProcessor: { States: { Square: { Retry?: unknown } } } } } } };
  delete testCase.definition.States.Each.ItemProcessor.States.Square.Retry;
  // Handlers that take real time, in an order that varies from run to run (and never fail).
  const jittered = (calls: Map<string, number>): HandlerMap => {
    const square = base.handlers(calls).Square!;
    return { Square: async (input, context) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      return square(input, { ...context, context: { ...context.context, State: { RetryCount: 1 } }, sleep: async () => undefined });
    } };
  };
  const start = async (resumeFrom?: readonly HistoryEvent[]) => {
    const calls = new Map<string, number>();
    const execution = new StateMachine(testCase.definition, { handlers: jittered(calls) }).start(testCase.input, { clock: 'real', name: 'real-1', resumeFrom });
    return { result: await execution.result, history: execution.history, calls };
  };
  const full = await start();
  assert.is(full.result.status, 'SUCCEEDED');
  const shape = (events: readonly HistoryEvent[]) =>
    events.map(({ id: _id, previousEventId: _previous, timestamp: _time, ...rest }) => JSON.stringify(rest)).sort();
  for (let k = 1; k <= full.history.length; k++) {
    const prefix = full.history.slice(0, k);
    const resumed = await start(prefix);
    assert.equal(resumed.result, full.result, `result after resuming from ${k} events`);
    assert.equal(plain(resumed.history.slice(0, k)), plain(prefix), `the recorded events come first (${k})`);
    assert.equal(shape(resumed.history), shape(full.history), `the same events after resuming from ${k} events`);
    const answered = prefix.filter(isHandlerAnswer).length;
    assert.is(resumed.calls.get('Square') ?? 0, (full.calls.get('Square') ?? 0) - answered, `handler calls after resuming from ${k} events`);
  }
});

/** The ReplayMismatchError a resumed execution's result rejects with. */
async function mismatchOf(result: Promise<unknown>): Promise<Error> {
  const settled = await result.then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  );
  assert.ok('error' in settled, `the resume should have failed, not ended with ${JSON.stringify(settled)}`);
  assert.is(settled.error.name, 'ReplayMismatchError');
  return settled.error;
}

s('a record the definition does not reproduce fails loudly, naming the first mismatching event', async () => {
  const testCase = resumeCases[0]!;
  const full = await runCase(testCase);
  const changed = structuredClone(testCase.definition) as { States: Record<string, { ResultPath?: string }> };
  changed.States.Reserve!.ResultPath = '$.other';
  const machine = new StateMachine(changed, { handlers: testCase.handlers(new Map()) });
  const execution = machine.start(testCase.input, { ...START, resumeFrom: full.history });
  // Reading the events of a resume that fails ends the stream (and leaves no unhandled rejection behind).
  const streamed: HistoryEvent[] = [];
  for await (const event of execution.events()) streamed.push(event);
  assert.ok(streamed.length >= 1);
  const { message } = await mismatchOf(execution.result);
  assert.match(message, /event #\d+/);
  assert.match(message, /TaskStateExited 'Reserve'/);
  assert.match(message, /output: recorded/);
});

s('a renamed state inside a Parallel branch is a mismatch too (found when the record is left unreproduced)', async () => {
  const testCase = resumeCases.find((c) => c.name === 'Parallel branches')!;
  const full = await runCase(testCase);
  const renamed = JSON.parse(JSON.stringify(testCase.definition).replaceAll('"Left"', '"Left again"'));
  const handlers = testCase.handlers(new Map());
  const machine = new StateMachine(renamed, { handlers: { ...handlers, 'Left again': handlers.Left! } });
  const { message } = await mismatchOf(machine.start(testCase.input, { ...START, resumeFrom: full.history }).result);
  assert.match(message, /'Left'/);
});

s('Express machines cannot be resumed', () => {
  const machine = new StateMachine({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { type: 'EXPRESS' });
  assert.throws(() => machine.start({}, { resumeFrom: [] }), (error: Error) => error.name === 'ExecutionNotResumable');
});

s('an aborted execution is not resumed (it can be redriven)', async () => {
  const machine = new StateMachine({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 600, End: true } } });
  const aborted = machine.start({}, { clock: 'real' });
  aborted.abort();
  await aborted.result;
  assert.throws(() => machine.start(null, { resumeFrom: aborted.history }), (error: Error) => error.name === 'ExecutionNotResumable' && /redriven/.test(error.message));
});

s('a malformed record is refused', () => {
  const machine = new StateMachine({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  assert.throws(() => machine.start({}, { resumeFrom: [] }), (error: Error) => error.name === 'InvalidExecutionHistory');
  const wrongStart = [{ id: 1, previousEventId: 0, timestamp: new Date(), type: 'PassStateEntered' }];
  assert.throws(() => machine.start({}, { resumeFrom: wrongStart }), /starts with PassStateEntered/);
});

s.run();
