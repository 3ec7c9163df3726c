import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, type HistoryEvent } from '../src/index.js';

const s = suite('redrive');

const START = { startTime: '2025-01-01T00:00:00Z', seed: 3, name: 'order-9' };

const TWO_TASKS = {
  StartAt: 'Reserve',
  States: {
    Reserve: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:reserve', ResultPath: '$.reserved', Next: 'Charge' },
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge',
      Parameters: { 'redrives.$': '$$.Execution.RedriveCount' },
      ResultPath: '$.charged',
      End: true,
    },
  },
};

/** Handlers whose Charge fails while `broken.value` is true; `calls` counts calls by state. */
function flakyHandlers(broken: { value: boolean }, calls: Record<string, number>) {
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  return {
    Reserve: () => (count('Reserve'), { seat: 4 }),
    Charge: (input: unknown) => {
      count('Charge');
      if (broken.value) throw Object.assign(new Error('payment service down'), { name: 'Unavailable' });
      return input;
    },
  };
}

s('a failed Task after a successful one: the redrive runs only the failed one', async () => {
  const broken = { value: true };
  const calls: Record<string, number> = {};
  const machine = new StateMachine(TWO_TASKS, { handlers: flakyHandlers(broken, calls) });
  const failed = machine.start({ order: 9 }, START);
  assert.is((await failed.result).status, 'FAILED');
  assert.equal(calls, { Reserve: 1, Charge: 1 });

  broken.value = false;
  const redriven = machine.start(null, { ...START, startTime: '2025-01-02T00:00:00Z', redriveFrom: failed.history });
  const result = await redriven.result;
  assert.equal(result, { status: 'SUCCEEDED', output: { order: 9, reserved: { seat: 4 }, charged: { redrives: 1 } } });
  assert.equal(calls, { Reserve: 1, Charge: 2 });
  // The history keeps the first attempt, then ExecutionRedriven, then the re-run.
  const history = redriven.history;
  assert.equal(JSON.parse(JSON.stringify(history.slice(0, failed.history.length))), JSON.parse(JSON.stringify(failed.history)));
  const redrive = history[failed.history.length]!;
  assert.is(redrive.type, 'ExecutionRedriven');
  assert.equal(redrive.executionRedrivenEventDetails, { redriveCount: 1 });
  assert.is(history.at(-1)!.type, 'ExecutionSucceeded');
  assert.is(history.filter((event) => event.type === 'TaskStateEntered').length, 3);
  // The re-run happens at the redrive's time.
  assert.is(history[failed.history.length + 1]!.timestamp.toISOString(), '2025-01-02T00:00:00.000Z');
});

s('a second redrive counts 2 and keeps what the first one achieved', async () => {
  const broken = { value: true };
  const calls: Record<string, number> = {};
  const machine = new StateMachine(TWO_TASKS, { handlers: flakyHandlers(broken, calls) });
  const first = machine.start({ order: 1 }, START);
  await first.result;
  const second = machine.start(null, { ...START, redriveFrom: first.history });
  assert.is((await second.result).status, 'FAILED');
  broken.value = false;
  const third = machine.start(null, { ...START, redriveFrom: second.history });
  const result = await third.result;
  assert.equal(result, { status: 'SUCCEEDED', output: { order: 1, reserved: { seat: 4 }, charged: { redrives: 2 } } });
  assert.equal(calls, { Reserve: 1, Charge: 3 });
  assert.equal(third.history.filter((event) => event.type === 'ExecutionRedriven').map((event) => event.executionRedrivenEventDetails), [
    { redriveCount: 1 },
    { redriveCount: 2 },
  ]);
});

const MAP = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 2,
      ItemProcessor: {
        StartAt: 'Ship',
        States: { Ship: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:ship', End: true } },
      },
      End: true,
    },
  },
};

s('a state replayed from before the redrive reads the RedriveCount it ran with', async () => {
  const definition = {
    StartAt: 'Note',
    States: {
      Note: { Type: 'Pass', Parameters: { 'before.$': '$$.Execution.RedriveCount' }, Next: 'Charge' },
      Charge: TWO_TASKS.States.Charge,
    },
  };
  const broken = { value: true };
  const machine = new StateMachine(definition, { handlers: flakyHandlers(broken, {}) });
  const failed = machine.start({}, START);
  await failed.result;
  broken.value = false;
  const redriven = machine.start(null, { ...START, redriveFrom: failed.history });
  assert.equal(await redriven.result, { status: 'SUCCEEDED', output: { before: 0, charged: { redrives: 1 } } });
});

