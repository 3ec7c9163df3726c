import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  activity,
  awsSdk,
  batch,
  callback,
  dynamodb,
  ecs,
  eventBridge,
  glue,
  lambda,
  sagemaker,
  sns,
  sqs,
  taskDescription,
  TASK_DESCRIPTION,
  workflow,
} from '../src/index.js';

const Declarations = suite('declarations');

Declarations('lambda: lambda:invoke envelope by default, the function ARN kept as written', () => {
  assert.equal(taskDescription(lambda('${ChargeFunctionArn}')), {
    kind: 'lambda',
    resource: 'arn:aws:states:::lambda:invoke',
    pattern: 'request-response',
    functionArn: '${ChargeFunctionArn}',
    invoke: 'envelope',
    retry: [],
  });
});

Declarations("lambda with invoke: 'direct' uses the function ARN as the Resource; options are carried", () => {
  const arn = 'arn:aws:lambda:us-east-1:123456789012:function:charge';
  const task = lambda(arn, { invoke: 'direct', name: 'Charge', timeoutSeconds: 30, heartbeatSeconds: 10, retry: { errors: ['Boom'], maxAttempts: 2 } });
  assert.equal(taskDescription(task), {
    kind: 'lambda',
    resource: arn,
    pattern: 'lambda-function',
    functionArn: arn,
    invoke: 'direct',
    name: 'Charge',
    timeoutSeconds: 30,
    heartbeatSeconds: 10,
    retry: [{ errors: ['Boom'], maxAttempts: 2 }],
  });
});

Declarations('retry is always a list, in the order written', () => {
  const policies = [{ errors: ['A'], intervalSeconds: 2 }, { backoffRate: 1.5, maxDelaySeconds: 10, jitter: 'FULL' as const }];
  assert.equal(taskDescription(lambda('${F}', { retry: policies })).retry, policies);
});

Declarations('awsSdk: arn:aws:states:::aws-sdk:<service>:<action>', () => {
  assert.equal(taskDescription(awsSdk('s3', 'getObject', { name: 'Read' })), {
    kind: 'aws-sdk',
    resource: 'arn:aws:states:::aws-sdk:s3:getObject',
    pattern: 'request-response',
    service: 's3',
    action: 'getObject',
    name: 'Read',
    retry: [],
  });
});

Declarations('optimized integrations: request-response resources', () => {
  const cases: Array<[unknown, string, string, string]> = [
    [sns.publish(), 'arn:aws:states:::sns:publish', 'sns', 'publish'],
    [sqs.sendMessage(), 'arn:aws:states:::sqs:sendMessage', 'sqs', 'sendMessage'],
    [dynamodb.getItem(), 'arn:aws:states:::dynamodb:getItem', 'dynamodb', 'getItem'],
    [dynamodb.putItem(), 'arn:aws:states:::dynamodb:putItem', 'dynamodb', 'putItem'],
    [dynamodb.updateItem(), 'arn:aws:states:::dynamodb:updateItem', 'dynamodb', 'updateItem'],
    [dynamodb.deleteItem(), 'arn:aws:states:::dynamodb:deleteItem', 'dynamodb', 'deleteItem'],
    [eventBridge.putEvents(), 'arn:aws:states:::events:putEvents', 'events', 'putEvents'],
  ];
  for (const [task, resource, service, action] of cases) {
    assert.equal(taskDescription(task as never), { kind: 'service', resource, pattern: 'request-response', service, action, retry: [] });
  }
});

Declarations('.sync jobs', () => {
  const cases: Array<[unknown, string]> = [
    [ecs.runTask(), 'arn:aws:states:::ecs:runTask.sync'],
    [glue.startJobRun(), 'arn:aws:states:::glue:startJobRun.sync'],
    [batch.submitJob(), 'arn:aws:states:::batch:submitJob.sync'],
    [sagemaker.createTrainingJob(), 'arn:aws:states:::sagemaker:createTrainingJob.sync'],
  ];
  for (const [task, resource] of cases) {
    const description = taskDescription(task as never);
    assert.is(description.resource, resource);
    assert.is(description.pattern, 'sync');
    assert.is(description.kind, 'service');
  }
  assert.is(taskDescription(glue.startJobRun({ timeoutSeconds: 7200 })).timeoutSeconds, 7200);
});

