import {
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  UpdateStateMachineCommand,
  SFNClient,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CALLBACK_DEFINITION, finished, PASS_DEFINITION, PREFIX, ROLE, sdkError, tokenOf, withService } from './support/local-service.js';

const s = suite('typestep serve: executions and task tokens through @aws-sdk/client-sfn');

s('StartExecution → DescribeExecution → GetExecutionHistory of a run to SUCCEEDED', () =>
  withService(async (sfn) => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'pass', definition: PASS_DEFINITION, roleArn: ROLE }));
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'first', input: '{"n":1}' }));
    assert.is(started.executionArn, `${PREFIX}:execution:pass:first`);
    assert.instance(started.startDate, Date);
    const described = await finished(sfn, started.executionArn!);
    assert.is(described.status, 'SUCCEEDED');
    assert.equal(JSON.parse(described.output!), { n: 1, result: { ok: true } });
    assert.is(described.input, '{"n":1}');
    assert.instance(described.stopDate, Date);
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: started.executionArn }));
    assert.equal(events!.map((event) => event.type), ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    assert.equal(events!.map((event) => event.id), [1, 2, 3, 4]);
    assert.instance(events![0]!.timestamp, Date);
    assert.is(events![0]!.executionStartedEventDetails!.roleArn, ROLE);
    const forExecution = await sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn: started.executionArn }));
    assert.is(forExecution.definition, PASS_DEFINITION);
    assert.is(forExecution.stateMachineArn, stateMachineArn);
  }),
);

s('StartExecution name idempotency: same name and input while running is the same execution; otherwise ExecutionAlreadyExists', () =>
  withService(async (sfn) => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'cb', definition: CALLBACK_DEFINITION, roleArn: ROLE }));
    const first = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"order":1}' }));
    const again = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"order":1}' }));
    assert.is(again.executionArn, first.executionArn);
    assert.is(again.startDate!.getTime(), first.startDate!.getTime());
    const different = await sdkError(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"order":2}' })));
    assert.is(different.name, 'ExecutionAlreadyExists');
    assert.is(different.message, `Execution Already Exists: '${first.executionArn}'`);
    await sfn.send(new StopExecutionCommand({ executionArn: first.executionArn }));
    const closed = await sdkError(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"order":1}' })));
    assert.is(closed.name, 'ExecutionAlreadyExists');
    const badInput = await sdkError(sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{nope' })));
    assert.is(badInput.name, 'InvalidExecutionInput');
    const missing = await sdkError(sfn.send(new StartExecutionCommand({ stateMachineArn: `${PREFIX}:stateMachine:nope` })));
    assert.is(missing.name, 'StateMachineDoesNotExist');
    const noExecution = await sdkError(sfn.send(new DescribeExecutionCommand({ executionArn: `${PREFIX}:execution:cb:nope` })));
    assert.is(noExecution.name, 'ExecutionDoesNotExist');
    assert.is(noExecution.message, `Execution Does Not Exist: '${PREFIX}:execution:cb:nope'`);
  }),
);

s('a callback task waits for SendTaskSuccess / SendTaskFailure; heartbeats and spent tokens answer as AWS does', () =>
  withService(async (sfn) => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'cb', definition: CALLBACK_DEFINITION, roleArn: ROLE }));
    const ok = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"order":{"id":7}}' }));
    const token = await tokenOf(sfn, ok.executionArn!);
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
    const succeeded = await finished(sfn, ok.executionArn!);
    assert.is(succeeded.status, 'SUCCEEDED');
    assert.equal(JSON.parse(succeeded.output!), { approved: true });
    const spent = await sdkError(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })));
    assert.is(spent.name, 'TaskTimedOut');
    const unknown = await sdkError(sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })));
    assert.is(unknown.name, 'InvalidToken');
    const badOutput = await sdkError(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{' })));
    assert.is(badOutput.name, 'InvalidOutput');

    const failing = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"order":{"id":8}}' }));
    await sfn.send(new SendTaskFailureCommand({ taskToken: await tokenOf(sfn, failing.executionArn!), error: 'Approval.Denied', cause: 'over budget' }));
    const failed = await finished(sfn, failing.executionArn!);
    assert.equal({ status: failed.status, error: failed.error, cause: failed.cause }, { status: 'FAILED', error: 'Approval.Denied', cause: 'over budget' });
    assert.is(failed.redriveStatus, 'REDRIVABLE');
  }),
);

s('StopExecution aborts with the error and cause given', () =>
  withService(async (sfn) => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'cb', definition: CALLBACK_DEFINITION, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"order":1}' }));
    await tokenOf(sfn, executionArn!);
    const stopped = await sfn.send(new StopExecutionCommand({ executionArn, error: 'Manual', cause: 'operator' }));
    assert.instance(stopped.stopDate, Date);
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    assert.equal({ status: described.status, error: described.error, cause: described.cause }, { status: 'ABORTED', error: 'Manual', cause: 'operator' });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }));
    assert.is(events![0]!.type, 'ExecutionAborted');
  }),
);