s('a Map redrive re-runs only the failed and unstarted iterations', async () => {
  const broken = new Set([2]);
  const calls: number[] = [];
  const machine = new StateMachine(MAP, {
    handlers: {
      Ship: (item) => {
        calls.push(item as number);
        if (broken.has(item as number)) throw Object.assign(new Error('no stock'), { name: 'OutOfStock' });
        return { shipped: item };
      },
    },
  });
  const failed = machine.start({ items: [1, 2, 3, 4, 5] }, START);
  assert.is((await failed.result).status, 'FAILED');
  const firstCalls = [...calls];
  assert.ok(!firstCalls.includes(5), 'item 5 never started: the Map failed first');

  broken.clear();
  calls.length = 0;
  const redriven = machine.start(null, { ...START, redriveFrom: failed.history });
  const result = await redriven.result;
  assert.equal(result, { status: 'SUCCEEDED', output: [1, 2, 3, 4, 5].map((item) => ({ shipped: item })) });
  // An iteration that was called but aborted when item 2 failed did not succeed: it runs again.
  const succeededBefore = failed.history
    .filter((event) => event.type === 'MapIterationSucceeded')
    .map((event) => (event.mapIterationSucceededEventDetails as { index: number }).index + 1);
  assert.ok(succeededBefore.length > 0 && !succeededBefore.includes(2));
  assert.equal(calls.sort(), [1, 2, 3, 4, 5].filter((item) => !succeededBefore.includes(item)));
});

s('a Parallel redrive re-runs only the failed branch, and a second failure keeps what succeeded', async () => {
  const branch = (name: string) => ({ StartAt: name, States: { [name]: { Type: 'Task', Resource: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, End: true } } });
  const definition = { StartAt: 'All', States: { All: { Type: 'Parallel', Branches: [branch('A'), branch('B'), branch('C')], End: true } } };
  const failing = new Set(['B', 'C']);
  const calls: string[] = [];
  const handler = (name: string) => (input: unknown) => {
    calls.push(name);
    if (failing.has(name)) throw Object.assign(new Error(`${name} is down`), { name: 'Unavailable' });
    return { [name]: input };
  };
  const machine = new StateMachine(definition, { handlers: { A: handler('A'), B: handler('B'), C: handler('C') } });
  const first = machine.start(1, START);
  assert.is((await first.result).status, 'FAILED');
  assert.ok(calls.includes('A'));

  failing.delete('B');
  calls.length = 0;
  const second = machine.start(null, { ...START, redriveFrom: first.history });
  assert.is((await second.result).status, 'FAILED');
  assert.ok(!calls.includes('A'), 'A succeeded before and is not run again');

  failing.clear();
  calls.length = 0;
  const third = machine.start(null, { ...START, redriveFrom: second.history });
  assert.equal(await third.result, { status: 'SUCCEEDED', output: [{ A: 1 }, { B: 1 }, { C: 1 }] });
  // B succeeded in the second attempt (if it was not aborted by C's failure first): only what did not succeed runs.
  const bSucceeded = second.history.some(
    (event) => event.type === 'LambdaFunctionSucceeded' && (event.lambdaFunctionSucceededEventDetails as { output: string }).output.includes('"B"'),
  );
  assert.equal(calls, bSucceeded ? ['C'] : ['B', 'C']);
});

