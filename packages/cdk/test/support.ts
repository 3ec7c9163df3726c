// Stacks and resources the construct tests bind placeholders to; everything synthesizes offline.
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Template } from 'aws-cdk-lib/assertions';

export const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** A stack with no account or region: what `cdk synth` makes without credentials. */
export function newStack(): Stack {
  return new Stack(new App(), 'Test');
}

export function newFunction(stack: Stack, id: string): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  });
}

export const newTable = (stack: Stack, id: string) => new dynamodb.Table(stack, id, { partitionKey: { name: 'sku', type: dynamodb.AttributeType.STRING } });
export const newQueue = (stack: Stack, id: string) => new sqs.Queue(stack, id);
export const newTopic = (stack: Stack, id: string) => new sns.Topic(stack, id);

/** The properties of the stack's only resource of `type`. */
export function onlyResource(template: Template, type: string): Record<string, unknown> {
  const resources = Object.values(template.findResources(type));
  if (resources.length !== 1) throw new Error(`expected one ${type}, found ${resources.length}`);
  return (resources[0] as { Properties: Record<string, unknown> }).Properties;
}

/** The message of what `run` throws, or undefined. */
export function thrownMessage(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

/** Placeholder values given as text, in the shapes AWS takes (CDK checks the ARNs in policies at synth). */
export const literal = {
  functionArn: (name: string) => `arn:aws:lambda:eu-west-1:111122223333:function:${name}`,
  topicArn: (name: string) => `arn:aws:sns:eu-west-1:111122223333:${name}`,
  queueUrl: (name: string) => `https://sqs.eu-west-1.amazonaws.com/111122223333/${name}`,
};

/** Text values for the placeholders of examples/typed-orders. */
export const orderPlaceholders = { PriceFunctionArn: literal.functionArn('price'), ChargeFunctionArn: literal.functionArn('charge'), ReceiptsTopicArn: literal.topicArn('receipts') };

/** Text values for the placeholders of the Restock workflow of fixtures/restock.ts. */
export const restockPlaceholders = { CheckStockFunctionArn: literal.functionArn('check-stock'), SuppliersTable: 'suppliers', PurchaseQueueUrl: literal.queueUrl('purchases') };
