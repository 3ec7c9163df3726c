// Synthesizes the CDK app in-process (what `npx cdk synth` does, offline) and checks the stack,
// then runs the compiled definition locally with the Lambda functions' own handler code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { StateMachine, type MachineSchema } from '@typestep/runtime';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { handler as chargeCard } from './lambda/charge/index.mjs';
import { handler as priceOrder } from './lambda/price/index.mjs';
import { OrdersStack } from './lib/orders-stack.js';

const outdir = mkdtempSync(join(tmpdir(), 'typestep-cdk-app-'));
const started = Date.now();
const app = new App({ outdir });
const stack = new OrdersStack(app, 'TypedOrders');
const assembly = app.synth();
const synthMs = Date.now() - started;
const template = Template.fromJSON(assembly.getStackByName('TypedOrders').template);
const logicalId = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnElement);

const s = suite('examples/cdk-app');

s.after(() => rmSync(outdir, { recursive: true, force: true }));

s('synthesizes offline into an environment-agnostic stack', () => {
  const artifact = assembly.getStackByName('TypedOrders');
  assert.is(artifact.environment.account, 'unknown-account');
  assert.is(artifact.environment.region, 'unknown-region');
  assert.is(Object.keys(template.findResources('AWS::Lambda::Function')).length, 2);
  assert.is(Object.keys(template.findResources('AWS::StepFunctions::StateMachine')).length, 2);
  // Printed for the README's figures; the whole synth includes compiling workflow.ts.
  console.log(`  (cdk-app synth: ${synthMs} ms)`);
});

s('ProcessOrder: compiled from typed-orders/workflow.ts, placeholders bound to the functions and the topic', () => {
  const machine = template.findResources('AWS::StepFunctions::StateMachine')[logicalId(stack.orders.stateMachine)] as { Properties: Record<string, unknown> };
  assert.equal(JSON.parse(machine.Properties.DefinitionString as string), stack.orders.definition);
  const functions = Object.keys(template.findResources('AWS::Lambda::Function'));
  const topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0];
  assert.equal(machine.Properties.DefinitionSubstitutions, {
    PriceFunctionArn: { 'Fn::GetAtt': [functions.find((id) => id.startsWith('PriceOrder')), 'Arn'] },
    ChargeFunctionArn: { 'Fn::GetAtt': [functions.find((id) => id.startsWith('ChargeCard')), 'Arn'] },
    ReceiptsTopicArn: { Ref: topic },
  });
  assert.equal(machine.Properties.TracingConfiguration, { Enabled: true });
});

s('its role may invoke the two functions and publish to the topic; the smoke test may start it', () => {
  const policies = template.findResources('AWS::IAM::Policy');
  const statements = (prefix: string) =>
    Object.entries(policies)
      .filter(([id]) => id.startsWith(prefix))
      .flatMap(([, policy]) => (policy as { Properties: { PolicyDocument: { Statement: Array<{ Action: unknown; Resource: unknown }> } } }).Properties.PolicyDocument.Statement);
  const functionArn = (prefix: string) => ({ 'Fn::GetAtt': [Object.keys(template.findResources('AWS::Lambda::Function')).find((id) => id.startsWith(prefix)), 'Arn'] });
  const [xray, invoke, publish, ...rest] = statements('ProcessOrderRole');
  assert.equal(xray!.Action, ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets']);
  assert.equal(invoke, {
    Sid: 'LambdaInvokeFunction',
    Effect: 'Allow',
    Action: 'lambda:InvokeFunction',
    Resource: [functionArn('PriceOrder'), { 'Fn::Join': ['', [functionArn('PriceOrder'), ':*']] }, functionArn('ChargeCard'), { 'Fn::Join': ['', [functionArn('ChargeCard'), ':*']] }],
  });
  assert.equal(publish, { Sid: 'SnsPublish', Effect: 'Allow', Action: 'sns:Publish', Resource: { Ref: Object.keys(template.findResources('AWS::SNS::Topic'))[0] } });
  assert.equal(rest, []);
  assert.equal(statements('SmokeTestRole')[0]!.Action, 'states:StartExecution');
});

s('the compiled definition runs locally with the functions’ handler code', async () => {
  const sent: unknown[] = [];
  const local = new StateMachine(JSON.stringify(stack.orders.definition), {
    schema: stack.orders.schema as unknown as MachineSchema,
    handlers: { priceOrder, chargeCard, sendReceipt: (request: { Message: unknown }) => (sent.push(request.Message), { MessageId: 'm-1' }) },
  });
  const order = { id: 'o-1', customer: { email: 'ada@example.com' }, items: [{ sku: 'tea', qty: 2, unitPrice: 4.5 }], shipping: { method: 'standard' } };
  assert.equal(await local.run(order), { status: 'SUCCEEDED', output: { orderId: 'o-1', chargeId: 'ch-o-1', total: 9, status: 'confirmed' } });
  assert.equal(sent, [{ orderId: 'o-1', total: 9, email: 'ada@example.com' }]);
});

s.run();
