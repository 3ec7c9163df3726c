import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { INTEGRATIONS, PolicyError, policyDocument, policyFor, type PolicyOptions } from '../src/index.js';

/** A machine whose only state is `task` (JSONata unless the task says otherwise). */
function machine(task: object, queryLanguage: 'JSONata' | 'JSONPath' = 'JSONata') {
  return { QueryLanguage: queryLanguage, StartAt: 'Call', States: { Call: { Type: 'Task', End: true, ...task } } };
}

/** `[actions, resources]` per statement, the shape most rows are checked in. */
function grantsOf(task: object, options: PolicyOptions = { region: 'eu-west-1', account: '123456789012' }, language?: 'JSONata' | 'JSONPath') {
  return policyFor(machine(task, language), options).statements.map((s) => [s.Action, s.Resource]);
}

const EU = { region: 'eu-west-1', account: '123456789012' };
const rowTested = new Set<string>();
/** One test of one row of the integration table. */
const Row = suite('integration table: one test per row');
const row = (resource: string, title: string, body: () => void) => {
  rowTested.add(resource);
  Row(`${resource}: ${title}`, body);
};

row('lambda:invoke', 'the function and its versions and aliases; a name becomes an ARN', () => {
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: '${ChargeArn}', Payload: '{% $states.input %}' } }), [
    [['lambda:InvokeFunction'], ['${ChargeArn}', '${ChargeArn}:*']],
  ]);
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'charge:live' } }, EU, 'JSONPath'), [
    [['lambda:InvokeFunction'], ['arn:aws:lambda:eu-west-1:123456789012:function:charge', 'arn:aws:lambda:eu-west-1:123456789012:function:charge:*']],
  ]);
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.fn' } }, EU, 'JSONPath'), [[['lambda:InvokeFunction'], ['*']]]);
});

row('lambda-function-arn', 'a function ARN as the Resource', () => {
  assert.equal(grantsOf({ Resource: 'arn:aws:lambda:us-east-1:123456789012:function:double:prod' }), [
    [['lambda:InvokeFunction'], ['arn:aws:lambda:us-east-1:123456789012:function:double', 'arn:aws:lambda:us-east-1:123456789012:function:double:*']],
  ]);
});

row('activity', 'nothing for the role; a note says what the worker needs', () => {
  const policy = policyFor(machine({ Resource: 'arn:aws:states:us-east-1:123456789012:activity:review' }));
  assert.equal(policy.statements, []);
  assert.match(policy.notes[0]!, /Call is an activity.*states:GetActivityTask/);
});

row('states:startExecution', 'async: StartExecution only; .sync and .sync:2: the executions and the managed rule', () => {
  const arn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:child';
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::states:startExecution', Arguments: { StateMachineArn: arn } }), [[['states:StartExecution'], [arn]]]);
  for (const suffix of ['.sync', '.sync:2']) {
    assert.equal(grantsOf({ Resource: `arn:aws:states:::states:startExecution${suffix}`, Arguments: { StateMachineArn: arn } }), [
      [['states:StartExecution'], [arn]],
      [['states:DescribeExecution', 'states:StopExecution'], ['arn:aws:states:eu-west-1:123456789012:execution:child:*']],
      [['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], ['arn:aws:events:eu-west-1:123456789012:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule']],
    ]);
  }
  const placeholder = policyFor(machine({ Resource: 'arn:aws:states:::states:startExecution.sync:2', Arguments: { StateMachineArn: '${ChildArn}' } }));
  assert.equal(placeholder.statements[1]!.Resource, ['arn:aws:states:*:*:execution:*']);
  assert.match(placeholder.statements[1]!.notes![0]!, /\$\{ChildArn\}/);
});

row('sqs:sendMessage', 'the queue ARN from its URL; a placeholder URL widens with a note', () => {
  assert.equal(
    grantsOf({ Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Arguments: { QueueUrl: 'https://sqs.us-east-2.amazonaws.com/123456789012/approvals', MessageBody: '{% $states.context.Task.Token %}' } }),
    [[['sqs:SendMessage'], ['arn:aws:sqs:us-east-2:123456789012:approvals']]],
  );
  const policy = policyFor(machine({ Resource: 'arn:aws:states:::sqs:sendMessage', Arguments: { QueueUrl: '${QueueUrl}' } }));
  assert.equal(policy.statements[0]!.Resource, ['*']);
  assert.match(policy.statements[0]!.notes![0]!, /placeholder for a URL/);
});

row('sns:publish', 'the topic', () => {
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::sns:publish.waitForTaskToken', Arguments: { TopicArn: '${OrdersTopicArn}', Message: 'x' } }), [
    [['sns:Publish'], ['${OrdersTopicArn}']],
  ]);
});

