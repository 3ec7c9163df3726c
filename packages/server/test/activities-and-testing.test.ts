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
    assert.is(mocked.inspectionData!.result, '{"Payload":{"n":1}}');
    const failing = await sfn.send(new TestStateCommand({ definition: task, roleArn: ROLE, input: '{}', mock: { errorOutput: { error: 'Boom', cause: 'bad' } } }));
    assert.equal({ status: failing.status, error: failing.error, cause: failing.cause }, { status: 'FAILED', error: 'Boom', cause: 'bad' });
    const notMap = await sdkError(sfn.send(new TestStateCommand({ definition: task, roleArn: ROLE, stateConfiguration: { mapIterationFailureCount: 2 } })));
    assert.is(notMap.name, 'ValidationException');
    assert.match(notMap.message, 'mapIterationFailureCount is for a Map state');
  }),
);

s('TestState: inspectionData of a JSONPath Task holds each data-flow step', () =>
  withService(async (sfn) => {
    const task = JSON.stringify({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      InputPath: '$.order',
      Parameters: { FunctionName: 'price', 'Payload.$': '$' },
      ResultSelector: { 'total.$': '$.Payload.total' },
      ResultPath: '$.priced',
      OutputPath: '$.priced',
      End: true,
    });
    const tested = await sfn.send(new TestStateCommand({ definition: task, roleArn: ROLE, input: '{"order":{"id":7},"user":"ada"}', mock: { result: '{"Payload":{"total":30},"StatusCode":200}' }, inspectionLevel: 'DEBUG' }));
    const data = tested.inspectionData!;
    assert.equal(
      [data.afterInputPath, data.afterParameters, data.result, data.afterResultSelector, data.afterResultPath].map((text) => JSON.parse(text!)),
      [{ id: 7 }, { FunctionName: 'price', Payload: { id: 7 } }, { Payload: { total: 30 }, StatusCode: 200 }, { total: 30 }, { order: { id: 7 }, user: 'ada', priced: { total: 30 } }],
    );
    assert.equal(JSON.parse(tested.output!), { total: 30 });
  }),
);

s('TestState: context is laid over the context object ($$ and $states.context)', () =>
  withService(async (sfn) => {
    const pass = JSON.stringify({ Type: 'Pass', Parameters: { 'run.$': '$$.Execution.Name', 'item.$': '$$.Map.Item.Value', 'state.$': '$$.State.Name' }, End: true });
    const context = JSON.stringify({ Execution: { Name: 'order-42' }, Map: { Item: { Index: 3, Value: 'x' } } });
    const tested = await sfn.send(new TestStateCommand({ definition: pass, roleArn: ROLE, input: '{}', context }));
    assert.equal(JSON.parse(tested.output!), { run: 'order-42', item: 'x', state: 'State' });
    const jsonata = JSON.stringify({ Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.context.Execution.Name %}', End: true });
    assert.is((await sfn.send(new TestStateCommand({ definition: jsonata, roleArn: ROLE, context }))).output, '"order-42"');
    const bad = await sdkError(sfn.send(new TestStateCommand({ definition: pass, roleArn: ROLE, context: '[1]' })));
    assert.is(bad.name, 'ValidationException');
  }),
);

s('TestState: retrierRetryCount decides RETRIABLE against MaxAttempts; errorDetails names the retrier or catcher', () =>
  withService(async (sfn) => {
    const task = JSON.stringify({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'f' },
      Retry: [{ ErrorEquals: ['Other'], MaxAttempts: 5 }, { ErrorEquals: ['Boom'], MaxAttempts: 2, IntervalSeconds: 3, BackoffRate: 2 }],
      Catch: [{ ErrorEquals: ['Nope'], Next: 'Never' }, { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }],
      Next: 'After',
    });
    const mock = { errorOutput: { error: 'Boom', cause: 'bad' } };
    const first = await sfn.send(new TestStateCommand({ definition: task, roleArn: ROLE, input: '{}', mock, inspectionLevel: 'DEBUG' }));
    assert.is(first.status, 'RETRIABLE');
    assert.equal(first.inspectionData!.errorDetails, { retryIndex: 1, retryBackoffIntervalSeconds: 3 });
    const second = await sfn.send(new TestStateCommand({ definition: task, roleArn: ROLE, input: '{}', mock, inspectionLevel: 'DEBUG', stateConfiguration: { retrierRetryCount: 1 } }));
    assert.equal({ status: second.status, details: second.inspectionData!.errorDetails }, { status: 'RETRIABLE', details: { retryIndex: 1, retryBackoffIntervalSeconds: 6 } });
    const spent = await sfn.send(new TestStateCommand({ definition: task, roleArn: ROLE, input: '{}', mock, inspectionLevel: 'DEBUG', stateConfiguration: { retrierRetryCount: 2 } }));
    assert.equal(
      { status: spent.status, nextState: spent.nextState, output: JSON.parse(spent.output!), details: spent.inspectionData!.errorDetails },
      { status: 'CAUGHT_ERROR', nextState: 'Recover', output: { error: { Error: 'Boom', Cause: 'bad' } }, details: { catchIndex: 1 } },
    );
    const negative = await sdkError(sfn.send(new TestStateCommand({ definition: task, roleArn: ROLE, mock, stateConfiguration: { retrierRetryCount: -1 } })));
    assert.is(negative.name, 'ValidationException');
  }),
);