Declarations('callback: .waitForTaskToken added once', () => {
  const expected = {
    kind: 'callback',
    resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    pattern: 'waitForTaskToken',
    service: 'sqs',
    action: 'sendMessage',
    heartbeatSeconds: 60,
    retry: [],
  };
  assert.equal(taskDescription(callback('arn:aws:states:::sqs:sendMessage', { heartbeatSeconds: 60 })), expected);
  assert.equal(taskDescription(callback('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { heartbeatSeconds: 60 })), expected);
  assert.is(taskDescription(callback('arn:aws:states:::lambda:invoke')).resource, 'arn:aws:states:::lambda:invoke.waitForTaskToken');
});

Declarations('activity: the activity ARN (or a placeholder) is the Resource', () => {
  const arn = 'arn:aws:states:us-east-1:123456789012:activity:review';
  assert.equal(taskDescription(activity(arn, { timeoutSeconds: 600 })), { kind: 'activity', resource: arn, pattern: 'activity', timeoutSeconds: 600, retry: [] });
  assert.is(taskDescription(activity('${ReviewActivityArn}')).resource, '${ReviewActivityArn}');
});

Declarations('workflow: a nested execution task, name and options', () => {
  const report = workflow('Report', async (n: number) => n + 1, { comment: 'c', timeoutSeconds: 60, type: 'EXPRESS' });
  assert.is(report.workflowName, 'Report');
  assert.equal(report.options, { comment: 'c', timeoutSeconds: 60, type: 'EXPRESS' });
  assert.equal(taskDescription(report), {
    kind: 'workflow',
    resource: 'arn:aws:states:::states:startExecution.sync:2',
    pattern: 'sync:2',
    workflowName: 'Report',
    stateMachineArn: '${ReportStateMachineArn}',
    retry: [],
  });
  const custom = workflow('Other', async () => 1, { stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Other' });
  assert.is(taskDescription(custom).stateMachineArn, 'arn:aws:states:us-east-1:123456789012:stateMachine:Other');
});

Declarations('the description sits behind a shared symbol and is frozen', () => {
  const task = lambda('${F}');
  assert.is((task as never)[Symbol.for('@typestep/dsl.task-description')], taskDescription(task));
  assert.is(TASK_DESCRIPTION, Symbol.for('@typestep/dsl.task-description'));
  assert.ok(Object.isFrozen(taskDescription(task)));
  assert.throws(() => taskDescription((() => 1) as never), /not a task/);
});

Declarations('mistakes fail at the declaration with a clear message', () => {
  assert.throws(() => lambda(''), /function ARN must be a non-empty string/);
  assert.throws(() => lambda('${F}', { invoke: 'sideways' as never }), /invoke must be 'envelope' or 'direct'/);
  assert.throws(() => lambda('${F}', { timeoutSeconds: 0 }), /timeoutSeconds must be an integer of at least 1/);
  assert.throws(() => lambda('${F}', { retry: { maxAttempts: 1.5 } }), /retry.maxAttempts must be an integer/);
  assert.throws(() => lambda('${F}', { retry: { backoffRate: 0.5 } }), /retry.backoffRate must be a number of at least 1/);
  assert.throws(() => lambda('${F}', { retry: { errors: [''] } }), /retry.errors/);
  assert.throws(() => lambda('${F}', { name: 'x'.repeat(81) }), /name must be a string of 1 to 80/);
  assert.throws(() => awsSdk('S3', 'getObject'), /service must be an SDK service name/);
  assert.throws(() => awsSdk('s3', 'GetObject'), /action must be an API action in camelCase/);
  assert.throws(() => callback('arn:aws:lambda:us-east-1:1:function:f'), /must be a service integration/);
  assert.throws(() => activity('review'), /expected an activity ARN/);
  assert.throws(() => workflow('has space', async () => 1), /state machine name/);
});

Declarations.run();