row('events:putEvents', 'each entry’s bus; no EventBusName is the default bus', () => {
  assert.equal(
    grantsOf({ Resource: 'arn:aws:states:::events:putEvents.waitForTaskToken', Arguments: { Entries: [{ EventBusName: 'orders', Detail: {} }, { Detail: {} }] } }),
    [[['events:PutEvents'], ['arn:aws:events:eu-west-1:123456789012:event-bus/orders', 'arn:aws:events:eu-west-1:123456789012:event-bus/default']]],
  );
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::events:putEvents', Arguments: { Entries: '{% $states.input.entries %}' } }), [[['events:PutEvents'], ['*']]]);
});

for (const action of ['getItem', 'putItem', 'updateItem', 'deleteItem']) {
  row(`dynamodb:${action}`, 'the table ARN; a placeholder stays in it', () => {
    const iam = `dynamodb:${action[0]!.toUpperCase()}${action.slice(1)}`;
    assert.equal(grantsOf({ Resource: `arn:aws:states:::dynamodb:${action}`, Arguments: { TableName: '${OrdersTable}', Key: {} } }), [
      [[iam], ['arn:aws:dynamodb:eu-west-1:123456789012:table/${OrdersTable}']],
    ]);
  });
}

row('glue:startJobRun', 'StartJobRun; .sync adds GetJobRun, GetJobRuns, BatchStopJobRun', () => {
  const job = 'arn:aws:glue:eu-west-1:123456789012:job/reindex';
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::glue:startJobRun', Arguments: { JobName: 'reindex' } }), [[['glue:StartJobRun'], [job]]]);
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::glue:startJobRun.sync', Arguments: { JobName: 'reindex' } }), [
    [['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'], [job]],
  ]);
});

row('ecs:runTask', 'RunTask on the task definition and PassRole; .sync adds StopTask, DescribeTasks and the ECS rule', () => {
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::ecs:runTask', Arguments: { TaskDefinition: 'resize', Cluster: 'main' } }), [
    [['ecs:RunTask'], ['arn:aws:ecs:eu-west-1:123456789012:task-definition/resize:*']],
    [['iam:PassRole'], ['*']],
  ]);
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::ecs:runTask.sync', Arguments: { TaskDefinition: 'resize:3' } }), [
    [['ecs:RunTask'], ['arn:aws:ecs:eu-west-1:123456789012:task-definition/resize:3']],
    [['iam:PassRole'], ['*']],
    [['ecs:StopTask', 'ecs:DescribeTasks'], ['*']],
    [['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], ['arn:aws:events:eu-west-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule']],
  ]);
});

row('batch:submitJob', 'SubmitJob on definition and queue; .sync adds DescribeJobs, TerminateJob and the Batch rule', () => {
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::batch:submitJob.sync', Arguments: { JobName: 'n', JobDefinition: 'render', JobQueue: 'gpu' } }), [
    [['batch:SubmitJob'], ['arn:aws:batch:eu-west-1:123456789012:job-definition/render:*', 'arn:aws:batch:eu-west-1:123456789012:job-queue/gpu']],
    [['batch:DescribeJobs', 'batch:TerminateJob'], ['*']],
    [['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], ['arn:aws:events:eu-west-1:123456789012:rule/StepFunctionsGetEventsForBatchJobsRule']],
  ]);
});

