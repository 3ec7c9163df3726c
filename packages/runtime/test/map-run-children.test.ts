import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, type MapRunChild } from '../src/index.js';

const s = suite('StartOptions.onMapRunChild: the child executions of a Distributed Map run');

s('each child is reported when it starts and when it ends, with its ARN under the Map Run', async () => {
  const definition = {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Check',
          States: { Check: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:check', End: true } },
        },
        ToleratedFailureCount: 1,
        End: true,
      },
    },
  };
  const machine = new StateMachine(definition, {
    name: 'orders',
    handlers: {
      Check: (item: unknown) => {
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