s("TestState: errorCausedByState tests a Map's Catch of an error raised inside it", () =>
  withService(async (sfn) => {
    const map = JSON.stringify({
      Type: 'Map',
      ItemProcessor: { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
      Catch: [{ ErrorEquals: ['Card.Declined'], ResultPath: '$.failure', Next: 'Notify' }],
      End: true,
    });
    const mock = { errorOutput: { error: 'Card.Declined', cause: 'no funds' } };
    const caught = await sfn.send(new TestStateCommand({ definition: map, roleArn: ROLE, input: '{"items":[1]}', mock, stateConfiguration: { errorCausedByState: 'Charge' } }));
    assert.equal(
      { status: caught.status, nextState: caught.nextState, output: JSON.parse(caught.output!) },
      { status: 'CAUGHT_ERROR', nextState: 'Notify', output: { items: [1], failure: { Error: 'Card.Declined', Cause: 'no funds' } } },
    );
    const unknown = await sdkError(sfn.send(new TestStateCommand({ definition: map, roleArn: ROLE, mock, stateConfiguration: { errorCausedByState: 'Elsewhere' } })));
    assert.is(unknown.name, 'ValidationException');
    assert.match(unknown.message, "'Elsewhere'");
    const unmocked = await sdkError(sfn.send(new TestStateCommand({ definition: map, roleArn: ROLE, stateConfiguration: { errorCausedByState: 'Charge' } })));
    assert.is(unmocked.name, 'ValidationException');
  }),
);

s('TestState: mapItemReaderData feeds a Distributed Map; mapIterationFailureCount tests its tolerated failures', () =>
  withService(async (sfn) => {
    const map = {
      Type: 'Map',
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'orders', Key: 'today.json' } },
      ItemSelector: { 'sku.$': '$$.Map.Item.Value.sku' },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Pick', States: { Pick: { Type: 'Pass', End: true } } },
      ToleratedFailureCount: 1,
      Catch: [{ ErrorEquals: ['States.ExceedToleratedFailureThreshold'], ResultPath: '$.failure', Next: 'Report' }],
      Next: 'Ship',
    };
    const mapItemReaderData = JSON.stringify([{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }]);
    const read = await sfn.send(new TestStateCommand({ definition: JSON.stringify(map), roleArn: ROLE, stateConfiguration: { mapItemReaderData, mapIterationFailureCount: 1 } }));
    assert.equal({ status: read.status, nextState: read.nextState, output: JSON.parse(read.output!) }, { status: 'SUCCEEDED', nextState: 'Ship', output: [{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }] });
    const exceeded = await sfn.send(new TestStateCommand({ definition: JSON.stringify(map), roleArn: ROLE, stateConfiguration: { mapItemReaderData, mapIterationFailureCount: 2 } }));
    assert.equal([exceeded.status, exceeded.error, exceeded.nextState], ['CAUGHT_ERROR', 'States.ExceedToleratedFailureThreshold', 'Report']);
    const negative = await sdkError(sfn.send(new TestStateCommand({ definition: JSON.stringify(map), roleArn: ROLE, stateConfiguration: { mapIterationFailureCount: -1 } })));
    assert.is(negative.name, 'ValidationException');
    const notMap = await sdkError(sfn.send(new TestStateCommand({ definition: '{"Type":"Pass","End":true}', roleArn: ROLE, stateConfiguration: { mapItemReaderData } })));
    assert.is(notMap.name, 'ValidationException');
    assert.match(notMap.message, 'Map state');
  }),
);

s('TestState: a JSONata Task reports afterArguments, result and the variables it assigned', () =>
  withService(async (sfn) => {
    const task = {
      Type: 'Task',
      QueryLanguage: 'JSONata',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: 'charge', Payload: { cents: '{% $states.input.total * 100 %}' } },
      Assign: { charged: '{% $states.result.Payload.ok %}' },
      Output: '{% $states.result.Payload %}',
      End: true,
    };
    const tested = await sfn.send(new TestStateCommand({ definition: JSON.stringify(task), roleArn: ROLE, input: '{"total":2}', mock: { result: '{"Payload":{"ok":true}}' }, inspectionLevel: 'DEBUG' }));
    const data = tested.inspectionData!;
    assert.equal(
      { afterArguments: JSON.parse(data.afterArguments!), result: JSON.parse(data.result!), variables: JSON.parse(data.variables!), afterParameters: data.afterParameters },
      { afterArguments: { FunctionName: 'charge', Payload: { cents: 200 } }, result: { Payload: { ok: true } }, variables: { charged: true }, afterParameters: undefined },
    );
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
