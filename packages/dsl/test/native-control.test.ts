import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { context, lambda, map, sleep, sleepUntil, workflow, WorkflowError } from '../src/index.js';

const START = '2025-01-01T00:00:00Z';
const elapsed = () => (Date.parse(context().state.enteredTime) - Date.parse(START)) / 1000;
const double = lambda<{ n: number }, number>('${Double}');
const handlers = {
  '${Double}': ({ n }: { n: number }) => {
    if (n < 0) throw Object.assign(new Error(`negative ${n}`), { name: 'Negative' });
    return n * 2;
  },
};

const Control = suite('native control flow');

Control('sleep and sleepUntil move the virtual clock without waiting', async () => {
  const started = Date.now();
  const probe = workflow('Sleeps', async () => {
    await sleep(3600);
    const afterSleep = elapsed();
    await sleepUntil('2025-01-02T00:00:00Z');
    const afterUntil = elapsed();
    await sleepUntil('2024-01-01T00:00:00Z');
    return [afterSleep, afterUntil, elapsed()];
  });
  assert.equal(await probe.run(undefined, { startTime: START }), [3600, 86400, 86400]);
  assert.ok(Date.now() - started < 1000);
});

Control('concurrent sleeps overlap as parallel branches do', async () => {
  const probe = workflow('Overlap', async () => {
    await Promise.all([sleep(10), sleep(20), (async () => { await sleep(5); await sleep(5); })()]);
    return elapsed();
  });
  assert.is(await probe.run(undefined, { startTime: START }), 20);
});

Control('concurrent failures: the first in turns wins (task calls, then call order), however deep the helper', async () => {
  const twice = async (first: number, second: number) => (await double({ n: first })) + (await double({ n: second }));
  const deeper = async (first: number, second: number) => await (async () => await twice(first, second))();
  const probe = workflow('Race', async () => {
    try {
      // Both branches fail at their second call: the first branch made its call first, so its failure wins,
      // although its rejection takes more promise ticks to reach Promise.all.
      await Promise.all([deeper(1, -1), twice(2, -2)]);
      return 'none';
    } catch (e) {
      return (e as WorkflowError).cause;
    }
  });
  assert.match(String(await probe.run(undefined, { handlers })), 'negative -1');
});

Control('sleep rejects a bad duration with States.Runtime; clock: real really sleeps', async () => {
  const bad = workflow('BadSleep', async () => sleep(-1));
  try {
    await bad.run(undefined);
    assert.unreachable('should fail');
  } catch (error) {
    assert.is((error as WorkflowError).name, 'States.Runtime');
  }
  const started = Date.now();
  await workflow('RealSleep', async () => sleep(1)).run(undefined, { clock: 'real' });
  assert.ok(Date.now() - started >= 950);
});

Control('a thrown WorkflowError fails the run with its name and cause; catch sees task errors', async () => {
  const probe = workflow('Catches', async (n: number) => {
    try {
      return await double({ n });
    } catch (e) {
      if (e instanceof WorkflowError && e.name === 'Negative') throw new WorkflowError('BadInput', `refused ${n}`);
      throw e;
    }
  });
  assert.is(await probe.run(4, { handlers }), 8);
  try {
    await probe.run(-1, { handlers });
    assert.unreachable('should fail');
  } catch (error) {
    assert.instance(error, WorkflowError);
    assert.is((error as WorkflowError).name, 'BadInput');
    assert.is((error as WorkflowError).message, 'refused -1');
  }
});

