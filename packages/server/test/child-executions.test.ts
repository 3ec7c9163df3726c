import { rmSync } from 'node:fs';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually, finished, PREFIX, ROLE, scratchDir, withService } from './support/local-service.js';

const s = suite('typestep serve: states:startExecution tasks start the server\'s own state machines');

const CHILD = JSON.stringify({ StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } } });

function parentOf(resource: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    StartAt: 'Child',
    States: {
      Child: {
        Type: 'Task',
        Resource: resource,
        Parameters: { StateMachineArn: `${PREFIX}:stateMachine:child`, Input: { 'n.$': '$.n' }, ...extra },
        End: true,
      },
    },
  });
}

s('.sync:2: the child is an execution of the server (listed, described, its own history); the parent gets its output', () =>
  withService(async (sfn) => {
    await sfn.send(new CreateStateMachineCommand({ name: 'child', definition: CHILD, roleArn: ROLE }));
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'parent', definition: parentOf('arn:aws:states:::states:startExecution.sync:2', { Name: 'kid-1' }), roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":21}' }));
    const parent = await finished(sfn, executionArn!);
    assert.is(parent.status, 'SUCCEEDED', `${parent.error} ${parent.cause}`);
    const output = JSON.parse(parent.output!) as { ExecutionArn: string; Output: unknown; Status: string; StateMachineArn: string };
    assert.equal(output.Output, { doubled: 42 });
    assert.is(output.ExecutionArn, `${PREFIX}:execution:child:kid-1`);
    assert.is(output.StateMachineArn, `${PREFIX}:stateMachine:child`);

    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: `${PREFIX}:stateMachine:child` }));
    assert.equal(listed.executions!.map((e) => [e.executionArn, e.status]), [[output.ExecutionArn, 'SUCCEEDED']]);
    const child = await sfn.send(new DescribeExecutionCommand({ executionArn: output.ExecutionArn }));
    assert.equal([child.status, JSON.parse(child.input!), JSON.parse(child.output!)], ['SUCCEEDED', { n: 21 }, { doubled: 42 }]);
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: output.ExecutionArn }));
    assert.equal(events!.map((e) => e.type), ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    // The link: the parent's history names the child it started.
    const parentEvents = (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!;
    const submitted = parentEvents.find((e) => e.type === 'TaskSubmitted')!;
    assert.is(JSON.parse(submitted.taskSubmittedEventDetails!.output!).ExecutionArn, output.ExecutionArn);
  }),
);

s('request-response starts the child and goes on; .sync gives Output as text; a missing machine or a taken name fails the task', () =>
  withService(async (sfn) => {
    await sfn.send(new CreateStateMachineCommand({ name: 'child', definition: CHILD, roleArn: ROLE }));
    const fire = await sfn.send(new CreateStateMachineCommand({ name: 'fire', definition: parentOf('arn:aws:states:::states:startExecution'), roleArn: ROLE }));
    const fired = await finished(sfn, (await sfn.send(new StartExecutionCommand({ stateMachineArn: fire.stateMachineArn, input: '{"n":1}' }))).executionArn!);
    const childArn = (JSON.parse(fired.output!) as { ExecutionArn: string }).ExecutionArn;
    assert.match(childArn, `${PREFIX}:execution:child:`);
    assert.is((await finished(sfn, childArn)).output, '{"doubled":2}');

    const sync = await sfn.send(new CreateStateMachineCommand({ name: 'sync', definition: parentOf('arn:aws:states:::states:startExecution.sync', { Name: 'same' }), roleArn: ROLE }));
    const synced = await finished(sfn, (await sfn.send(new StartExecutionCommand({ stateMachineArn: sync.stateMachineArn, input: '{"n":2}' }))).executionArn!);
    assert.is((JSON.parse(synced.output!) as { Output: string }).Output, '{"doubled":4}');
    // The name 'same' is taken by an ended execution: AWS refuses it.
    const again = await finished(sfn, (await sfn.send(new StartExecutionCommand({ stateMachineArn: sync.stateMachineArn, input: '{"n":3}' }))).executionArn!);
    assert.equal([again.status, again.error], ['FAILED', 'StepFunctions.ExecutionAlreadyExistsException']);

    const missing = JSON.stringify({ StartAt: 'C', States: { C: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn: `${PREFIX}:stateMachine:nowhere` }, End: true } } });
    const lost = await sfn.send(new CreateStateMachineCommand({ name: 'lost', definition: missing, roleArn: ROLE }));
    const failed = await finished(sfn, (await sfn.send(new StartExecutionCommand({ stateMachineArn: lost.stateMachineArn }))).executionArn!);
    assert.equal([failed.status, failed.error], ['FAILED', 'StepFunctions.StateMachineDoesNotExistException']);
  }),
);

s('.waitForTaskToken: the child gets the token and the parent waits for SendTaskSuccess, not for the child', () =>
  withService(async (sfn) => {
    const waiting = JSON.stringify({ StartAt: 'Hold', States: { Hold: { Type: 'Pass', End: true } } });
    await sfn.send(new CreateStateMachineCommand({ name: 'child', definition: waiting, roleArn: ROLE }));
    const parent = parentOf('arn:aws:states:::states:startExecution.waitForTaskToken');
    const withToken = JSON.parse(parent) as { States: { Child: { Parameters: { Input: Record<string, string> } } } };
    withToken.States.Child.Parameters.Input['token.$'] = '$$.Task.Token';
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'parent', definition: JSON.stringify(withToken), roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":5}' }));
    const childArn = await eventually(async () => (await sfn.send(new ListExecutionsCommand({ stateMachineArn: `${PREFIX}:stateMachine:child` }))).executions?.[0]?.executionArn);
    const child = await finished(sfn, childArn);
    const { token } = JSON.parse(child.input!) as { token: string };
    assert.is((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status, 'RUNNING');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"answered":true}' }));
    assert.is((await finished(sfn, executionArn!)).output, '{"answered":true}');
  }),
);

s('after a restart a parent waiting on a .sync child waits for that same child, resumed, rather than a new one', async () => {
  const dataDir = scratchDir('typestep-serve-child-');
  const waitingChild = JSON.stringify({
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: { 'token.$': '$$.Task.Token' } },
        End: true,
      },
    },
  });
  try {
    const { executionArn, token } = await withService(
      async (sfn) => {
        await sfn.send(new CreateStateMachineCommand({ name: 'child', definition: waitingChild, roleArn: ROLE }));
        const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'parent', definition: parentOf('arn:aws:states:::states:startExecution.sync:2'), roleArn: ROLE }));
        const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":1}' }));
        const token = await eventually(async () => {
          const childArn = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: `${PREFIX}:stateMachine:child` }))).executions?.[0]?.executionArn;
          if (!childArn) return undefined;
          const scheduled = (await sfn.send(new GetExecutionHistoryCommand({ executionArn: childArn }))).events!.find((e) => e.type === 'TaskScheduled');
          return scheduled && (JSON.parse(scheduled.taskScheduledEventDetails!.parameters!) as { MessageBody: { token: string } }).MessageBody.token;
        });
        return { executionArn: executionArn!, token };
      },
      { dataDir },
    );
    await withService(
      async (sfn) => {
        await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
        const parent = await finished(sfn, executionArn);
        assert.is(parent.status, 'SUCCEEDED', `${parent.error} ${parent.cause}`);
        assert.equal((JSON.parse(parent.output!) as { Output: unknown }).Output, { approved: true });
        const children = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: `${PREFIX}:stateMachine:child` }))).executions!;
        assert.equal(children.map((e) => e.status), ['SUCCEEDED']);
      },
      { dataDir },
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

s.run();
