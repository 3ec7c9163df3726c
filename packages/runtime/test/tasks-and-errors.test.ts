import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { HandlerRegistry } from '../src/index.js';
import { runDefinition, single } from './helpers.js';

const Task = suite('Task');

Task('calls the handler with the effective input and the context object', async () => {
  let seen: { input?: unknown; state?: string; ctx?: unknown } = {};
  const { result, history } = await runDefinition(
    single({ Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { 'x.$': '$.x' }, ResultSelector: { 'y.$': '$.y' }, ResultPath: '$.out' }),
    { x: 1 },
    {
      handlers: {
        S: (input, context) => {
          seen = { input, state: context.stateName, ctx: (context.context as { State: { Name: string } }).State.Name };
          return { y: 2, noise: true };
        },
      },
    },
  );
  assert.equal(seen, { input: { x: 1 }, state: 'S', ctx: 'S' });
  assert.equal(result, { status: 'SUCCEEDED', output: { x: 1, out: { y: 2 } } });
  assert.equal(
    history.map((e) => e.type),
    ['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded'],
  );
  assert.equal(history[2]!.taskScheduledEventDetails, {
    resourceType: 'aws-sdk:s3',
    resource: 'getObject',
    region: 'us-east-1',
    parameters: '{"x":1}',
  });
});

Task('resolves handlers by state name, exact resource, then wildcard', () => {
  const a = () => 'a';
  const b = () => 'b';
  const c = () => 'c';
  const registry = new HandlerRegistry().byResource('arn:aws:lambda:*:*:function:charge-*', c).byResource('arn:x', b).byState('S', a);
  assert.is(registry.find('S', 'arn:x'), a);
  assert.is(registry.find('T', 'arn:x'), b);
  assert.is(registry.find('T', 'arn:aws:lambda:eu-west-1:1:function:charge-card'), c);
  assert.is(registry.find('T', 'arn:aws:lambda:eu-west-1:1:function:refund'), undefined);
});

Task('a handler registered by state name answers the qualified copies of that name, after an exact name', () => {
  const [a, b, c] = [() => 1, () => 2, () => 3];
  const registry = new HandlerRegistry().byState('Release lock', a).byState('Release lock (on return)', b).byResource('arn:x', c);
  assert.is(registry.find('Release lock (on error)', 'arn:x'), a);
  assert.is(registry.find('Release lock (on return)', 'arn:x'), b);
  assert.is(registry.find('Release lock (on error) 2', 'arn:x'), c);
  assert.is(registry.find('Other (on error)', 'arn:x'), c);
});

Task('a Task without a handler fails naming the state and the resource', async () => {
  const { result } = await runDefinition(single({ Type: 'Task', Resource: 'arn:aws:states:::sns:publish' }));
  assert.is(result.status, 'FAILED');
  const { cause } = result as { cause: string };
  assert.ok(cause.includes("'S'") && cause.includes('arn:aws:states:::sns:publish'));
});

Task('a thrown error name becomes the ASL error', async () => {
  const { result } = await runDefinition(single({ Type: 'Task', Resource: 'arn:r' }), {}, {
    handlers: { S: () => { throw Object.assign(new Error('slow down'), { name: 'Lambda.TooManyRequestsException' }); } },
  });
  assert.equal(result, { status: 'FAILED', error: 'Lambda.TooManyRequestsException', cause: 'slow down' });
});

Task.run();

const Retry = suite('Retry');

const flaky = (failures: number, name = 'Flaky') => {
  let calls = 0;
  return () => {
    calls++;
    if (calls <= failures) throw Object.assign(new Error(`failure ${calls}`), { name });
    return { calls };
  };
};

Retry('backs off on the virtual clock: interval × rate^(n−1), capped by MaxDelaySeconds', async () => {
  const { result, history } = await runDefinition(
    single({ Type: 'Task', Resource: 'arn:r', Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 3, BackoffRate: 2, MaxAttempts: 3, MaxDelaySeconds: 10 }] }),
    {},
    { handlers: { S: flaky(3) } },
  );
  assert.equal(result, { status: 'SUCCEEDED', output: { calls: 4 } });
  const scheduled = history.filter((e) => e.type === 'TaskScheduled').map((e) => e.timestamp.getTime() - Date.parse('2025-01-01T00:00:00Z'));
  assert.equal(scheduled, [0, 3000, 9000, 19000]);
});

