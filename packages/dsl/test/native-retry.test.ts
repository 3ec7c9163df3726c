import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TaskContext } from '@typestep/runtime';
import { context, lambda, workflow, WorkflowError, type RetryOptions } from '../src/index.js';

const START = '2025-01-01T00:00:00Z';
const named = (name: string) => Object.assign(new Error(`${name}!`), { name });

/**
 * Calls a task whose handler throws the listed errors in turn (then succeeds)
 * and reports the attempt count, the outcome and the virtual seconds spent.
 */
async function attempts(retry: RetryOptions | RetryOptions[], failures: string[], options: { timeoutSeconds?: number } = {}) {
  const task = lambda<unknown, string>('${F}', { retry, ...options });
  let calls = 0;
  const retryCounts: number[] = [];
  const probe = workflow('Retry', async () => {
    try {
      await task({});
      return { ok: true, seconds: (Date.parse(context().state.enteredTime) - Date.parse(START)) / 1000 };
    } catch (e) {
      return { error: (e as WorkflowError).name, seconds: (Date.parse(context().state.enteredTime) - Date.parse(START)) / 1000 };
    }
  });
  const output = await probe.run(undefined, {
    startTime: START,
    handlers: {
      '${F}': async (_: unknown, ctx: TaskContext) => {
        retryCounts.push((ctx.context.State as { RetryCount: number }).RetryCount);
        const failure = failures[calls++];
        if (failure === 'timeout') await ctx.sleep(1000);
        else if (failure) throw named(failure);
        return 'done';
      },
    },
  });
  return { calls, retryCounts, ...output };
}

const Retry = suite('native retries');

Retry('defaults: States.ALL, 3 retries, 1 s then ×2', async () => {
  assert.equal(await attempts({}, ['A', 'A', 'A', 'A']), { calls: 4, retryCounts: [0, 1, 2, 3], error: 'A', seconds: 7 });
  assert.equal(await attempts({}, ['A', 'A']), { calls: 3, retryCounts: [0, 1, 2], ok: true, seconds: 3 });
});

Retry('maxAttempts 0 never retries; intervals, backoff and maxDelaySeconds shape the delays', async () => {
  assert.equal(await attempts({ maxAttempts: 0 }, ['A']), { calls: 1, retryCounts: [0], error: 'A', seconds: 0 });
  assert.equal(await attempts({ intervalSeconds: 2, backoffRate: 3, maxAttempts: 3 }, ['A', 'A', 'A']), { calls: 4, retryCounts: [0, 1, 2, 3], ok: true, seconds: 2 + 6 + 18 });
  assert.equal(await attempts({ intervalSeconds: 2, backoffRate: 3, maxDelaySeconds: 5 }, ['A', 'A', 'A']), { calls: 4, retryCounts: [0, 1, 2, 3], ok: true, seconds: 2 + 5 + 5 });
});

Retry('the first matching retrier decides, each with its own count; unmatched errors are not retried', async () => {
  const policies = [
    { errors: ['A'], maxAttempts: 1, intervalSeconds: 1 },
    { errors: ['States.ALL'], maxAttempts: 5, intervalSeconds: 10, backoffRate: 1 },
  ];
  // A is retried once by the first policy; the second A is final, even though States.ALL would allow more.
  assert.equal(await attempts(policies, ['A', 'A']), { calls: 2, retryCounts: [0, 1], error: 'A', seconds: 1 });
  // B, B go to the second policy; then A to the first.
  assert.equal(await attempts(policies, ['B', 'B', 'A']), { calls: 4, retryCounts: [0, 1, 2, 3], ok: true, seconds: 21 });
  assert.equal(await attempts({ errors: ['Other'] }, ['A']), { calls: 1, retryCounts: [0], error: 'A', seconds: 0 });
});

Retry('States.TaskFailed matches task errors but not States.Timeout; States.ALL matches both', async () => {
  assert.equal(await attempts({ errors: ['States.TaskFailed'], intervalSeconds: 1 }, ['A']), { calls: 2, retryCounts: [0, 1], ok: true, seconds: 1 });
  assert.equal(await attempts({ errors: ['States.TaskFailed'] }, ['timeout'], { timeoutSeconds: 10 }), { calls: 1, retryCounts: [0], error: 'States.Timeout', seconds: 10 });
  assert.equal(await attempts({ errors: ['States.ALL'], intervalSeconds: 1 }, ['timeout'], { timeoutSeconds: 10 }), { calls: 2, retryCounts: [0, 1], ok: true, seconds: 11 });
  assert.equal(await attempts({ errors: ['States.Timeout'], intervalSeconds: 1 }, ['timeout'], { timeoutSeconds: 10 }), { calls: 2, retryCounts: [0, 1], ok: true, seconds: 11 });
});

Retry('full jitter keeps each delay within [0, delay]', async () => {
  const { seconds, calls } = (await attempts({ intervalSeconds: 100, backoffRate: 1, jitter: 'FULL' }, ['A', 'A', 'A'])) as { seconds: number; calls: number };
  assert.is(calls, 4);
  assert.ok(seconds >= 0 && seconds <= 300, `seconds ${seconds}`);
});

Retry('call options override the declaration: retry: [] turns retries off for that call', async () => {
  const task = lambda<unknown, string>('${F}', { retry: { maxAttempts: 5 } });
  let calls = 0;
  const probe = workflow('Override', async () => {
    try {
      return await task({}, { retry: [] });
    } catch (e) {
      return (e as WorkflowError).name;
    }
  });
  assert.is(await probe.run(undefined, { handlers: { '${F}': () => { calls++; throw named('X'); } } }), 'X');
  assert.is(calls, 1);
});

Retry('clock: real actually waits between attempts', async () => {
  const task = lambda<unknown, string>('${F}', { retry: { intervalSeconds: 1, maxAttempts: 1 } });
  let calls = 0;
  const started = Date.now();
  const probe = workflow('RealRetry', async () => task({}));
  assert.is(await probe.run(undefined, { clock: 'real', handlers: { '${F}': () => (calls++ === 0 ? Promise.reject(named('A')) : 'ok') } }), 'ok');
  assert.ok(Date.now() - started >= 950, 'waited about a second');
});

Retry.run();