row('athena:startQueryExecution', 'the workgroup (primary by default) and data catalogs, S3, the Glue catalog and Lake Formation', () => {
  const grants = grantsOf({ Resource: 'arn:aws:states:::athena:startQueryExecution.sync', Arguments: { QueryString: 'SELECT 1' } });
  assert.equal(grants[0], [
    ['athena:StartQueryExecution', 'athena:GetDataCatalog', 'athena:StopQueryExecution', 'athena:GetQueryExecution'],
    ['arn:aws:athena:eu-west-1:123456789012:workgroup/primary', 'arn:aws:athena:eu-west-1:123456789012:datacatalog/*'],
  ]);
  assert.ok((grants[1]![0] as string[]).includes('s3:PutObject'));
  assert.ok((grants[2]![0] as string[]).includes('glue:GetTable'));
  assert.equal(grants[2]![1], [
    'arn:aws:glue:eu-west-1:123456789012:catalog',
    'arn:aws:glue:eu-west-1:123456789012:database/*',
    'arn:aws:glue:eu-west-1:123456789012:table/*',
    'arn:aws:glue:eu-west-1:123456789012:userDefinedFunction/*',
  ]);
  assert.equal(grants[3], [['lakeformation:GetDataAccess'], ['*']]);
});

for (const action of ['getQueryExecution', 'getQueryResults', 'stopQueryExecution']) {
  row(`athena:${action}`, 'the action on workgroups', () => {
    const grants = grantsOf({ Resource: `arn:aws:states:::athena:${action}`, Arguments: { QueryExecutionId: '{% $id %}' } });
    assert.equal(grants[0], [[`athena:${action[0]!.toUpperCase()}${action.slice(1)}`], ['arn:aws:athena:eu-west-1:123456789012:workgroup/*']]);
    assert.equal(grants.length, action === 'getQueryResults' ? 2 : 1);
  });
}

row('sagemaker:createTrainingJob', 'the job, ListTags and PassRole on its role; .sync adds Describe/Stop and the SageMaker rule', () => {
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Arguments: { TrainingJobName: 'fit', RoleArn: '${TrainingRoleArn}' } }), [
    [['sagemaker:CreateTrainingJob', 'sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob'], ['arn:aws:sagemaker:eu-west-1:123456789012:training-job/fit*']],
    [['sagemaker:ListTags'], ['*']],
    [['iam:PassRole'], ['${TrainingRoleArn}']],
    [['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], ['arn:aws:events:eu-west-1:123456789012:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule']],
  ]);
});

row('http:invoke', 'InvokeHTTPEndpoint on the machine itself, the connection’s credentials and its secret', () => {
  const self = 'arn:aws:states:eu-west-1:123456789012:stateMachine:hooks';
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::http:invoke', Arguments: { ApiEndpoint: 'https://x', Method: 'GET' } }, { ...EU, stateMachineArn: self })[0], [['states:InvokeHTTPEndpoint'], [self]]);
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::http:invoke', Arguments: { ApiEndpoint: 'https://x', Method: 'GET', Authentication: { ConnectionArn: '${ApiConnectionArn}' } } }), [
    [['states:InvokeHTTPEndpoint'], ['arn:aws:states:eu-west-1:123456789012:stateMachine:*']],
    [['events:RetrieveConnectionCredentials'], ['${ApiConnectionArn}']],
    [['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:events!connection/*']],
  ]);
});

/** A Distributed Map over S3, JSONPath, whose reader and writer are the rows under test. */
function distributedMap(reader: object, writer?: object) {
  return {
    StartAt: 'Fan out',
    States: {
      'Fan out': {
        Type: 'Map',
        ItemReader: reader,
        ...(writer ? { ResultWriter: writer } : {}),
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Resize', States: { Resize: { Type: 'Pass', End: true } } },
        End: true,
      },
    },
  };
}

