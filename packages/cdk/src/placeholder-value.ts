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
 * counts as a state machine.
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

type Identifier = 'arn' | 'name' | 'url';
type Read = (value: Record<string, unknown>) => unknown;

/** A resource construct, recognised by the attributes its CDK interface declares (interfaces have no runtime type to test). */
interface ResourceShape {
  /** The placeholder kind that takes this resource. */
  kind: PlaceholderKind;
  description: string;
  /** The identifier that kind takes. */
  main: Identifier;
  ids: Partial<Record<Identifier, Read>>;
}

const shapes: ResourceShape[] = [
  { kind: 'lambda-function-arn', description: 'a Lambda function', main: 'arn', ids: { arn: (v) => v.functionArn, name: (v) => v.functionName } },
  { kind: 'state-machine-arn', description: 'a state machine', main: 'arn', ids: { arn: (v) => v.stateMachineArn } },
  { kind: 'activity-arn', description: 'an activity', main: 'arn', ids: { arn: (v) => v.activityArn, name: (v) => v.activityName } },
  { kind: 'table-name', description: 'a DynamoDB table', main: 'name', ids: { name: (v) => v.tableName, arn: (v) => v.tableArn } },
  { kind: 'queue-url', description: 'an SQS queue', main: 'url', ids: { url: (v) => v.queueUrl, arn: (v) => v.queueArn, name: (v) => v.queueName } },
  { kind: 'topic-arn', description: 'an SNS topic', main: 'arn', ids: { arn: (v) => v.topicArn, name: (v) => v.topicName } },
  { kind: 'bucket-name', description: 'an S3 bucket', main: 'name', ids: { name: (v) => v.bucketName, arn: (v) => v.bucketArn } },
  { kind: 'event-bus-name', description: 'an event bus', main: 'name', ids: { name: (v) => v.eventBusName, arn: (v) => v.eventBusArn } },
  { kind: 'ecs-task-definition-arn', description: 'an ECS task definition', main: 'arn', ids: { arn: (v) => v.taskDefinitionArn } },
  { kind: 'ecs-cluster-arn', description: 'an ECS cluster', main: 'arn', ids: { arn: (v) => v.clusterArn, name: (v) => v.clusterName } },
  { kind: 'batch-job-queue-arn', description: 'a Batch job queue', main: 'arn', ids: { arn: (v) => v.jobQueueArn, name: (v) => v.jobQueueName } },
  { kind: 'batch-job-definition-arn', description: 'a Batch job definition', main: 'arn', ids: { arn: (v) => v.jobDefinitionArn, name: (v) => v.jobDefinitionName } },
  { kind: 'iam-role-arn', description: 'an IAM role', main: 'arn', ids: { arn: (v) => v.roleArn, name: (v) => v.roleName } },
  { kind: 'connection-arn', description: 'an EventBridge connection', main: 'arn', ids: { arn: (v) => v.connectionArn, name: (v) => v.connectionName } },
];

const labels: Record<Identifier, string> = { arn: 'an ARN', name: 'a name', url: 'a URL' };
const byKind = new Map(shapes.map((shape) => [shape.kind, shape]));
const suffixes: Array<[RegExp, Identifier]> = [
  [/Arn$/, 'arn'],
  [/Url$/, 'url'],
  [/Name$/, 'name'],
];

/**
 * The text placeholder `name` of `kind` takes from `value`: a string as it
 * is; for a resource, the identifier the kind names. Where the definition
 * does not tell (kind `string`: the placeholder sits in free text, a
 * computed field or a Task's Resource), the name's suffix chooses (`…Arn`,
 * `…Url`, `…Name`), else the identifier tasks take for that resource. Returns
 * a problem when the resource is not one the kind takes.
 */
export function placeholderText(name: string, kind: PlaceholderKind, value: PlaceholderValue): { text: string } | { problem: string } {
  if (typeof value === 'string') return { text: value };
  const fields = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const wanted = byKind.get(kind);
  if (wanted) {
    const text = wanted.ids[wanted.main]!(fields);
    if (typeof text === 'string') return { text };
    return { problem: `is a ${kind} placeholder, which takes ${wanted.description} or a string, not ${describe(value)}` };
  }
  const shape = shapes.find((candidate) => typeof candidate.ids[candidate.main]!(fields) === 'string');
  if (kind !== 'string' || !shape) return { problem: `is a ${kind} placeholder, which takes a string, not ${describe(value)}` };
  const identifier = suffixes.find(([suffix]) => suffix.test(name))?.[1] ?? shape.main;
  const text = shape.ids[identifier]?.(fields);
  if (typeof text !== 'string') return { problem: `asks for ${labels[identifier]} by its name, and ${shape.description} has none` };
  return { text };
}

function describe(value: unknown): string {
  // Not the class name: aws-cdk-lib's bundle renames classes (Table2, Function2).
  const path = (value as { node?: { path?: unknown } } | null)?.node?.path;
  return typeof path === 'string' ? `the construct ${path}` : typeof value === 'object' ? 'this object' : String(value);
}
