// These cases use the runtime's StartOptions.resumeFrom / redriveFrom (continuing an execution from its
// recorded history), which @typestep/runtime gains alongside this package.
import { rmSync } from 'node:fs';
import {
  CreateStateMachineCommand,
  GetExecutionHistoryCommand,
  RedriveExecutionCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CALLBACK_DEFINITION, eventually, finished, PASS_DEFINITION, ROLE, scratchDir, sdkError, tokenOf, withService } from './support/local-service.js';

const s = suite('typestep serve: RedriveExecution and resuming after a restart');

s('RedriveExecution re-runs the failed state only; a succeeded execution is not redrivable', async () => {
  const calls = { Reserve: 0, Charge: 0 };
  const handlers = {
    Reserve: () => {
      calls.Reserve++;
      return { reserved: true };
    },
    Charge: () => {
      calls.Charge++;
      if (calls.Charge === 1) throw Object.assign(new Error('card declined'), { name: 'Payment.Declined' });
      return { charged: true };
    },
  };
  const definition = JSON.stringify({
    StartAt: 'Reserve',
    States: {
      Reserve: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:reserve', ResultPath: '$.reserve', Next: 'Charge' },
      Charge: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge', ResultPath: '$.charge', End: true },
    },
  });
  await withService(
    async (sfn) => {
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'checkout', definition, roleArn: ROLE }));
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
      const failed = await finished(sfn, executionArn!);
      assert.equal([failed.status, failed.error], ['FAILED', 'Payment.Declined']);
      const redriven = await sfn.send(new RedriveExecutionCommand({ executionArn }));
      assert.instance(redriven.redriveDate, Date);
      const done = await finished(sfn, executionArn!);
      assert.is(done.status, 'SUCCEEDED');
      assert.equal(JSON.parse(done.output!), { reserve: { reserved: true }, charge: { charged: true } });
      assert.is(done.redriveCount, 1);
      assert.equal(calls, { Reserve: 1, Charge: 2 });
      const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
      assert.ok(events!.some((event) => event.type === 'ExecutionRedriven'));
      assert.equal(events!.map((event) => event.id), events!.map((_, index) => index + 1));

      const { stateMachineArn: passArn } = await sfn.send(new CreateStateMachineCommand({ name: 'pass', definition: PASS_DEFINITION, roleArn: ROLE }));
      const ok = await sfn.send(new StartExecutionCommand({ stateMachineArn: passArn, input: '{}' }));
      await finished(sfn, ok.executionArn!);
      const refused = await sdkError(sfn.send(new RedriveExecutionCommand({ executionArn: ok.executionArn })));
      assert.is(refused.name, 'ExecutionNotRedrivable');
    },
    { handlers },
  );
});

s('a server opened on a store continues its RUNNING executions: the token still answers, the history goes on', async () => {
  const dataDir = scratchDir('typestep-serve-resume-');
  try {
    const { executionArn, token } = await withService(
      async (sfn) => {
        const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'approvals', definition: CALLBACK_DEFINITION, roleArn: ROLE }));
        const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"order":{"id":3}}' }));
        const token = await tokenOf(sfn, executionArn!);
        return { executionArn: executionArn!, token };
      },
      { dataDir },
    );
    await withService(
      async (sfn, server) => {
        assert.is(server.resumed, 1);
        await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
        const done = await finished(sfn, executionArn);
        assert.is(done.status, 'SUCCEEDED', `${done.error ?? ''} ${done.cause ?? ''}`);
        assert.equal(JSON.parse(done.output!), { approved: true });
        const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
        assert.equal(events!.map((event) => event.type).slice(-3), ['TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
        assert.equal(events!.map((event) => event.id), events!.map((_, index) => index + 1));
      },
      { dataDir },
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

s('a heartbeat sent before a restart is kept: the task then times out counting from it, not from its last event', async () => {
  const dataDir = scratchDir('typestep-serve-heartbeat-');
  const heartbeatSeconds = 3;
  const definition = JSON.stringify({
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/approvals', MessageBody: { 'token.$': '$$.Task.Token' } },
        HeartbeatSeconds: heartbeatSeconds,
        End: true,
      },
    },
  });
  try {
    const { executionArn, heartbeatSentAfter, submittedAt } = await withService(
      async (sfn) => {
        const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'beating', definition, roleArn: ROLE }));
        const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
        const taskToken = await eventually(async () => {
          const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
          const scheduled = events!.find((event) => event.type === 'TaskScheduled');
          return scheduled && (JSON.parse(scheduled.taskScheduledEventDetails!.parameters!) as { MessageBody: { token: string } }).MessageBody.token;
        });
        const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
        const submittedAt = events!.find((event) => event.type === 'TaskSubmitted')!.timestamp!.getTime();
        // Most of the heartbeat period passes, then a heartbeat: without it the task would time out soon after the restart.
        await new Promise((resolve) => setTimeout(resolve, (heartbeatSeconds - 1) * 1000));
        const heartbeatSentAfter = Date.now();
        await sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
        return { executionArn: executionArn!, heartbeatSentAfter, submittedAt };
      },
      { dataDir, clock: 'real' },
    );
    await withService(
      async (sfn) => {
        const described = await finished(sfn, executionArn);
        assert.is(described.status, 'FAILED');
        assert.is(described.error, 'States.Timeout');
        const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
        const timedOutAt = events!.find((event) => event.type === 'TaskTimedOut')!.timestamp!.getTime();
        // Counted from the kept heartbeat: not before heartbeat + HeartbeatSeconds (from TaskSubmitted it would be ~1 s earlier).
        assert.ok(heartbeatSentAfter > submittedAt);
        assert.ok(timedOutAt >= heartbeatSentAfter + heartbeatSeconds * 1000, `timed out at ${timedOutAt - heartbeatSentAfter} ms after the heartbeat`);
      },
      { dataDir, clock: 'real' },
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

s.run();
