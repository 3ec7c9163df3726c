// Which of two concurrent failures a Parallel or Map state reports, and what the aborted children leave in the
// history. On the virtual clock branches and iterations advance together: the failure that happens first in virtual
// time wins, and among failures at the same time the one whose task call came first (first come, first served).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { HistoryEvent } from '../src/index.js';
import { runDefinition } from './helpers.js';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const TASK = 'arn:aws:lambda:us-east-1:123456789012:function:work';

/** A handler that fails with `name` for inputs that carry it (`{ fail: name }`), else returns its input. */
const work = (input: { fail?: string }) => {
  if (input.fail) throw Object.assign(new Error(`failed: ${input.fail}`), { name: input.fail });
  return input;
};

/** A task state calling `work` with a literal input. */
const task = (input: object, next?: string, extra: object = {}) => ({
  Type: 'Task',
  Resource: TASK,
  Parameters: input,
  ...(next ? { Next: next } : { End: true }),
  ...extra,
});

/** A Map of the inline iteration machine `processor` over `items`; iterations read `$.steps` as their script. */
const mapOf = (processor: object, extra: object = {}) => ({
  StartAt: 'M',
  States: { M: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: processor, End: true, ...extra } },
});

/** Iteration machine: the item says how long to wait and which error to fail with after one task call. */
const WAIT_THEN_FAIL = {
  StartAt: 'Wait',
  States: {
    Wait: { Type: 'Wait', SecondsPath: '$.wait', Next: 'Call' },
    Call: { Type: 'Task', Resource: TASK, Parameters: { 'fail.$': '$.fail' }, End: true },
  },
};

const failureOf = (result: unknown) => {
  const { status, error } = result as { status: string; error?: string };
  return { status, error };
};
const seconds = (event: HistoryEvent) => (event.timestamp.getTime() - T0) / 1000;

/** Runs a Parallel state of `branches` (the whole machine) with `handler` answering every task. */
const runParallel = (branches: object[], handler: (input: never) => unknown = work) =>
  runDefinition({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: branches, End: true } } }, {}, { handlers: { [TASK]: handler } });

const Parallel = suite('concurrent failures: Parallel');

Parallel('the branch that fails first wins, not the first branch', async () => {
  const { result } = await runParallel([
    // Fails at its second task call…
    { StartAt: 'A1', States: { A1: task({ ok: 1 }, 'A2'), A2: task({ fail: 'Late' }) } },
    // …after this branch failed at its first.
    { StartAt: 'B1', States: { B1: task({ fail: 'Early' }) } },
  ]);
  assert.equal(failureOf(result), { status: 'FAILED', error: 'Early' });
});

Parallel('failures at the same turn: the first task call wins', async () => {
  const { result } = await runParallel([
    { StartAt: 'A', States: { A: task({ fail: 'First' }) } },
    { StartAt: 'B', States: { B: task({ fail: 'Second' }) } },
  ]);
  assert.equal(failureOf(result), { status: 'FAILED', error: 'First' });
});

Parallel('a retry backoff is time: a branch retried for 3 s fails after one that waited 2 s', async () => {
  const run = async (interval: number) => {
    let retried = false;
    // The first call of the retried branch fails with Flaky; every other call fails with the error it names.
    const flakyOnce = (input: { fail: string }) => {
      const flaky = input.fail === 'Retried' && !retried;
      if (flaky) retried = true;
      throw Object.assign(new Error(input.fail), { name: flaky ? 'Flaky' : input.fail });
    };
    const { result } = await runParallel([
      { StartAt: 'A', States: { A: task({ fail: 'Retried' }, undefined, { Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: interval, MaxAttempts: 1 }] }) } },
      { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 2, Next: 'B' }, B: task({ fail: 'Waited' }) } },
    ], flakyOnce);
    return failureOf(result).error;
  };
  assert.is(await run(1), 'Retried');
  assert.is(await run(3), 'Waited');
});

Parallel.run();

const Maps = suite('concurrent failures: Map');

Maps('the iteration that fails first in virtual time wins, whatever its index', async () => {
  const { result, history } = await runDefinition(mapOf(WAIT_THEN_FAIL), {
    items: [
      { wait: 10, fail: 'Slow' },
      { wait: 1, fail: 'Fast' },
    ],
  }, { handlers: { [TASK]: work } });
  assert.equal(failureOf(result), { status: 'FAILED', error: 'Fast' });
  // The state fails when the failure happens, not when the aborted iteration would have ended.
  assert.is(seconds(history.find((e) => e.type === 'MapStateFailed')!), 1);
});

Maps('MaxConcurrency 1: the next iteration starts only after the one before ended', async () => {
  const { result } = await runDefinition(mapOf(WAIT_THEN_FAIL, { MaxConcurrency: 1 }), {
    items: [
      { wait: 10, fail: 'Slow' },
      { wait: 1, fail: 'Fast' },
    ],
  }, { handlers: { [TASK]: work } });
  assert.equal(failureOf(result), { status: 'FAILED', error: 'Slow' });
});

