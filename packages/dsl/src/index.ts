// The authoring surface of typestep: what workflow modules import.
export { workflow } from './workflow/workflow.js';
export type { Workflow, WorkflowOptions, RunOptions } from './workflow/workflow.js';
export { WorkflowError } from './workflow/workflow-error.js';
export { sleep, sleepUntil } from './workflow/sleep.js';
export { context } from './workflow/context.js';
export type { WorkflowContext } from './workflow/context.js';
export { map } from './workflow/map.js';
export type { MapOptions, MapItemFailure } from './workflow/map.js';
export { s3Items } from './workflow/s3-items.js';
export type { S3Items, S3ItemsSource, S3ItemsFormat } from './workflow/s3-items.js';

export { taskDescription, TASK_DESCRIPTION } from './declarations/task.js';
export type { Task, TaskDescription, TaskKind, IntegrationPattern } from './declarations/task.js';
export type { RetryOptions, TaskOptions, CallOptions } from './declarations/options.js';
export { retrierFor } from './declarations/options.js';
export { lambda } from './declarations/lambda.js';
export type { LambdaOptions } from './declarations/lambda.js';
export { awsSdk } from './declarations/aws-sdk.js';
export { callback } from './declarations/callback.js';
export { activity } from './declarations/activity.js';
export { sns } from './declarations/services/sns.js';
export type { SnsPublishInput, SnsPublishOutput } from './declarations/services/sns.js';
export { sqs } from './declarations/services/sqs.js';
export type { SqsSendMessageInput, SqsSendMessageOutput } from './declarations/services/sqs.js';
export { dynamodb } from './declarations/services/dynamodb.js';
export type {
  AttributeValue,
  AttributeMap,
  DynamoGetItemInput,
  DynamoGetItemOutput,
  DynamoPutItemInput,
  DynamoUpdateItemInput,
  DynamoDeleteItemInput,
  DynamoWriteOutput,
} from './declarations/services/dynamodb.js';
export { eventBridge } from './declarations/services/event-bridge.js';
export type { EventBridgeEntry, EventBridgePutEventsInput, EventBridgePutEventsOutput } from './declarations/services/event-bridge.js';
export { ecs, glue, batch, sagemaker } from './declarations/services/sync-jobs.js';
export type {
  EcsRunTaskInput,
  EcsTaskDescription,
  GlueStartJobRunInput,
  GlueJobRun,
  BatchSubmitJobInput,
  BatchJobDescription,
  SageMakerCreateTrainingJobInput,
  SageMakerTrainingJobDescription,
} from './declarations/services/sync-jobs.js';
export type { ResponseMetadata, MessageAttributeValue } from './declarations/services/response-metadata.js';