s('ListExecutions filters by status and pages newest first', () =>
  withService(async (sfn) => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'cb', definition: CALLBACK_DEFINITION, roleArn: ROLE }));
    const arns: string[] = [];
    for (let i = 0; i < 5; i++) arns.push((await sfn.send(new StartExecutionCommand({ stateMachineArn, name: `e${i}`, input: '{"order":1}' }))).executionArn!);
    await tokenOf(sfn, arns[0]!);
    await sfn.send(new StopExecutionCommand({ executionArn: arns[0] }));
    const listed: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 2, nextToken }));
      listed.push(...page.executions!.map((e) => e.name!));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.equal(listed, ['e4', 'e3', 'e2', 'e1', 'e0']);
    const aborted = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'ABORTED' }));
    assert.equal(aborted.executions!.map((e) => [e.name, e.status]), [['e0', 'ABORTED']]);
    const running = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }));
    assert.is(running.executions!.length, 4);
    const bad = await sdkError(sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'DONE' as never })));
    assert.is(bad.name, 'ValidationException');
  }),
);

s('GetExecutionHistory pages, reverses and leaves out execution data on request', () =>
  withService(async (sfn) => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'pass', definition: PASS_DEFINITION, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"secret":1}' }));
    await finished(sfn, executionArn!);
    const all: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 3, nextToken }));
      all.push(...page.events!);
      nextToken = page.nextToken;
    } while (nextToken);
    assert.equal(all.map((e) => e.id), [1, 2, 3, 4]);
    const reversed = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));
    assert.equal(reversed.events!.map((e) => e.id), [4, 3, 2, 1]);
    const dataless = await sfn.send(new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }));
    assert.is(dataless.events![0]!.executionStartedEventDetails!.input, undefined);
    assert.is(dataless.events![3]!.executionSucceededEventDetails!.output, undefined);
    assert.is(dataless.events![0]!.executionStartedEventDetails!.roleArn, ROLE);
  }),
);

s('StartSyncExecution runs an Express machine to the end; a Standard one is refused', () =>
  withService(async (sfn, server) => {
    // The SDK sends StartSyncExecution to `sync-<host>` unless host prefixes are off (as for Step Functions Local).
    const syncClient = new SFNClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1, disableHostPrefix: true });
    const express = await sfn.send(new CreateStateMachineCommand({ name: 'fast', type: 'EXPRESS', definition: PASS_DEFINITION, roleArn: ROLE }));
    const result = await syncClient.send(new StartSyncExecutionCommand({ stateMachineArn: express.stateMachineArn, input: '{"n":2}' }));
    assert.is(result.status, 'SUCCEEDED');
    assert.equal(JSON.parse(result.output!), { n: 2, result: { ok: true } });
    assert.match(result.executionArn!, new RegExp(`^${PREFIX}:express:fast:[^:]+:[^:]+$`));
    const standard = await sfn.send(new CreateStateMachineCommand({ name: 'slow', definition: PASS_DEFINITION, roleArn: ROLE }));
    const refused = await sdkError(syncClient.send(new StartSyncExecutionCommand({ stateMachineArn: standard.stateMachineArn })));
    syncClient.destroy();
    assert.is(refused.name, 'StateMachineTypeNotSupported');
  }),
);

s('StartExecution through a version or an alias runs that version and says so', () =>
  withService(async (sfn) => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'ver', definition: PASS_DEFINITION, roleArn: ROLE, publish: true }));
    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: JSON.stringify({ StartAt: 'S', States: { S: { Type: 'Pass', Result: 'v2', End: true } } }) }));
    const { stateMachineAliasArn } = await sfn.send(new CreateStateMachineAliasCommand({ name: 'stable', routingConfiguration: [{ stateMachineVersionArn: `${stateMachineArn}:1`, weight: 100 }] }));
    const viaAlias = await sfn.send(new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn, input: '{}' }));
    const described = await finished(sfn, viaAlias.executionArn!);
    assert.equal(JSON.parse(described.output!), { result: { ok: true } });
    assert.is(described.stateMachineVersionArn, `${stateMachineArn}:1`);
    assert.is(described.stateMachineAliasArn, stateMachineAliasArn);
    const latest = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
    assert.is((await finished(sfn, latest.executionArn!)).output, '"v2"');
    const byVersion = await sfn.send(new ListExecutionsCommand({ stateMachineArn: `${stateMachineArn}:1` }));
    assert.equal(byVersion.executions!.map((e) => e.executionArn), [viaAlias.executionArn]);
  }),
);

s('on the virtual clock a Wait of a day takes no time; the history keeps its virtual timestamps', () =>
  withService(async (sfn) => {
    const definition = JSON.stringify({ StartAt: 'Sleep', States: { Sleep: { Type: 'Wait', Seconds: 86400, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'sleepy', definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
    const done = await finished(sfn, executionArn!);
    assert.is(done.status, 'SUCCEEDED');
    assert.is(done.stopDate!.getTime() - done.startDate!.getTime(), 86400 * 1000);
  }),
);

s.run();