row('ItemReader s3:getObject', 'GetObject on the key, and the machine may start its own executions', () => {
  const policy = policyFor(distributedMap({ Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: '${InputBucket}', Key: 'items.json' } }), {
    stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:resize',
  });
  assert.equal(policy.statements.map((s) => [s.Action, s.Resource, s.states]), [
    [['s3:GetObject'], ['arn:aws:s3:::${InputBucket}/items.json'], ['Fan out']],
    [['states:StartExecution'], ['arn:aws:states:eu-west-1:123456789012:stateMachine:resize'], ['Fan out']],
    [['states:DescribeExecution', 'states:StopExecution'], ['arn:aws:states:eu-west-1:123456789012:execution:resize/*'], ['Fan out']],
  ]);
});

row('ItemReader s3:listObjectsV2', 'ListBucket on the bucket', () => {
  const policy = policyFor(distributedMap({ Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'photos', Prefix: 'in/' } }));
  assert.equal(policy.statements[0]!.Action, ['s3:ListBucket']);
  assert.equal(policy.statements[0]!.Resource, ['arn:aws:s3:::photos']);
  assert.equal(policy.statements[1]!.Resource, ['arn:aws:states:*:*:stateMachine:*'], 'no stateMachineArn: any machine, with a note');
  assert.ok(policy.statements[1]!.notes);
});

row('ResultWriter s3:putObject', 'PutObject (and multipart upload) under the prefix', () => {
  const policy = policyFor(distributedMap({ Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'photos' } }, { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'results', Prefix: 'run/' } }));
  assert.equal(policy.statements[1]!.Action, ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload']);
  assert.equal(policy.statements[1]!.Resource, ['arn:aws:s3:::results/run/*']);
});

row('aws-sdk', 'service:Action in IAM casing, with the documented name exceptions; known shapes are scoped', () => {
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::aws-sdk:ec2:describeInstances', Arguments: {} }), [[['ec2:DescribeInstances'], ['*']]]);
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::aws-sdk:sfn:listExecutions', Arguments: { StateMachineArn: '${Arn}' } }), [[['states:ListExecutions'], ['${Arn}']]]);
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::aws-sdk:efs:describeFileSystems', Arguments: {} }), [[['elasticfilesystem:DescribeFileSystems'], ['*']]]);
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2', Arguments: { Bucket: 'b' } }), [[['s3:ListBucket'], ['arn:aws:s3:::b']]]);
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Arguments: { Bucket: 'b', Key: 'k' } }), [[['s3:GetObject'], ['arn:aws:s3:::b/k']]]);
  assert.equal(grantsOf({ Resource: 'arn:aws:states:::aws-sdk:dynamodb:query', Arguments: { TableName: 't' } }), [[['dynamodb:Query'], ['arn:aws:dynamodb:eu-west-1:123456789012:table/t']]]);
});

Row('every row of the table has a test here', () => {
  const untested = INTEGRATIONS.map((r) => r.resource).filter((r) => !rowTested.has(r));
  assert.equal(untested, []);
});

Row.run();

const Whole = suite('policyFor: the whole machine');

Whole('states inside Parallel branches and Map processors are found and named by path, in both query languages', () => {
  const lambda = (fn: string) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: fn, 'Payload.$': '$' }, End: true });
  const definition = {
    StartAt: 'Fan out',
    States: {
      'Fan out': {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'Each', States: { Each: { Type: 'Map', Iterator: { StartAt: 'Resize', States: { Resize: lambda('${ResizeArn}') } }, End: true } } },
          { StartAt: 'Audit', States: { Audit: { ...lambda('${AuditArn}'), QueryLanguage: 'JSONPath' } } },
        ],
        End: true,
      },
    },
  };
  const [statement] = policyFor(definition).statements;
  assert.equal(statement!.states, ['Fan out/Each/Resize', 'Fan out/Audit']);
  assert.equal(statement!.Resource, ['${ResizeArn}', '${ResizeArn}:*', '${AuditArn}', '${AuditArn}:*']);
});

