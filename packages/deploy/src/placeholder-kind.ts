/**
 * What a `${Name}` placeholder must be replaced with, inferred from where it is
 * used; `string` when nothing more is known.
 */
export type PlaceholderKind =
  | 'lambda-function-arn'
  | 'state-machine-arn'
  | 'activity-arn'
  | 'table-name'
  | 'queue-url'
  | 'topic-arn'
  | 'bucket-name'
  | 'event-bus-name'
  | 'glue-job-name'
  | 'ecs-task-definition-arn'
  | 'ecs-cluster-arn'
  | 'batch-job-queue-arn'
  | 'batch-job-definition-arn'
  | 'athena-workgroup-name'
  | 'iam-role-arn'
  | 'connection-arn'
  | 'string';

/** A sentence for people (CloudFormation parameter descriptions, CLI output). */
export const PLACEHOLDER_KIND_DESCRIPTIONS: Readonly<Record<PlaceholderKind, string>> = {
  'lambda-function-arn': 'ARN (or name) of a Lambda function',
  'state-machine-arn': 'ARN of a Step Functions state machine',
  'activity-arn': 'ARN of a Step Functions activity',
  'table-name': 'Name (or ARN) of a DynamoDB table',
  'queue-url': 'URL of an SQS queue',
  'topic-arn': 'ARN of an SNS topic',
  'bucket-name': 'Name of an S3 bucket',
  'event-bus-name': 'Name (or ARN) of an EventBridge event bus',
  'glue-job-name': 'Name of a Glue job',
  'ecs-task-definition-arn': 'ARN (or family[:revision]) of an ECS task definition',
  'ecs-cluster-arn': 'ARN (or name) of an ECS cluster',
  'batch-job-queue-arn': 'ARN (or name) of a Batch job queue',
  'batch-job-definition-arn': 'ARN (or name[:revision]) of a Batch job definition',
  'athena-workgroup-name': 'Name of an Athena workgroup',
  'iam-role-arn': 'ARN of an IAM role',
  'connection-arn': 'ARN of an EventBridge connection',
  string: 'A string substituted into the definition',
};
