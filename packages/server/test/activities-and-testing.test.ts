import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DescribeActivityCommand,
  DescribeMapRunCommand,
  GetActivityTaskCommand,
  ListActivitiesCommand,
  ListMapRunsCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TestStateCommand,
} from '@aws-sdk/client-sfn';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { finished, PREFIX, ROLE, sdkError, withService } from './support/local-service.js';

const s = suite('typestep serve: activities, TestState, handlers, mocks and map runs through @aws-sdk/client-sfn');

s('activities: create (idempotent), describe, list, a worker long-polls GetActivityTask and answers; delete', () =>
  withService(async (sfn) => {
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: 'review' }));
    assert.is(activityArn, `${PREFIX}:activity:review`);
    assert.is((await sfn.send(new CreateActivityCommand({ name: 'review' }))).activityArn, activityArn);
    assert.is((await sfn.send(new DescribeActivityCommand({ activityArn }))).name, 'review');
    await sfn.send(new CreateActivityCommand({ name: 'approve' }));
    const listed = await sfn.send(new ListActivitiesCommand({ maxResults: 1 }));
    assert.equal(listed.activities!.map((a) => a.name), ['approve']);
    assert.ok(listed.nextToken);
    const rest = await sfn.send(new ListActivitiesCommand({ nextToken: listed.nextToken }));
    assert.equal(rest.activities!.map((a) => a.name), ['review']);

    const definition = JSON.stringify({ StartAt: 'Review', States: { Review: { Type: 'Task', Resource: activityArn, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'reviews', definition, roleArn: ROLE }));
    // The poll is waiting before the execution schedules the task: the long poll hands it over.
    const poll = sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'worker-1' }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"doc":"a.pdf"}' }));
    const task = await poll;
    assert.equal(JSON.parse(task.input!), { doc: 'a.pdf' });
    await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"ok":true}' }));
    assert.is((await finished(sfn, executionArn!)).output, '{"ok":true}');

    await sfn.send(new DeleteActivityCommand({ activityArn }));
    const gone = await sdkError(sfn.send(new DescribeActivityCommand({ activityArn })));
    assert.is(gone.name, 'ActivityDoesNotExist');
    assert.is(gone.message, `Activity Does Not Exist: '${activityArn}'`);
    const polled = await sdkError(sfn.send(new GetActivityTaskCommand({ activityArn })));
    assert.is(polled.name, 'ActivityDoesNotExist');
  }),
);

s('Task states are answered by the handlers given to the server', () =>
  withService(
    async (sfn) => {
      const definition = JSON.stringify({ StartAt: 'Price', States: { Price: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:price', End: true } } });
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'priced', definition, roleArn: ROLE }));
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"qty":3}' }));
      assert.equal(JSON.parse((await finished(sfn, executionArn!)).output!), { total: 30 });
    },
    { handlers: { Price: (input: unknown) => ({ total: (input as { qty: number }).qty * 10 }) } },
  ),
);

const MOCK_CONFIG = {
  StateMachines: { priced: { TestCases: { Expensive: { Price: 'Big' }, Broken: { Price: 'Down' } } } },
  MockedResponses: {
    Big: { '0': { Return: { total: 1000 } } },
    Down: { '0': { Throw: { Error: 'Pricing.Unavailable', Cause: 'maintenance' } } },
  },
};

s("a Step Functions Local mock configuration answers tasks; the ARN's #TestCase suffix picks the test case", () =>
  withService(
    async (sfn) => {
      const definition = JSON.stringify({ StartAt: 'Price', States: { Price: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:price', End: true } } });
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'priced', definition, roleArn: ROLE }));
      const expensive = await sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#Expensive`, input: '{}' }));
      assert.equal(JSON.parse((await finished(sfn, expensive.executionArn!)).output!), { total: 1000 });
      const broken = await sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#Broken`, input: '{}' }));
      const failed = await finished(sfn, broken.executionArn!);
      assert.equal([failed.status, failed.error, failed.cause], ['FAILED', 'Pricing.Unavailable', 'maintenance']);
      const unknown = await sdkError(sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#Nope` })));
      assert.is(unknown.name, 'ValidationException');
      assert.match(unknown.message, 'Nope');
    },
    { mockConfig: MOCK_CONFIG },
  ),
);

s('TestState: one state with input, variables, a mock, and inspection data', () =>
  withService(async (sfn) => {
    const choice = JSON.stringify({ Type: 'Choice', QueryLanguage: 'JSONata', Choices: [{ Condition: '{% $states.input.total > $limit %}', Next: 'Review' }], Default: 'Ship' });
    const routed = await sfn.send(new TestStateCommand({ definition: choice, roleArn: ROLE, input: '{"total":120}', variables: '{"limit":100}' }));
    assert.equal({ status: routed.status, nextState: routed.nextState }, { status: 'SUCCEEDED', nextState: 'Review' });
    const task = JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, Next: 'After' });
    const mocked = await sfn.send(new TestStateCommand({ definition: task, roleArn: ROLE, input: '{}', mock: { result: '{"Payload":{"n":1}}' }, inspectionLevel: 'DEBUG' }));
    assert.equal({ status: mocked.status, output: JSON.parse(mocked.output!), nextState: mocked.nextState }, { status: 'SUCCEEDED', output: { Payload: { n: 1 } }, nextState: 'After' });
    assert.is(mocked.inspectionData!.input, '{}');
    const failing = await sfn.send(new TestStateCommand({ definition: task, roleArn: ROLE, input: '{}', mock: { errorOutput: { error: 'Boom', cause: 'bad' } } }));
    assert.equal({ status: failing.status, error: failing.error, cause: failing.cause }, { status: 'FAILED', error: 'Boom', cause: 'bad' });
    const unsupported = await sdkError(sfn.send(new TestStateCommand({ definition: task, roleArn: ROLE, context: '{}' })));
    assert.is(unsupported.name, 'ValidationException');
    assert.match(unsupported.message, "does not support 'context'");
  }),
);

s('a Distributed Map run is listed and described from its execution', () =>
  withService(async (sfn) => {
    const definition = JSON.stringify({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          Label: 'each',
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'fan', definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '[1,2,3]' }));
    assert.is((await finished(sfn, executionArn!)).status, 'SUCCEEDED');
    const { mapRuns } = await sfn.send(new ListMapRunsCommand({ executionArn }));
    assert.is(mapRuns!.length, 1);
    assert.match(mapRuns![0]!.mapRunArn!, `${PREFIX}:mapRun:fan`);
    const run = await sfn.send(new DescribeMapRunCommand({ mapRunArn: mapRuns![0]!.mapRunArn }));
    assert.is(run.status, 'SUCCEEDED');
    assert.is(run.executionArn, executionArn);
    assert.is(run.itemCounts!.total, 3);
    assert.is(run.itemCounts!.succeeded, 3);
    const missing = await sdkError(sfn.send(new DescribeMapRunCommand({ mapRunArn: `${PREFIX}:mapRun:fan/each:nope` })));
    assert.is(missing.name, 'ResourceNotFound');
  }),
);

s.run();
