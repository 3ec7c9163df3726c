import {
  CreateStateMachineCommand,
  DescribeMapRunCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  StartExecutionCommand,
  UpdateMapRunCommand,
} from '@aws-sdk/client-sfn';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { finished, PREFIX, ROLE, sdkError, withService } from './support/local-service.js';

const s = suite('typestep serve: Map Runs (their child executions, UpdateMapRun) through @aws-sdk/client-sfn');

/** A Distributed Map over the input whose items a `Work` handler answers; `fields` adds to the Map state. */
function distributedMap(fields: Record<string, unknown>): string {
  return JSON.stringify({
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ...fields,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Work',
          States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work', End: true } },
        },
        End: true,
      },
    },
  });
}

s('ListExecutions with a mapRunArn lists the Map Run\'s child executions; DescribeMapRun counts them', () =>
  withService(
    async (sfn) => {
      const definition = distributedMap({ Label: 'each', ToleratedFailureCount: 1 });
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'fan', definition, roleArn: ROLE }));
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '[1,2,3]' }));
      assert.is((await finished(sfn, executionArn!)).status, 'SUCCEEDED');
      const mapRunArn = (await sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns![0]!.mapRunArn!;
      const first = await sfn.send(new ListExecutionsCommand({ mapRunArn, maxResults: 2 }));
      const rest = await sfn.send(new ListExecutionsCommand({ mapRunArn, nextToken: first.nextToken }));
      const children = [...first.executions!, ...rest.executions!];
      assert.equal(children.map((e) => e.status), ['SUCCEEDED', 'FAILED', 'SUCCEEDED']);
      for (const child of children) {
        assert.match(child.executionArn!, `${PREFIX}:execution:fan/each:`);
        assert.is(child.stateMachineArn, `${PREFIX}:stateMachine:fan/each`);
        assert.is(child.mapRunArn, mapRunArn);
      }
      const failed = await sfn.send(new ListExecutionsCommand({ mapRunArn, statusFilter: 'FAILED' }));
      assert.equal(failed.executions!.map((e) => e.executionArn), [children[1]!.executionArn]);
      const counts = (await sfn.send(new DescribeMapRunCommand({ mapRunArn }))).executionCounts!;
      assert.equal([counts.total, counts.succeeded, counts.failed], [3, 2, 1]);
      const unknown = await sdkError(sfn.send(new ListExecutionsCommand({ mapRunArn: `${PREFIX}:mapRun:fan/each:nope` })));
      assert.is(unknown.name, 'ResourceNotFound');
    },
    {
      handlers: {
        Work: (item: unknown) => {
          if (item === 2) throw Object.assign(new Error('two'), { name: 'Bad.Item' });
          return item;
        },
      },
    },
  ),
);

s('UpdateMapRun raises a running Map Run\'s MaxConcurrency and tolerance; DescribeMapRun shows them; bad values are refused', async () => {
  let active = 0;
  let most = 0;
  const held: Array<() => void> = [];
  let changed: (() => void) | undefined;
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => (changed = resolve));
  };
  const work = async (item: unknown) => {
    active++;
    most = Math.max(most, active);
    changed?.();
    await new Promise<void>((resolve) => held.push(resolve));
    active--;
    if (item === 'bad') throw Object.assign(new Error('bad'), { name: 'Item.Bad' });
    return item;
  };
  await withService(
    async (sfn) => {
      const definition = distributedMap({ MaxConcurrency: 1 });
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'slow', definition, roleArn: ROLE }));
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '["bad",2,3,4]' }));
      await until(() => active === 1);
      const mapRunArn = (await sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns![0]!.mapRunArn!;
      const bad = await sdkError(sfn.send(new UpdateMapRunCommand({ mapRunArn, toleratedFailurePercentage: 150 })));
      assert.is(bad.name, 'ValidationException');
      await sfn.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 3, toleratedFailureCount: 1 }));
      await until(() => active === 3);
      const described = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
      assert.equal([described.maxConcurrency, described.toleratedFailureCount], [3, 1]);
      while (held.length > 0 || active > 0) {
        held.splice(0).forEach((release) => release());
        await new Promise((resolve) => setImmediate(resolve));
      }
      assert.is((await finished(sfn, executionArn!)).status, 'SUCCEEDED');
      assert.is(most, 3);
      const ended = await sdkError(sfn.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 5 })));
      assert.is(ended.name, 'ValidationException');
      const unknown = await sdkError(sfn.send(new UpdateMapRunCommand({ mapRunArn: `${mapRunArn}x`, maxConcurrency: 5 })));
      assert.is(unknown.name, 'ResourceNotFound');
    },
    { clock: 'real', handlers: { Work: work } },
  );
});

s.run();
