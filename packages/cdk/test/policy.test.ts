import { readFileSync } from 'node:fs';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { TypestepStateMachine } from '../src/index.js';
import { fixture, literal, newFunction, newQueue, newStack, newTable, newTopic, onlyResource, thrownMessage } from './support.js';

const stockCheck = JSON.parse(readFileSync(fixture('stock-check.asl.json'), 'utf8')) as Record<string, unknown>;

/** A machine from stock-check.asl.json with each placeholder bound to a construct of its kind. */
function stockCheckStack() {
  const stack = newStack();
  const resources = {
    CheckFunctionArn: newFunction(stack, 'Check'),
    StockTable: newTable(stack, 'Stock'),
    WorkQueue: newQueue(stack, 'Work'),
    Alerts: newTopic(stack, 'Alerts'),
    Restock: new sfn.StateMachine(stack, 'RestockMachine', { definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Pass')) }),
  };
  const machine = new TypestepStateMachine(stack, 'StockCheck', { definition: stockCheck, placeholders: resources });
  return { stack, resources, machine };
}

const logicalId = (stack: Stack, element: { node: { defaultChild?: unknown } }) => stack.getLogicalId(element.node.defaultChild as CfnElement);

const s = suite('TypestepStateMachine: placeholders and policy');

s('each placeholder takes the identifier its field needs: function ARN, table name, queue URL, topic ARN, state machine ARN', () => {
  const { stack, resources, machine } = stockCheckStack();
  const properties = Template.fromStack(stack).findResources('AWS::StepFunctions::StateMachine')[logicalId(stack, machine.stateMachine)] as {
    Properties: Record<string, unknown>;
  };
  assert.equal(properties.Properties.DefinitionSubstitutions, {
    CheckFunctionArn: { 'Fn::GetAtt': [logicalId(stack, resources.CheckFunctionArn), 'Arn'] },
    StockTable: { Ref: logicalId(stack, resources.StockTable) },
    WorkQueue: { Ref: logicalId(stack, resources.WorkQueue) },
    Alerts: { Ref: logicalId(stack, resources.Alerts) },
    Restock: { Ref: logicalId(stack, resources.Restock) },
  });
  // An SQS queue's Ref is its URL, an SNS topic's and a state machine's their ARN, a table's its name.
  assert.equal(stack.resolve(resources.WorkQueue.queueUrl), { Ref: logicalId(stack, resources.WorkQueue) });
});

s("the role gets exactly the definition's statements, resources resolved through the placeholders", () => {
  const { stack, resources, machine } = stockCheckStack();
  const template = Template.fromStack(stack);
  const role = logicalId(stack, machine.stateMachine.role);
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
    JSON.stringify((policy as { Properties: { Roles: unknown } }).Properties.Roles).includes(`"${role}"`),
  );
  assert.is(policies.length, 1);
  const functionArn = { 'Fn::GetAtt': [logicalId(stack, resources.CheckFunctionArn), 'Arn'] };
  assert.equal((policies[0] as { Properties: { PolicyDocument: unknown } }).Properties.PolicyDocument, {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'LambdaInvokeFunction', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [functionArn, { 'Fn::Join': ['', [functionArn, ':*']] }] },
      {
        Sid: 'DynamodbGetItem',
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: {
          'Fn::Join': [
            '',
            ['arn:', { Ref: 'AWS::Partition' }, ':dynamodb:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':table/', { Ref: logicalId(stack, resources.StockTable) }],
          ],
        },
      },
      // @typestep/deploy cannot make an ARN from a placeholder URL: it widens to * and says so.
      { Sid: 'SqsSendMessage', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
      { Sid: 'SnsPublish', Effect: 'Allow', Action: 'sns:Publish', Resource: { Ref: logicalId(stack, resources.Alerts) } },
      { Sid: 'StatesStartExecution', Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: logicalId(stack, resources.Restock) } },
    ],
  });
  assert.is(machine.policyStatements.length, 5);
});

s('where the policy is wider than the resources, synth warns and says why', () => {
  const { stack } = stockCheckStack();
  const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue());
  assert.equal(warnings.map((warning) => warning.id), ['/Test/StockCheck']);
  // The reason is @typestep/deploy's wording; what it names is checked here.
  assert.match(String(warnings[0]!.entry.data), /^SqsSendMessage \(Enqueue\): (Arguments\.)?QueueUrl is a placeholder for a URL.*\[ack: @typestep\/cdk:policy-note\]$/);
});

