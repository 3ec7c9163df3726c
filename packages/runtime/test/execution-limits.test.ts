import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine } from '../src/index.js';
import { JSONATA_LIMITS } from '../src/jsonata/evaluation-budget.js';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:f';

/** A Task that always fails and retries (almost) forever. */
const retryForever = {
  StartAt: 'T',
  States: {
    T: { Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 99999999, BackoffRate: 1 }], End: true },
  },
};

const quota = suite('history quota');

for (const kind of ['synchronous', 'asynchronous'] as const) {
  quota(`a Retry with a huge MaxAttempts ends at the quota (${kind} handler)`, async () => {
    const fail = () => {
      throw new Error('down');
    };
    const handler = kind === 'synchronous' ? fail : async () => fail();
    const machine = new StateMachine(retryForever, { handlers: { T: handler }, maxHistoryEvents: 300 });
    const execution = machine.start({});
    const result = await execution.result;
    assert.equal(result, {
      status: 'FAILED',
      error: 'States.Runtime',
      cause: 'The execution reached the maximum number of history events (300).',
    });
    const history = execution.history;
    assert.is(history.length, 300);
    assert.is(history.at(-1)!.type, 'ExecutionFailed');
  });
}

quota('the default quota of a Standard machine is 25,000 events, retries included', async () => {
  const machine = new StateMachine(retryForever, { handlers: { T: () => Promise.reject(new Error('down')) } });
  const execution = machine.start({});
  assert.is((await execution.result).status, 'FAILED');
  assert.is(execution.history.length, 25_000);
});

quota('event number max may still be ExecutionSucceeded (AWS: it waits for the next event)', async () => {
  // ExecutionStarted, 2 × (PassStateEntered, PassStateExited), ExecutionSucceeded: 6 events.
  const twoPasses = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } } };
  assert.is((await new StateMachine(twoPasses, { maxHistoryEvents: 6 }).run({})).status, 'SUCCEEDED');
  const short = await new StateMachine(twoPasses, { maxHistoryEvents: 5 }).run({});
  assert.is(short.status, 'FAILED');
});

quota('a Catch cannot catch the quota, and a Parallel branch hitting it ends the execution', async () => {
  const machine = new StateMachine(
    {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [retryForever, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 5, End: true } } }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Succeed' },
      },
    },
    { handlers: { T: () => Promise.reject(new Error('down')) }, maxHistoryEvents: 100 },
  );
  const execution = machine.start({});
  assert.is((await execution.result).status, 'FAILED');
  assert.is(execution.history.length, 100);
  assert.not.ok(execution.history.some((event) => event.type === 'ParallelStateFailed'));
});

quota('an exponential backoff that never ends times out at the one-year maximum (was a RangeError past the last date)', async () => {
  const backoff = {
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 99999999, BackoffRate: 2 }], End: true } },
  };
  const execution = new StateMachine(backoff, { handlers: { T: () => Promise.reject(new Error('down')) } }).start({}, { startTime: 0 });
  assert.equal(await execution.result, { status: 'TIMED_OUT' });
  assert.is(execution.history.at(-1)!.timestamp.getTime(), 366 * 24 * 3600 * 1000);
});

quota.run();

const jsonataLimits = suite('JSONata evaluation limits');

/** Runs a one-Pass JSONata machine whose Output is `expression`. */
async function evaluate(expression: string, input: unknown = {}) {
  const machine = new StateMachine({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: `{% ${expression} %}`, End: true } } });
  return machine.run(input);
}

function assertLimit(result: Awaited<ReturnType<typeof evaluate>>, cause: RegExp) {
  assert.is(result.status, 'FAILED');
  if (result.status === 'SUCCEEDED') return;
  assert.is(result.error, 'States.QueryEvaluationError');
  assert.match(result.cause!, /exceeded an evaluation limit/);
  assert.match(result.cause!, cause);
}

jsonataLimits('a function that calls itself forever ends at the depth limit', async () => {
  assertLimit(await evaluate('($f := function($x){ 1 + $f($x + 1) }; $f(0))'), new RegExp(`deeper than ${JSONATA_LIMITS.depth} levels`));
});