Retry('only the first matching retrier applies; exhausted retries go to Catch', async () => {
  const { result } = await runDefinition(
    {
      StartAt: 'S',
      States: {
        S: {
          Type: 'Task',
          Resource: 'arn:r',
          Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 1 }, { ErrorEquals: ['States.ALL'], MaxAttempts: 5 }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    },
    { keep: 1 },
    { handlers: { S: flaky(2) } },
  );
  assert.equal(result, { status: 'SUCCEEDED', output: { keep: 1, error: { Error: 'Flaky', Cause: 'failure 2' } } });
});

Retry('FULL jitter draws from the seeded random source', async () => {
  const run = async (seed: number) =>
    (await runDefinition(
      single({ Type: 'Task', Resource: 'arn:r', Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 100, MaxAttempts: 1, JitterStrategy: 'FULL' }] }),
      {},
      { handlers: { S: flaky(1) }, start: { seed } },
    )).history.filter((e) => e.type === 'TaskScheduled')[1]!.timestamp.getTime();
  assert.is(await run(1), await run(1));
  assert.ok((await run(1)) - Date.parse('2025-01-01T00:00:00Z') <= 100000);
});

Retry('States.Runtime is neither retried nor caught', async () => {
  const { result, history } = await runDefinition(
    {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', InputPath: '$.missing', End: true } } }],
          Retry: [{ ErrorEquals: ['States.ALL', 'States.Runtime'].slice(0, 1) }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }],
          End: true,
        },
        C: { Type: 'Pass', End: true },
      },
    },
  );
  assert.is((result as { error: string }).error, 'States.Runtime');
  assert.is(history.filter((e) => e.type === 'ParallelStateStarted').length, 1);
});

Retry('JSONata Catch: Output and Assign see $states.errorOutput', async () => {
  const { result } = await runDefinition(
    {
      QueryLanguage: 'JSONata',
      StartAt: 'S',
      States: {
        S: {
          Type: 'Task',
          Resource: 'arn:r',
          Catch: [{ ErrorEquals: ['Boom'], Output: { e: '{% $states.errorOutput.Error %}' }, Assign: { why: '{% $states.errorOutput.Cause %}' }, Next: 'C' }],
          End: true,
        },
        C: { Type: 'Pass', Output: { e: '{% $states.input.e %}', why: '{% $why %}' }, End: true },
      },
    },
    {},
    { handlers: { S: () => { throw Object.assign(new Error('bang'), { name: 'Boom' }); } } },
  );
  assert.equal(result, { status: 'SUCCEEDED', output: { e: 'Boom', why: 'bang' } });
});

Retry.run();

const Limits = suite('Limits and bad input');

Limits('a result above 256 KiB is States.DataLimitExceeded, which States.ALL does not catch', async () => {
  const { result } = await runDefinition(
    {
      StartAt: 'S',
      States: {
        S: { Type: 'Task', Resource: 'arn:r', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }], End: true },
        C: { Type: 'Pass', End: true },
      },
    },
    {},
    { handlers: { S: () => ({ blob: 'x'.repeat(300 * 1024) }) } },
  );
  assert.is((result as { error: string }).error, 'States.DataLimitExceeded');
});

Limits('a loop that keeps replacing a large field is measured exactly, and still fails once a step really exceeds the quota', async () => {
  // Each Pass adds 50 KiB to its input's size bound (at 6 bytes a character, 300 KiB): past the quota at once, so measured exactly.
  const loop = (limit: number) => ({
    StartAt: 'Pad',
    States: {
      Pad: { Type: 'Pass', Result: 'z'.repeat(50 * 1024), ResultPath: '$.pad', Next: 'Grow' },
      Grow: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.count.n, 1)' }, ResultPath: '$.count', Next: 'More' },
      More: { Type: 'Choice', Choices: [{ Variable: '$.count.n', NumericLessThan: limit, Next: 'Pad' }], Default: 'Done' },
      Done: { Type: 'Succeed' },
    },
  });
  const fits = await runDefinition(loop(40), { count: { n: 0 } });
  assert.is(fits.result.status, 'SUCCEEDED');
  assert.is((fits.result as { output: { count: { n: number } } }).output.count.n, 40);
  const tooBig = await runDefinition(loop(40), { count: { n: 0 }, keep: 'k'.repeat(220 * 1024) });
  assert.is((tooBig.result as { error: string }).error, 'States.DataLimitExceeded');
  assert.match((tooBig.result as { cause: string }).cause, "The state/task 'Pad' returned a result");
});

Limits('a JSONata expression that throws is States.QueryEvaluationError, catchable', async () => {
  const { result } = await runDefinition(
    single({ Type: 'Pass', Output: '{% $number("abc") + {} %}' }, { QueryLanguage: 'JSONata' }),
  );
  assert.is((result as { error: string }).error, 'States.QueryEvaluationError');
  assert.match((result as { cause: string }).cause, "The JSONata expression '$number(\"abc\") + {}' specified for the field 'Output'");
});