s('a TIMED_OUT execution is redriven with its TimeoutSeconds counted from the redrive', async () => {
  const definition = {
    TimeoutSeconds: 60,
    StartAt: 'Slow',
    States: { Slow: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:slow', End: true } },
  };
  let seconds = 120;
  const machine = new StateMachine(definition, {
    handlers: {
      Slow: async (_input: unknown, context: { sleep(seconds: number): Promise<void> }) => {
        await context.sleep(seconds);
        return { took: seconds };
      },
    },
  });
  const timedOut = machine.start({}, START);
  assert.equal(await timedOut.result, { status: 'TIMED_OUT' });
  seconds = 30;
  const redriven = machine.start(null, { ...START, startTime: '2025-01-03T00:00:00Z', redriveFrom: timedOut.history });
  assert.equal(await redriven.result, { status: 'SUCCEEDED', output: { took: 30 } });
});

s('only FAILED, TIMED_OUT and ABORTED Standard executions can be redriven', async () => {
  const machine = new StateMachine({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  const succeeded = machine.start({}, START);
  await succeeded.result;
  const notRedrivable = (error: Error) => error.name === 'ExecutionNotRedrivable';
  assert.throws(() => machine.start(null, { redriveFrom: succeeded.history }), notRedrivable);
  assert.throws(() => machine.start(null, { redriveFrom: succeeded.history.slice(0, 2) }), notRedrivable);
  const express = new StateMachine({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { type: 'EXPRESS' });
  assert.throws(() => express.start(null, { redriveFrom: succeeded.history }), notRedrivable);
  const waiting = new StateMachine({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 600, End: true } } });
  const aborted = waiting.start({}, { clock: 'real' });
  aborted.abort();
  assert.equal(await aborted.result, { status: 'ABORTED' });
  const redriven = waiting.start(null, { redriveFrom: aborted.history });
  assert.equal(await redriven.result, { status: 'SUCCEEDED', output: {} });
});

s('an execution that ended more than 14 days ago cannot be redriven', async () => {
  const machine = new StateMachine({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Boom' } } });
  const failed = machine.start({}, START);
  await failed.result;
  const history: HistoryEvent[] = [...failed.history];
  assert.throws(() => machine.start(null, { redriveFrom: history, startTime: '2025-01-20T00:00:00Z' }), /14 days/);
  const redriven = machine.start(null, { redriveFrom: history, startTime: '2025-01-10T00:00:00Z' });
  assert.equal(await redriven.result, { status: 'FAILED', error: 'Boom' });
});

s('a redriven execution interrupted mid-way resumes from every prefix of its history', async () => {
  const broken = { value: true };
  const calls: Record<string, number> = {};
  const machine = new StateMachine(TWO_TASKS, { handlers: flakyHandlers(broken, calls) });
  const failed = machine.start({ order: 2 }, START);
  await failed.result;
  broken.value = false;
  const redriven = machine.start(null, { ...START, redriveFrom: failed.history });
  const expected = await redriven.result;
  const full = JSON.parse(JSON.stringify(redriven.history));
  for (let k = failed.history.length + 1; k <= redriven.history.length; k++) {
    const resumed = machine.start(null, { ...START, resumeFrom: redriven.history.slice(0, k) });
    assert.equal(await resumed.result, expected, `result after resuming from ${k} events`);
    assert.equal(JSON.parse(JSON.stringify(resumed.history)), full, `history after resuming from ${k} events`);
  }
});

s('a redriven Map interrupted mid-way resumes from every prefix, keeping the iterations kept by the redrive', async () => {
  const broken = new Set([2]);
  const calls: number[] = [];
  const machine = new StateMachine(MAP, {
    handlers: {
      Ship: (item) => {
        calls.push(item as number);
        if (broken.has(item as number)) throw Object.assign(new Error('no stock'), { name: 'OutOfStock' });
        return { shipped: item };
      },
    },
  });
  const failed = machine.start({ items: [1, 2, 3, 4] }, START);
  await failed.result;
  broken.clear();
  const redriven = machine.start(null, { ...START, redriveFrom: failed.history });
  const expected = await redriven.result;
  assert.is(expected.status, 'SUCCEEDED');
  const full = JSON.parse(JSON.stringify(redriven.history));
  for (let k = failed.history.length + 1; k <= redriven.history.length; k++) {
    calls.length = 0;
    const resumed = machine.start(null, { ...START, resumeFrom: redriven.history.slice(0, k) });
    assert.equal(await resumed.result, expected, `result after resuming from ${k} events`);
    assert.equal(JSON.parse(JSON.stringify(resumed.history)), full, `history after resuming from ${k} events`);
    const answered = redriven.history.slice(failed.history.length, k).filter((event) => event.type === 'LambdaFunctionSucceeded').length;
    const rerun = redriven.history.slice(failed.history.length).filter((event) => event.type === 'LambdaFunctionSucceeded').length;
    assert.is(calls.length, rerun - answered, `handler calls after resuming from ${k} events`);
  }
});

s.run();
