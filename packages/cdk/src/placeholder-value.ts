import type { IJobDefinition, IJobQueue } from 'aws-cdk-lib/aws-batch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ICluster, ITaskDefinition } from 'aws-cdk-lib/aws-ecs';
import type { IConnection, IEventBus } from 'aws-cdk-lib/aws-events';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IActivity, IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { PlaceholderKind } from './definition-needs.js';

/**
 * What a `${Name}` placeholder can be bound to: its text, or the resource
 * whose identifier the placeholder needs where the definition uses it (a
 * function's ARN, a table's name, a queue's URL…). A `TypestepStateMachine`
 * is a state machine here.
 */
export type PlaceholderValue =
  | string
  | IFunction
  | IStateMachine
  | { readonly stateMachineArn: string }
  | IActivity
  | ITable
  | IQueue
  | ITopic
  | IBucket
  | IEventBus
  | ITaskDefinition
  | ICluster
  | IJobQueue
  | IJobDefinition
  | IRole
  | IConnection;

interface IdentifierReader {
  /** The resource the kind takes, for messages. */
  resource: string;
  /** The identifier, read by the attribute its CDK interface declares (interfaces have no runtime type to test). */
  read: (value: Record<string, unknown>) => unknown;
}

// Kinds without a reader (Glue job and Athena workgroup names, plain strings) take strings only:
// aws-cdk-lib has no L2 construct for them, and a 'string' placeholder names no identifier.
const readers: Partial<Record<PlaceholderKind, IdentifierReader>> = {
  'lambda-function-arn': { resource: 'a Lambda function', read: (v) => v.functionArn },
  'state-machine-arn': { resource: 'a state machine', read: (v) => v.stateMachineArn },
  'activity-arn': { resource: 'an activity', read: (v) => v.activityArn },
  'table-name': { resource: 'a DynamoDB table', read: (v) => v.tableName },
  'queue-url': { resource: 'an SQS queue', read: (v) => v.queueUrl },
  'topic-arn': { resource: 'an SNS topic', read: (v) => v.topicArn },
  'bucket-name': { resource: 'an S3 bucket', read: (v) => v.bucketName },
  'event-bus-name': { resource: 'an event bus', read: (v) => v.eventBusName },
  'ecs-task-definition-arn': { resource: 'an ECS task definition', read: (v) => v.taskDefinitionArn },
  'ecs-cluster-arn': { resource: 'an ECS cluster', read: (v) => v.clusterArn },
  'batch-job-queue-arn': { resource: 'a Batch job queue', read: (v) => v.jobQueueArn },
  'batch-job-definition-arn': { resource: 'a Batch job definition', read: (v) => v.jobDefinitionArn },
  'iam-role-arn': { resource: 'an IAM role', read: (v) => v.roleArn },
  'connection-arn': { resource: 'an EventBridge connection', read: (v) => v.connectionArn },
};

/**
 * The text a placeholder of `kind` takes from `value`: a string as it is, a
 * resource's identifier of that kind. Returns a problem instead when the
 * resource is not one the kind takes.
 */
export function placeholderText(value: PlaceholderValue, kind: PlaceholderKind): { text: string } | { problem: string } {
  if (typeof value === 'string') return { text: value };
  const reader = readers[kind];
  if (!reader) return { problem: `is a ${kind} placeholder, which takes a string, not a construct` };
  const text = value !== null && typeof value === 'object' ? reader.read(value as unknown as Record<string, unknown>) : undefined;
  if (typeof text !== 'string') return { problem: `is a ${kind} placeholder, which takes ${reader.resource} or a string, not ${describe(value)}` };
  return { text };
}

function describe(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    const path = (value as { node?: { path?: unknown } }).node?.path;
    return `${value.constructor?.name ?? 'an object'}${typeof path === 'string' ? ` ${path}` : ''}`;
  }
  return JSON.stringify(value) ?? String(value);
}