Limits('ResultPath merges are measured: input and result under the quota, together over it', async () => {
  const half = 'x'.repeat(150 * 1024);
  const machine = { StartAt: 'S', States: { S: { Type: 'Pass', Result: { half }, ResultPath: '$.more', End: true } } };
  assert.is(((await runDefinition(machine, { half })).result as { error: string }).error, 'States.DataLimitExceeded');
  // A bound that overestimates (escapes counted at 6 bytes) must not fail a payload that fits.
  const fits = await runDefinition(machine, { small: 'y'.repeat(60 * 1024) });
  assert.is(fits.result.status, 'SUCCEEDED');
});

Limits('an execution input above 256 KiB fails', async () => {
  const { result } = await runDefinition(single({ Type: 'Pass' }), { blob: 'x'.repeat(300 * 1024) });
  assert.is((result as { error: string }).error, 'States.DataLimitExceeded');
});

Limits('abort() ends a running execution with ABORTED', async () => {
  let release!: () => void;
  const { StateMachine } = await import('../src/index.js');
  const machine = new StateMachine(single({ Type: 'Task', Resource: 'arn:r' }), {
    handlers: { S: (_input, ctx) => new Promise((resolve) => { release = () => resolve(1); ctx.signal.addEventListener('abort', () => resolve(2)); }) },
  });
  const execution = machine.start({});
  await new Promise((r) => setTimeout(r, 5));
  execution.abort();
  release();
  assert.equal(await execution.result, { status: 'ABORTED' });
});

Limits.run();

const Runaway = suite('Runaway loops');

Runaway('a loop with no exit stops at the 25,000-event history quota instead of hanging', async () => {
  const { result, history } = await runDefinition({
    StartAt: 'Spin',
    States: {
      Spin: { Type: 'Pass', Next: 'Again' },
      Again: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }], Default: 'Spin' },
      Done: { Type: 'Succeed' },
    },
  });
  assert.is((result as { error: string }).error, 'States.Runtime');
  assert.ok(history.length <= 25_002);
});

Runaway.run();

const Timeouts = suite('Task TimeoutSeconds');

Timeouts('a task that sleeps past TimeoutSeconds on the virtual clock times out as States.Timeout', async () => {
  const { result, history } = await runDefinition(
    {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:r',
          TimeoutSeconds: 30,
          Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Wrong' }, { ErrorEquals: ['States.Timeout'], Next: 'TimedOut' }],
          End: true,
        },
        Wrong: { Type: 'Fail', Error: 'Wrong' },
        TimedOut: { Type: 'Pass', Parameters: { 'at.$': '$$.State.EnteredTime', 'error.$': '$.Error' }, End: true },
      },
    },
    {},
    { handlers: { T: async (_input, { sleep }) => { await sleep(3600); return {}; } } },
  );
  assert.equal(result, { status: 'SUCCEEDED', output: { at: '2025-01-01T00:00:30.000Z', error: 'States.Timeout' } });
  assert.ok(history.some((e) => e.type === 'TaskTimedOut'));
});

Timeouts('a task that sleeps within its timeout succeeds and takes that long', async () => {
  const { result, history } = await runDefinition(
    single({ Type: 'Task', Resource: 'arn:r', TimeoutSeconds: 30 }),
    {},
    { handlers: { S: async (_input, { sleep }) => { await sleep(20); return { ok: true }; } } },
  );
  assert.equal(result, { status: 'SUCCEEDED', output: { ok: true } });
  assert.is(history.at(-1)!.timestamp.toISOString(), '2025-01-01T00:00:20.000Z');
});

Timeouts('JSONata TimeoutSeconds and HeartbeatSeconds are computed from the input when the state is entered', async () => {
  const definition = {
    QueryLanguage: 'JSONata',
    StartAt: 'S',
    States: { S: { Type: 'Task', Resource: 'arn:r', TimeoutSeconds: '{% $states.input.limit * 2 %}', HeartbeatSeconds: '{% $states.input.limit * 2 - 1 %}', End: true } },
  };
  const slow = { S: async (_input: unknown, { sleep }: { sleep(s: number): Promise<void> }) => { await sleep(15); return { ok: true }; } };
  const within = await runDefinition(definition, { limit: 10 }, { handlers: slow });
  assert.equal(within.result, { status: 'SUCCEEDED', output: { ok: true } });
  const past = await runDefinition(definition, { limit: 5 }, { handlers: slow });
  assert.equal(past.result.status, 'FAILED');
  assert.equal((past.result as { error?: string }).error, 'States.Timeout');
  const scheduled = past.history.find((e) => e.type === 'TaskScheduled') as unknown as { taskScheduledEventDetails?: { timeoutInSeconds?: number; heartbeatInSeconds?: number } } | undefined;
  assert.equal([scheduled?.taskScheduledEventDetails?.timeoutInSeconds, scheduled?.taskScheduledEventDetails?.heartbeatInSeconds], [10, 9]);
});

Timeouts.run();
