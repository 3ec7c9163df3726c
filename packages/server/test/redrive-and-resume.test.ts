// These cases need the runtime's StartOptions.resumeFrom / redriveFrom (continuing an execution from its
// recorded history), which @typestep/runtime gains alongside this package.
import { rmSync } from 'node:fs';
import {
  CreateStateMachineCommand,
  GetExecutionHistoryCommand,
  RedriveExecutionCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CALLBACK_DEFINITION, finished, PASS_DEFINITION, ROLE, scratchDir, sdkError, tokenOf, withService } from './support/local-service.js';

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

s.run();