s('a construct of the wrong kind is named in the synth error with what the placeholder takes', () => {
  const stack = newStack();
  const table = newTable(stack, 'Stock');
  const message = thrownMessage(
    () =>
      new TypestepStateMachine(stack, 'StockCheck', {
        definition: stockCheck,
        placeholders: { CheckFunctionArn: table, StockTable: newFunction(stack, 'Check'), WorkQueue: literal.queueUrl('work'), Alerts: literal.topicArn('alerts'), Restock: 'arn:aws:states:eu-west-1:111122223333:stateMachine:restock' },
      }),
  );
  assert.match(message ?? '', /CheckFunctionArn is a lambda-function-arn placeholder, which takes a Lambda function or a string, not the construct Test\/Stock/);
  assert.match(message ?? '', /StockTable is a table-name placeholder, which takes a DynamoDB table or a string, not the construct Test\/Check/);
});

s('where the field does not tell, the placeholder name chooses the identifier (…Arn, …Url, …Name)', () => {
  const stack = newStack();
  const queue = newQueue(stack, 'Work');
  const topic = newTopic(stack, 'Alerts');
  // QueueUrl and TopicArn inside the JSONata object say what they take; the message text does not.
  const definition = {
    QueryLanguage: 'JSONata',
    StartAt: 'Send',
    States: {
      Send: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Arguments: '{% {"QueueUrl": "${WorkQueueUrl}", "MessageBody": $states.input} %}', Next: 'Tell' },
      Tell: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Arguments: '{% {"TopicArn": "${AlertsTopicArn}", "Message": "queue ${QueueArn}, topic ${AlertsTopicName}, reply to ${ReplyUrl}"} %}', End: true },
    },
  };
  const machine = new TypestepStateMachine(stack, 'M', { definition, placeholders: { WorkQueueUrl: queue, AlertsTopicArn: topic, QueueArn: queue, AlertsTopicName: topic, ReplyUrl: queue } });
  assert.equal(stack.resolve(machine.definitionSubstitutions), {
    WorkQueueUrl: stack.resolve(queue.queueUrl),
    AlertsTopicArn: stack.resolve(topic.topicArn),
    QueueArn: stack.resolve(queue.queueArn),
    AlertsTopicName: stack.resolve(topic.topicName),
    ReplyUrl: stack.resolve(queue.queueUrl),
  });
  const other = newStack();
  const wrong = thrownMessage(
    () =>
      new TypestepStateMachine(other, 'M', {
        definition,
        placeholders: { WorkQueueUrl: newTopic(other, 'Alerts'), AlertsTopicArn: literal.topicArn('alerts'), QueueArn: 'arn:aws:sqs:eu-west-1:111122223333:work', AlertsTopicName: 'alerts', ReplyUrl: newFunction(other, 'Reply') },
      }),
  );
  assert.match(wrong ?? '', /WorkQueueUrl is a queue-url placeholder, which takes an SQS queue or a string, not the construct Test\/Alerts/);
  assert.match(wrong ?? '', /ReplyUrl asks for a URL by its name, and a Lambda function has none/);
});

s("a Distributed Map may start and stop its own machine's executions, named when the machine has a fixed name", () => {
  const definition = {
    StartAt: 'Resize',
    States: { Resize: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
  };
  const stack = newStack();
  const named = new TypestepStateMachine(stack, 'Named', { definition, stateMachineName: 'nightly' });
  const arn = (resource: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':states:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, resource]] });
  assert.equal(
    named.policyStatements.map((statement) => stack.resolve(statement.toStatementJson())),
    [
      { Sid: 'StatesStartExecution', Effect: 'Allow', Action: 'states:StartExecution', Resource: arn(':stateMachine:nightly') },
      { Sid: 'StatesDescribeExecution', Effect: 'Allow', Action: ['states:DescribeExecution', 'states:StopExecution'], Resource: arn(':execution:nightly/*') },
    ],
  );
  new TypestepStateMachine(stack, 'Unnamed', { definition });
  assert.is(Annotations.fromStack(stack).findWarning('/Test/Named', Match.anyValue()).length, 0);
  assert.is(Annotations.fromStack(stack).findWarning('/Test/Unnamed', Match.anyValue()).length, 2, 'both statements say they are wide');
});

s('a Resource @typestep/deploy does not know fails the synth, naming the state', () => {
  const definition = { StartAt: 'Odd', States: { Odd: { Type: 'Task', Resource: 'arn:aws:states:::nothing:here', End: true } } };
  assert.match(thrownMessage(() => new TypestepStateMachine(newStack(), 'M', { definition })) ?? '', /state "Odd": Resource "arn:aws:states:::nothing:here"/);
});

s('the machine role has no statement when the definition calls nothing', () => {
  const stack = newStack();
  new TypestepStateMachine(stack, 'M', { definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } });
  const template = Template.fromStack(stack);
  assert.equal(template.findResources('AWS::IAM::Policy'), {});
  assert.ok(onlyResource(template, 'AWS::IAM::Role'));
});

s.run();