Control('map: results in order, context().map.item inside, maxConcurrency honoured', async () => {
  let running = 0;
  let peak = 0;
  const slowDouble = lambda<{ n: number }, number>('${Slow}');
  const probe = workflow('Mapper', async (items: number[]) => {
    const doubled = await map(items, async (n, index) => {
      const item = context().map!.item;
      return { n: await slowDouble({ n }), index, item };
    }, { maxConcurrency: 2 });
    return { doubled, outside: context().map ?? null };
  });
  const output = await probe.run([1, 2, 3, 4], {
    handlers: {
      '${Slow}': async ({ n }: { n: number }) => {
        peak = Math.max(peak, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return n * 2;
      },
    },
  });
  assert.equal(output, {
    doubled: [
      { n: 2, index: 0, item: { index: 0, value: 1 } },
      { n: 4, index: 1, item: { index: 1, value: 2 } },
      { n: 6, index: 2, item: { index: 2, value: 3 } },
      { n: 8, index: 3, item: { index: 3, value: 4 } },
    ],
    outside: null,
  });
  assert.is(peak, 2);
});

Control('map: the first failure fails the map; tolerated failures yield their error output', async () => {
  const strict = workflow('Strict', async (items: number[]) => map(items, (n) => double({ n })));
  try {
    await strict.run([1, -2, 3], { handlers });
    assert.unreachable('should fail');
  } catch (error) {
    assert.is((error as WorkflowError).name, 'Negative');
  }
  const tolerant = workflow('Tolerant', async (items: number[]) => map(items, (n) => double({ n }), { toleratedFailureCount: 1 }));
  const output = await tolerant.run([1, -2, 3], { handlers });
  assert.equal(output[0], 2);
  assert.equal((output[1] as { Error: string }).Error, 'Negative');
  assert.equal(JSON.parse((output[1] as { Cause: string }).Cause).errorMessage, 'negative -2');
  assert.equal(output[2], 6);
  try {
    await tolerant.run([-1, -2, 3], { handlers });
    assert.unreachable('should fail');
  } catch (error) {
    assert.is((error as WorkflowError).name, 'States.ExceedToleratedFailureThreshold');
  }
  const byPercent = workflow('Percent', async (items: number[]) => map(items, (n) => double({ n }), { toleratedFailurePercentage: 50 }));
  assert.is((await byPercent.run([-1, -2, 3, 4], { handlers })).length, 4);
});

Control('Promise.all over items and over branches', async () => {
  const probe = workflow('Fanout', async (items: number[]) => {
    const all = await Promise.all(items.map(async (n) => double({ n })));
    const [a, b] = await Promise.all([double({ n: 10 }), (async () => { await sleep(30); return double({ n: 20 }); })()]);
    return { all, a, b, seconds: elapsed() };
  });
  assert.equal(await probe.run([1, 2, 3], { handlers, startTime: START }), { all: [2, 4, 6], a: 20, b: 40, seconds: 30 });
});

Control('nested workflow: runs with the same handlers; its output is the result; its failure is States.TaskFailed', async () => {
  const child = workflow('Child', async (input: { n: number }) => {
    await sleep(5);
    return { doubled: await double(input), execution: context().execution.id };
  });
  const parent = workflow('Parent', async (n: number) => {
    const first = await child({ n });
    try {
      await child({ n: -n });
      return { first };
    } catch (e) {
      const error = e as WorkflowError;
      return { first, error: error.name, described: JSON.parse(error.message), seconds: elapsed(), parent: context().execution.id };
    }
  });
  const output = (await parent.run(3, { handlers, startTime: START })) as Record<string, any>;
  assert.is(output.first.doubled, 6);
  assert.match(output.first.execution, /^arn:aws:states:us-east-1:123456789012:execution:Child:/);
  assert.match(output.parent, /^arn:aws:states:us-east-1:123456789012:execution:Parent:/);
  assert.is(output.error, 'States.TaskFailed');
  assert.is(output.described.Status, 'FAILED');
  assert.is(output.described.Error, 'Negative');
  assert.equal(output.described.Input, { n: -3 });
  assert.is(output.described.StateMachineArn, 'arn:aws:states:us-east-1:123456789012:stateMachine:Child');
  assert.is(output.seconds, 10);
});

Control('context(): execution fields as the runtime reports them; native state facts', async () => {
  const probe = workflow('Ctx', async () => context());
  assert.equal(await probe.run(undefined, { startTime: START, executionName: 'exec-1' }), {
    execution: { id: 'arn:aws:states:us-east-1:123456789012:execution:Ctx:exec-1', name: 'exec-1', startTime: '2025-01-01T00:00:00.000Z' },
    state: { name: '', enteredTime: '2025-01-01T00:00:00.000Z', retryCount: 0 },
  });
});

Control('input and output cross a JSON boundary', async () => {
  const probe = workflow('Json', async (input: { at: Date; keep: number; drop?: undefined }) => ({ seen: input, out: new Date(0) }));
  assert.equal(await probe.run({ at: new Date(0), keep: 1, drop: undefined }), { seen: { at: '1970-01-01T00:00:00.000Z', keep: 1 }, out: '1970-01-01T00:00:00.000Z' });
});

Control.run();