Whole('tracing and logging add X-Ray and CloudWatch Logs on *', () => {
  const statements = policyFor({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, { tracing: true, logging: true }).statements;
  assert.equal(statements.map((s) => s.Action[0]), ['xray:PutTraceSegments', 'logs:CreateLogDelivery']);
  assert.ok(statements.every((s) => s.Resource.length === 1 && s.Resource[0] === '*'));
});

Whole('an unknown Resource is an error naming the state', () => {
  try {
    policyFor(machine({ Resource: 'arn:aws:states:::foo:bar' }));
    assert.unreachable();
  } catch (error) {
    assert.instance(error, PolicyError);
    assert.is((error as PolicyError).code, 'unknown_resource');
    assert.is((error as PolicyError).state, 'Call');
    assert.match((error as Error).message, /^state "Call": Resource "arn:aws:states:::foo:bar"/);
  }
  assert.throws(() => policyFor(machine({ Resource: 'arn:aws:states:::glue:startJobRun.waitForTaskToken', Arguments: { JobName: 'j' } })), /does not support the \.waitForTaskToken pattern/);
  assert.throws(() => policyFor(machine({ Resource: 'https://example.com' })), /state "Call"/);
  assert.throws(() => policyFor({ StartAt: 'A', States: { A: 'Pass' } }), (error: unknown) => error instanceof PolicyError && error.code === 'invalid_definition' && /state "A" is not a JSON object/.test(error.message));
});

Whole('a computed field widens to * and says which field', () => {
  const [statement] = policyFor(machine({ Resource: 'arn:aws:states:::dynamodb:getItem', Arguments: { TableName: '{% $table %}' } })).statements;
  assert.equal(statement!.Resource, ['*']);
  assert.match(statement!.notes![0]!, /Arguments\.TableName is computed at run time \(\{% \$table %\}\)/);
});

Whole('literals inside a JSONata Arguments expression still scope (the compiler writes blocks with helper functions)', () => {
  const Arguments = '{% ($f := function($n){ $string($n) }; {"TableName": "${Scores}", "Item": {"n": {"N": $f($states.input.n)}}}) %}';
  const [statement] = policyFor(machine({ Resource: 'arn:aws:states:::dynamodb:putItem', Arguments }), EU).statements;
  assert.equal(statement!.Resource, ['arn:aws:dynamodb:eu-west-1:123456789012:table/${Scores}']);
  const computed = policyFor(machine({ Resource: 'arn:aws:states:::dynamodb:putItem', Arguments: '{% $merge([{"TableName": "t"}, $states.input]) %}' })).statements[0]!;
  assert.equal(computed.Resource, ['*'], 'a value that needs evaluating is never guessed');
  assert.match(computed.notes![0]!, /^Arguments is computed at run time \(\{% \$merge/);
  const buses = policyFor(machine({ Resource: 'arn:aws:states:::events:putEvents', Arguments: { Entries: [{ EventBusName: '{% $bus %}' }, '{% {"EventBusName": "audit"} %}'] } }), EU);
  assert.equal(buses.statements[0]!.Resource, ['*']);
  assert.match(buses.statements[0]!.notes![0]!, /Arguments\.Entries\[0\]\.EventBusName is computed/);
});

Whole.run();

const Document = suite('policyDocument');

Document('an IAM document: Version, and statements without states and notes unless asked', () => {
  const definition = machine({ Resource: 'arn:aws:states:::dynamodb:putItem', Arguments: { TableName: '{% $t %}' } });
  assert.equal(policyDocument(definition), {
    Version: '2012-10-17',
    Statement: [{ Sid: 'DynamodbPutItem', Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: ['*'] }],
  });
  const kept = policyDocument(definition, { withStates: true }).Statement[0]!;
  assert.equal(kept.states, ['Call']);
  assert.equal(kept.notes!.length, 1);
});

Document.run();