Maps('MaxConcurrency 2 of 3: the third starts when a slot frees, on the virtual clock', async () => {
  // Item 0 succeeds at 1 s and frees its slot; item 2 starts then and fails at 1 + 3 = 4 s, before item 1 at 5 s.
  const { result } = await runDefinition(mapOf(WAIT_THEN_FAIL, { MaxConcurrency: 2 }), {
    items: [
      { wait: 1, fail: null },
      { wait: 5, fail: 'AtFive' },
      { wait: 3, fail: 'AtFour' },
    ],
  }, { handlers: { [TASK]: work } });
  assert.equal(failureOf(result), { status: 'FAILED', error: 'AtFour' });
});

Maps('an error caught inside an iteration does not end it; the later failure of another still loses to the earlier one', async () => {
  const processor = {
    StartAt: 'Try',
    States: {
      Try: { Type: 'Task', Resource: TASK, Parameters: { 'fail.$': '$.first' }, ResultPath: null, Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: 'Wait' }], Next: 'Wait' },
      Wait: { Type: 'Wait', SecondsPath: '$.wait', Next: 'Call' },
      Call: { Type: 'Task', Resource: TASK, Parameters: { 'fail.$': '$.fail' }, End: true },
    },
  };
  const { result } = await runDefinition(mapOf(processor), {
    items: [
      { first: null, wait: 3, fail: 'Three' },
      { first: 'Caught', wait: 2, fail: 'Two' },
    ],
  }, { handlers: { [TASK]: work } });
  assert.equal(failureOf(result), { status: 'FAILED', error: 'Two' });
});

Maps('iterations still running are aborted: MapIterationAborted on their own chain, before MapStateFailed', async () => {
  const { result, history } = await runDefinition(mapOf(WAIT_THEN_FAIL), {
    items: [
      { wait: 1, fail: 'Fails' },
      { wait: 100, fail: null },
      { wait: 50, fail: null },
    ],
  }, { handlers: { [TASK]: work } });
  assert.equal(failureOf(result), { status: 'FAILED', error: 'Fails' });
  const types = history.map((e) => e.type);
  assert.not.ok(types.includes('MapIterationSucceeded'));
  assert.not.ok(types.includes('WaitStateExited') && history.filter((e) => e.type === 'WaitStateExited').length > 1);
  const aborted = history.filter((e) => e.type === 'MapIterationAborted');
  assert.equal(aborted.map((e) => (e.mapIterationAbortedEventDetails as { index: number }).index), [1, 2]);
  for (const event of aborted) {
    // Each points at its own iteration's last event (its WaitStateEntered) and happens at the failure's time.
    assert.is(history[event.previousEventId - 1]!.type, 'WaitStateEntered');
    assert.is(seconds(event), 1);
  }
  const failed = types.indexOf('MapIterationFailed');
  assert.ok(failed < types.indexOf('MapIterationAborted'));
  assert.ok(types.lastIndexOf('MapIterationAborted') < types.indexOf('MapStateFailed'));
});

Maps('nested Maps: a failure in one outer iteration aborts the inner iterations of another', async () => {
  const inner = { StartAt: 'IW', States: { IW: { Type: 'Wait', Seconds: 30, End: true } } };
  const processor = {
    StartAt: 'Route',
    States: {
      Route: { Type: 'Choice', Choices: [{ Variable: '$.nested', BooleanEquals: true, Next: 'Inner' }], Default: 'Call' },
      Inner: { Type: 'Map', ItemsPath: '$.xs', ItemProcessor: inner, End: true },
      Call: { Type: 'Task', Resource: TASK, Parameters: { fail: 'Outer' }, End: true },
    },
  };
  const { result, history } = await runDefinition(mapOf(processor), {
    items: [{ nested: true, xs: [1, 2] }, { nested: false }],
  }, { handlers: { [TASK]: work } });
  assert.equal(failureOf(result), { status: 'FAILED', error: 'Outer' });
  const aborted = history.filter((e) => e.type === 'MapIterationAborted').map((e) => e.mapIterationAbortedEventDetails);
  // The inner iterations first, then the outer iteration that waited on them.
  assert.equal(aborted, [
    { index: 0, name: 'Inner' },
    { index: 1, name: 'Inner' },
    { index: 0, name: 'M' },
  ]);
  assert.is(seconds(history.at(-1)!), 0);
});

Maps('a Map of synchronous iterations still runs synchronously, in index order', async () => {
  const { result, history } = await runDefinition(
    mapOf({ StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.e' } } }),
    { items: [{ e: 'Zero' }, { e: 'One' }] },
  );
  assert.equal(failureOf(result), { status: 'FAILED', error: 'Zero' });
  // The second iteration never started: the first ended (and failed) within its own start.
  assert.is(history.filter((e) => e.type === 'MapIterationStarted').length, 1);
});

Maps.run();
