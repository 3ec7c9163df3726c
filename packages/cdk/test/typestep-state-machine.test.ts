import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { TypestepStateMachine } from '../src/index.js';
import { fixture, literal, newFunction, newStack, newTopic, onlyResource, orderPlaceholders, restockPlaceholders, thrownMessage } from './support.js';

const root = new URL('../../../', import.meta.url).pathname;
const orderDefinition = JSON.parse(readFileSync(`${root}examples/typed-orders/ProcessOrder.asl.json`, 'utf8')) as Record<string, unknown>;

const s = suite('TypestepStateMachine');

s('deploys a definition object as it is, with each placeholder bound in DefinitionSubstitutions', () => {
  const stack = newStack();
  const price = newFunction(stack, 'Price');
  const receipts = newTopic(stack, 'Receipts');
  new TypestepStateMachine(stack, 'Orders', {
    definition: orderDefinition,
    placeholders: { PriceFunctionArn: price, ChargeFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:charge', ReceiptsTopicArn: receipts },
  });
  const machine = onlyResource(Template.fromStack(stack), 'AWS::StepFunctions::StateMachine');
  assert.equal(JSON.parse(machine.DefinitionString as string), orderDefinition);
  assert.equal(machine.DefinitionSubstitutions, {
    PriceFunctionArn: stack.resolve(price.functionArn),
    ChargeFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:charge',
    ReceiptsTopicArn: stack.resolve(receipts.topicArn),
  });
  assert.is(machine.StateMachineType, 'STANDARD');
});

s('reads a .asl.json file and the .schema.json next to it', () => {
  const stack = newStack();
  const orders = new TypestepStateMachine(stack, 'Orders', {
    definitionFile: `${root}examples/typed-orders/ProcessOrder.asl.json`,
    placeholders: orderPlaceholders,
  });
  assert.equal(orders.definition, orderDefinition);
  assert.is(orders.schema?.title, 'ProcessOrder');
  assert.equal(orders.schema?.input, { $ref: '#/$defs/Order' });
});

s('compiles a workflow file at synth time; the workflow type is the default machine type', () => {
  const stack = newStack();
  const restock = new TypestepStateMachine(stack, 'Restock', {
    workflow: fixture('restock.ts'),
    workflowName: 'Restock',
    placeholders: restockPlaceholders,
  });
  assert.is(restock.workflowName, 'Restock');
  assert.is((restock.definition.States as Record<string, { Type: string }>)['Check stock']?.Type, 'Task');
  assert.equal(restock.schema?.input, { $ref: '#/$defs/RestockRequest' });
  const machine = onlyResource(Template.fromStack(stack), 'AWS::StepFunctions::StateMachine');
  assert.is(machine.StateMachineType, 'EXPRESS');
  assert.equal(JSON.parse(machine.DefinitionString as string), restock.definition);
});

s('stateMachineType overrides the workflow type, both ways', () => {
  const stack = newStack();
  new TypestepStateMachine(stack, 'Restock', {
    workflow: fixture('restock.ts'),
    workflowName: 'Restock',
    stateMachineType: sfn.StateMachineType.STANDARD,
    placeholders: restockPlaceholders,
  });
  new TypestepStateMachine(stack, 'Announce', {
    workflow: fixture('restock.ts'),
    workflowName: 'AnnounceRestock',
    stateMachineType: sfn.StateMachineType.EXPRESS,
    placeholders: { RestockTopicArn: literal.topicArn('restock') },
  });
  const types = Object.values(Template.fromStack(stack).findResources('AWS::StepFunctions::StateMachine')).map(
    (resource) => (resource as { Properties: { StateMachineType: string } }).Properties.StateMachineType,
  );
  assert.equal(types.sort(), ['EXPRESS', 'STANDARD']);
});

s('a workflow that runs another binds it to that TypestepStateMachine and may start it', () => {
  const stack = newStack();
  const restock = new TypestepStateMachine(stack, 'Restock', { workflow: fixture('restock.ts'), workflowName: 'Restock', placeholders: restockPlaceholders });
  const nightly = new TypestepStateMachine(stack, 'Nightly', { workflow: fixture('nightly-restock.ts'), placeholders: { RestockStateMachineArn: restock } });
  const restockArn = stack.resolve(restock.stateMachineArn);
  assert.equal(stack.resolve(nightly.definitionSubstitutions), { RestockStateMachineArn: restockArn });
  const start = nightly.policyStatements.map((statement) => stack.resolve(statement.toStatementJson())).find((statement) => statement.Sid === 'StatesStartExecution');
  assert.equal(start, { Sid: 'StatesStartExecution', Effect: 'Allow', Action: 'states:StartExecution', Resource: restockArn });
});

s('a file with several workflows needs workflowName; a wrong one lists those it has', () => {
  const without = thrownMessage(() => new TypestepStateMachine(newStack(), 'M', { workflow: fixture('restock.ts') }));
  assert.match(without ?? '', /declares several workflows; choose one with workflowName \(it declares Restock, AnnounceRestock\)/);
  const wrong = thrownMessage(() => new TypestepStateMachine(newStack(), 'M', { workflow: fixture('restock.ts'), workflowName: 'Restok' }));
  assert.match(wrong ?? '', /has no workflow named "Restok" \(it declares Restock, AnnounceRestock\)/);
});

s('a workflow that does not compile fails the synth with every diagnostic and its code frame', () => {
  const message = thrownMessage(() => new TypestepStateMachine(newStack(), 'M', { workflow: fixture('broken.ts') })) ?? '';
  assert.match(message, /broken\.ts does not compile \(2 diagnostic\(s\)\)/);
  assert.match(message, /error type_error:/);
  assert.match(message, /error unsupported_statement:/);
  assert.match(message, />\s*5 \|\s+with \(input\) \{/);
});

s('takes exactly one source of definition', () => {
  assert.match(thrownMessage(() => new TypestepStateMachine(newStack(), 'M', {})) ?? '', /give exactly one of workflow, definition and definitionFile$/);
  const both = thrownMessage(() => new TypestepStateMachine(newStack(), 'M', { definition: orderDefinition, definitionFile: 'x.asl.json' }));
  assert.match(both ?? '', /\(got definition, definitionFile\)/);
  assert.match(thrownMessage(() => new TypestepStateMachine(newStack(), 'M', { definitionFile: `${root}nowhere.asl.json` })) ?? '', /cannot read the definition .*nowhere\.asl\.json/);
});

s('one synth error names every missing placeholder and every unknown one', () => {
  const stack = newStack();
  const message = thrownMessage(
    () =>
      new TypestepStateMachine(stack, 'Orders', {
        definition: orderDefinition,
        placeholders: { PriceFunctionArn: newFunction(stack, 'Price'), ChargeFunctionARN: 'c', ReceiptTopic: 't' },
      }),
  );
  assert.ok(message, 'the construct throws');
  assert.match(message!, /^typestep: the placeholders of Orders do not match: /);
  assert.match(message!, /missing a value for ChargeFunctionArn( \([^)]*\))?, ReceiptsTopicArn/);
  assert.match(message!, /no placeholder named ChargeFunctionARN, ReceiptTopic \(the definition's placeholders: PriceFunctionArn, ChargeFunctionArn, ReceiptsTopicArn\)/);
});

s('logs, tracing and the name reach the state machine', () => {
  const stack = newStack();
  const destination = new logs.LogGroup(stack, 'Logs');
  new TypestepStateMachine(stack, 'Orders', {
    definition: orderDefinition,
    placeholders: orderPlaceholders,
    logs: { destination, level: sfn.LogLevel.ALL },
    tracingEnabled: true,
    stateMachineName: 'orders',
  });
  const machine = onlyResource(Template.fromStack(stack), 'AWS::StepFunctions::StateMachine');
  assert.is(machine.StateMachineName, 'orders');
  assert.equal(machine.TracingConfiguration, { Enabled: true });
  assert.equal(machine.LoggingConfiguration, {
    Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: stack.resolve(destination.logGroupArn) } }],
    Level: 'ALL',
  });
});

s('grantStartExecution lets a principal start this machine only', () => {
  const stack = newStack();
  const orders = new TypestepStateMachine(stack, 'Orders', {
    definition: orderDefinition,
    placeholders: orderPlaceholders,
  });
  const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  orders.grantStartExecution(caller);
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')).filter((policy) =>
    JSON.stringify(policy).includes(stack.resolve(caller.roleName).Ref),
  );
  assert.is(policies.length, 1);
  assert.equal((policies[0] as { Properties: { PolicyDocument: unknown } }).Properties.PolicyDocument, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'states:StartExecution', Resource: stack.resolve(orders.stateMachineArn) }],
  });
});

s.run();