jsonataLimits('a tail-recursive loop (constant depth) ends at the step limit', async () => {
  const steps = JSONATA_LIMITS.steps;
  JSONATA_LIMITS.steps = 200_000;
  try {
    assertLimit(await evaluate('($f := function($x){ $f($x + 1) }; $f(0))'), /more than 200000 steps/);
  } finally {
    JSONATA_LIMITS.steps = steps;
  }
});

jsonataLimits('a catastrophically backtracking regular expression is interrupted', async () => {
  assertLimit(await evaluate('$match($states.input.s, /^(a+)+$/)', { s: `${'a'.repeat(40)}b` }), /regular expression \/\^\(a\+\)\+\$\/ ran longer/);
});

jsonataLimits('deep but finite recursion and ordinary regular expressions still evaluate', async () => {
  assert.equal(await evaluate('($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(500))'), { status: 'SUCCEEDED', output: 500 });
  assert.equal(await evaluate('$match("ab12cd345", /[0-9]+/).match'), { status: 'SUCCEEDED', output: ['12', '345'] });
  assert.equal(await evaluate('$replace("a-b-c", /-/, "+")'), { status: 'SUCCEEDED', output: 'a+b+c' });
});

jsonataLimits('a limit is an evaluation error that Catch handles', async () => {
  const machine = new StateMachine({
    QueryLanguage: 'JSONata',
    StartAt: 'P',
    States: {
      P: { Type: 'Task', Resource: LAMBDA, Arguments: '{% ($f := function($x){ 1 + $f($x) }; $f(0)) %}', Catch: [{ ErrorEquals: ['States.QueryEvaluationError'], Next: 'Done', Output: '{% $states.errorOutput.Error %}' }], End: true },
      Done: { Type: 'Succeed' },
    },
  }, { handlers: { P: (input) => input } });
  assert.equal(await machine.run({}), { status: 'SUCCEEDED', output: 'States.QueryEvaluationError' });
});

jsonataLimits.run();

const idle = suite('handlers that take long or never answer');

const neverAnswers = () => new Promise<never>(() => undefined);
const invoke = (extra: object = {}, machine: object = {}) => ({
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...extra } },
  ...machine,
});

idle('time out at the task TimeoutSeconds once nothing else can happen', async () => {
  const execution = new StateMachine(invoke({ TimeoutSeconds: 30 }), { handlers: { T: neverAnswers } }).start({}, { startTime: 0 });
  assert.equal(await execution.result, { status: 'FAILED', error: 'States.Timeout' });
  const timedOut = execution.history.find((event) => event.type === 'TaskTimedOut')!;
  assert.is(timedOut.timestamp.getTime(), 30_000);
});

idle('end the execution at its own TimeoutSeconds when that comes first', async () => {
  const execution = new StateMachine(invoke({ TimeoutSeconds: 30 }, { TimeoutSeconds: 10 }), { handlers: { T: neverAnswers } }).start({}, { startTime: 0 });
  assert.equal(await execution.result, { status: 'TIMED_OUT' });
  assert.is(execution.history.at(-1)!.timestamp.getTime(), 10_000);
});

idle("without any TimeoutSeconds, time out at AWS's default (99999999 s), where a Retry or Catch can see it", async () => {
  const full = {
    StartAt: 'T',
    States: {
      T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Done' }], End: true },
      Done: { Type: 'Pass', Result: 'gave up', End: true },
    },
  };
  const execution = new StateMachine(full, { handlers: { T: neverAnswers } }).start({}, { startTime: 0 });
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: 'gave up' });
  assert.is(execution.history.find((event) => event.type === 'TaskTimedOut')!.timestamp.getTime(), 99_999_999_000);
});

idle('twenty tasks running at once (real clock) raise no MaxListenersExceededWarning', async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on('warning', onWarning);
  try {
    const map = {
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: 5, End: true } } }, End: true } },
    };
    const answerSoon = () => new Promise((resolve) => setTimeout(() => resolve({}), 20));
    const result = await new StateMachine(map, { handlers: { T: answerSoon } }).run(Array.from({ length: 20 }, (_, i) => i), { clock: 'real' });
    assert.is(result.status, 'SUCCEEDED');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(warnings, []);
  } finally {
    process.off('warning', onWarning);
  }
});

idle.run();
