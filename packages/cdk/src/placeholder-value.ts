import type { IStateMachine, IActivity } from 'aws-cdk-lib/aws-stepfunctions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';

/**
 * What a `${Name}` placeholder can be bound to: the literal text, or a
 * resource whose ARN, name or URL the placeholder takes according to where
 * the definition uses it.
 */
export type PlaceholderValue = string | IFunction | ITable | IQueue | ITopic | IStateMachine | IActivity | IBucket | IEventBus | ISecret;

/** Which identifier of a resource a placeholder stands for. */
export type ResourceAttribute = 'arn' | 'name' | 'url';

/** A resource construct seen through the identifiers it offers. */
interface ResourceIdentifiers {
  /** What kind of resource it is, for messages ("a Lambda function"). */
  description: string;
  arn: string;
  name?: string;
  url?: string;
}

/**
 * The identifiers of a resource construct, found by the attributes each CDK
 * interface declares (interfaces have no runtime type to test).
 */
export function resourceIdentifiers(value: Exclude<PlaceholderValue, string>): ResourceIdentifiers | undefined {
  const v = value as unknown as Record<string, string | undefined>;
  if (typeof v.functionArn === 'string') return { description: 'a Lambda function', arn: v.functionArn, name: v.functionName };
  if (typeof v.tableArn === 'string') return { description: 'a DynamoDB table', arn: v.tableArn, name: v.tableName };
  if (typeof v.queueUrl === 'string') return { description: 'an SQS queue', arn: v.queueArn!, name: v.queueName, url: v.queueUrl };
  if (typeof v.topicArn === 'string') return { description: 'an SNS topic', arn: v.topicArn, name: v.topicName };
  if (typeof v.stateMachineArn === 'string') return { description: 'a state machine', arn: v.stateMachineArn };
  if (typeof v.activityArn === 'string') return { description: 'an activity', arn: v.activityArn, name: v.activityName };
  if (typeof v.bucketArn === 'string') return { description: 'an S3 bucket', arn: v.bucketArn, name: v.bucketName };
  if (typeof v.eventBusArn === 'string') return { description: 'an event bus', arn: v.eventBusArn, name: v.eventBusName };
  if (typeof v.secretArn === 'string') return { description: 'a secret', arn: v.secretArn, name: v.secretName };
  return undefined;
}

/**
 * The text a placeholder takes: a string as it is, a resource's ARN, name or
 * URL as `attribute` asks. Returns a problem instead when the resource has
 * no such identifier.
 */
export function placeholderText(value: PlaceholderValue, attribute: ResourceAttribute): { text: string } | { problem: string } {
  if (typeof value === 'string') return { text: value };
  const ids = resourceIdentifiers(value);
  if (!ids) return { problem: 'is neither a string nor a resource typestep knows (function, table, queue, topic, state machine, activity, bucket, event bus, secret)' };
  const text = ids[attribute];
  if (text === undefined) return { problem: `needs ${attributeLabels[attribute]}, which ${ids.description} does not have` };
  return { text };
}

const attributeLabels: Record<ResourceAttribute, string> = { arn: 'an ARN', name: 'a name', url: 'a URL' };
