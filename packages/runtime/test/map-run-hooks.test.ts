import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MapRunNotFoundError, StateMachine, type Execution, type MapRunChild } from '../src/index.js';

const s = suite('Distributed Map runs: StartOptions.onMapRunChild and Execution.updateMapRun');

function fanOut(extra: Record<string, unknown>) {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Work',
          States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work', End: true } },
        },
        ...extra,
        End: true,
      },
    },
  };
}

/** Handlers that hold each item until released, counting how many run at once. */
function gate() {
  let active = 0;
  const seen: number[] = [];
  const waiting: Array<() => void> = [];
  let changed: (() => void) | undefined;
  const handler = async (item: unknown) => {
    active++;
    seen.push(active);
    changed?.();
    await new Promise<void>((resolve) => waiting.push(resolve));
    active--;
    if (item === 'bad') throw Object.assign(new Error('bad item'), { name: 'Item.Bad' });
    return item;
  };
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => (changed = resolve));
  };
  return { handler, seen, waiting, active: () => active, until };
}

async function mapRunOf(execution: Execution): Promise<string> {
  for await (const event of execution.events()) {
    if (event.type === 'MapRunStarted') return (event.mapRunStartedEventDetails as { mapRunArn: string }).mapRunArn;
  }
  throw new Error('no MapRunStarted');
}

s('a raised MaxConcurrency starts more children at once on the real clock', async () => {
  const work = gate();
  const machine = new StateMachine(fanOut({ MaxConcurrency: 1 }), { handlers: { Work: work.handler } });
  const execution = machine.start([1, 2, 3, 4], { clock: 'real' });
  const mapRunArn = await mapRunOf(execution);
  await work.until(() => work.active() === 1);
  assert.equal(work.seen, [1]);
  execution.updateMapRun(mapRunArn, { maxConcurrency: 3 });
  await work.until(() => work.active() === 3);
  while (work.waiting.length > 0 || work.active() > 0) {
    work.waiting.splice(0).forEach((release) => release());
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: [1, 2, 3, 4] });
  assert.is(Math.max(...work.seen), 3);
});

s('a raised ToleratedFailureCount lets the run succeed despite a failure; bad values and unknown runs throw', async () => {
  const work = gate();
  const machine = new StateMachine(fanOut({ MaxConcurrency: 1 }), { handlers: { Work: work.handler } });
  const execution = machine.start(['bad', 2], { clock: 'real' });
  const mapRunArn = await mapRunOf(execution);
  await work.until(() => work.active() === 1);
  assert.throws(() => execution.updateMapRun(mapRunArn, { toleratedFailurePercentage: 101 }), (error: unknown) => error instanceof RangeError);
  assert.throws(() => execution.updateMapRun(mapRunArn, { maxConcurrency: -1 }), (error: unknown) => error instanceof RangeError);
  assert.throws(() => execution.updateMapRun(`${mapRunArn}x`, { maxConcurrency: 2 }), (error: unknown) => error instanceof MapRunNotFoundError);
  execution.updateMapRun(mapRunArn, { toleratedFailureCount: 1 });
  while (work.waiting.length > 0 || work.active() > 0) {
    work.waiting.splice(0).forEach((release) => release());
    await new Promise((resolve) => setImmediate(resolve));
  }
  const result = await execution.result;
  assert.is(result.status, 'SUCCEEDED');
  assert.throws(() => execution.updateMapRun(mapRunArn, { maxConcurrency: 2 }), (error: unknown) => error instanceof MapRunNotFoundError);
});

s('each child is reported when it starts and when it ends, with its ARN under the Map Run', async () => {
  const machine = new StateMachine(fanOut({ ToleratedFailureCount: 1 }), {
    name: 'orders',
    handlers: {
      Work: (item: unknown) => {
        if (item === 2) throw Object.assign(new Error('odd'), { name: 'Bad.Item' });
        return item;
      },
    },
  });
  const reported: MapRunChild[] = [];
  const execution = machine.start([1, 2, 3], { onMapRunChild: (child) => reported.push(child) });
  assert.is((await execution.result).status, 'SUCCEEDED');
  const mapRunArn = (execution.history.find((event) => event.type === 'MapRunStarted')!.mapRunStartedEventDetails as { mapRunArn: string }).mapRunArn;
  assert.equal(reported.filter((child) => child.status === 'RUNNING').map((child) => child.index), [0, 1, 2]);
  const ends = Object.fromEntries(reported.filter((child) => child.status !== 'RUNNING').map((child) => [child.index, child.status]));
  assert.equal(ends, { 0: 'SUCCEEDED', 1: 'FAILED', 2: 'SUCCEEDED' });
  for (const child of reported) {
    assert.is(child.mapRunArn, mapRunArn);
    assert.match(child.executionArn, /:execution:orders\/Each:/);
    assert.is(child.stateMachineArn, 'arn:aws:states:us-east-1:123456789012:stateMachine:orders/Each');
    if (child.stopDate !== undefined) assert.ok(child.stopDate >= child.startDate);
  }
});

s.run();
