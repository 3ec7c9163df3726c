import { CreateStateMachineCommand, ListStateMachinesCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PASS_DEFINITION, ROLE, sdkError, withService } from './support/local-service.js';

const s = suite('typestep serve: bad requests get AWS-shaped 400s, never a crash');

/** A raw AWS JSON 1.0 request, as an SDK would send it. */
async function post(endpoint: string, target: string | undefined, body: string): Promise<{ status: number; json: { __type: string; message: string } }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0' };
  if (target !== undefined) headers['x-amz-target'] = target;
  const response = await fetch(endpoint, { method: 'POST', headers, body });
  return { status: response.status, json: (await response.json()) as { __type: string; message: string } };
}

const NAMESPACE = 'com.amazonaws.swf.service.v2.model#';

s('bad JSON, a non-object body, an unknown operation and a missing target', () =>
  withService(async (_sfn, server) => {
    const badJson = await post(server.endpoint, 'AWSStepFunctions.ListStateMachines', '{nope');
    assert.equal([badJson.status, badJson.json.__type], [400, `${NAMESPACE}SerializationException`]);
    const array = await post(server.endpoint, 'AWSStepFunctions.ListStateMachines', '[1]');
    assert.equal([array.status, array.json.__type], [400, `${NAMESPACE}SerializationException`]);
    const unknown = await post(server.endpoint, 'AWSStepFunctions.DoSomething', '{}');
    assert.equal([unknown.status, unknown.json.__type], [400, `${NAMESPACE}UnknownOperationException`]);
    const inherited = await post(server.endpoint, 'AWSStepFunctions.constructor', '{}');
    assert.is(inherited.json.__type, `${NAMESPACE}UnknownOperationException`);
    const none = await post(server.endpoint, undefined, '{}');
    assert.equal([none.status, none.json.__type], [400, `${NAMESPACE}UnknownOperationException`]);
    const wrongType = await post(server.endpoint, 'AWSStepFunctions.CreateStateMachine', JSON.stringify({ name: 5, definition: PASS_DEFINITION, roleArn: ROLE }));
    assert.equal([wrongType.status, wrongType.json.__type], [400, `${NAMESPACE}SerializationException`]);
  }),
);

s('an oversized body and an oversized input are refused; the server keeps serving', () =>
  withService(async (sfn, server) => {
    const huge = await post(server.endpoint, 'AWSStepFunctions.ListStateMachines', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    assert.equal([huge.status, huge.json.__type], [400, `${NAMESPACE}ValidationException`]);
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'p', definition: PASS_DEFINITION, roleArn: ROLE }));
    const input = JSON.stringify({ pad: 'x'.repeat(256 * 1024) });
    const refused = await sdkError(sfn.send(new StartExecutionCommand({ stateMachineArn, input })));
    assert.is(refused.name, 'ValidationException');
    assert.match(refused.message, "at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144");
    assert.is((await sfn.send(new ListStateMachinesCommand({}))).stateMachines!.length, 1);
  }),
);

s('a request addressed to another host name (DNS rebinding) is refused', () =>
  withService(async (_sfn, server) => {
    const { port } = new URL(server.endpoint);
    const response = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const call = request({ host: '127.0.0.1', port, method: 'POST', headers: { host: `evil.example:${port}`, 'x-amz-target': 'AWSStepFunctions.ListStateMachines' } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        call.on('error', reject);
        call.end('{}');
      }, reject);
    });
    assert.is(response, 403);
  }),
);

const OPERATIONS = [
  'CreateStateMachine', 'DescribeStateMachine', 'UpdateStateMachine', 'DeleteStateMachine', 'ListStateMachines', 'ValidateStateMachineDefinition',
  'StartExecution', 'StartSyncExecution', 'DescribeExecution', 'ListExecutions', 'GetExecutionHistory', 'StopExecution', 'RedriveExecution',
  'DescribeStateMachineForExecution', 'SendTaskSuccess', 'SendTaskFailure', 'SendTaskHeartbeat', 'CreateActivity', 'DescribeActivity', 'DeleteActivity',
  'ListActivities', 'TestState', 'PublishStateMachineVersion', 'ListStateMachineVersions', 'DeleteStateMachineVersion', 'CreateStateMachineAlias',
  'DescribeStateMachineAlias', 'UpdateStateMachineAlias', 'DeleteStateMachineAlias', 'ListStateMachineAliases', 'DescribeMapRun', 'ListMapRuns',
  'TagResource', 'UntagResource', 'ListTagsForResource',
];
const FIELDS = ['name', 'definition', 'roleArn', 'stateMachineArn', 'executionArn', 'activityArn', 'taskToken', 'output', 'input', 'maxResults', 'nextToken', 'type', 'resourceArn', 'tags', 'routingConfiguration', 'stateMachineVersionArn', 'stateMachineAliasArn', 'mapRunArn', 'statusFilter'];

s('fuzz: random bodies for every operation answer 200 or a 4xx with an AWS __type', () =>
  withService(async (_sfn, server) => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant('arn:aws:states:us-east-1:123456789012:stateMachine:x'), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
    const body = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS.filter((op) => op !== 'GetActivityTask')), body, async (operation, request) => {
        const { status, json } = await post(server.endpoint, `AWSStepFunctions.${operation}`, JSON.stringify(request));
        if (status === 200) return;
        assert.ok(status >= 400 && status < 500, `${operation} ${JSON.stringify(request)} answered ${status}: ${JSON.stringify(json)}`);
        assert.ok(json.__type.startsWith(NAMESPACE), `${operation}: ${JSON.stringify(json)}`);
      }),
      { numRuns: 300, seed: 12 },
    );
  }),
);

s.run();
