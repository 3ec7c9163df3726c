import { randomUUID } from 'node:crypto';
import { StatesError } from '@typestep/runtime';
import { WorkflowError } from '../workflow/workflow-error.js';
import type { TaskDescription } from '../declarations/task.js';

/**
 * A thrown handler error as the compiled workflow's `catch (e)` would see it,
 * the way the runtime turns a thrown value into an ASL error and then shapes
 * it per integration:
 * - an `Error`: its `error` or `errorType` string field if present, else its
 *   `name`, is the Error; its `message` the Cause;
 * - an object `{ error, cause? }`: those; anything else: `Error` with the text;
 * - Lambda (both forms): a function error keeps its name, and the Cause is
 *   Lambda's error document `{"errorMessage","errorType","trace":[]}`
 *   (errors already named `Lambda.…` or `States.…` are the service's own);
 * - AWS SDK: `<Service>.<Name>Exception` with AWS's request details in the Cause.
 */
export function toWorkflowError(thrown: unknown, description: TaskDescription): WorkflowError {
  const { error, cause } = readError(thrown);
  if (error.startsWith('States.')) return new WorkflowError(error, cause);
  if (description.kind === 'lambda' || (description.service === 'lambda' && description.kind !== 'aws-sdk')) {
    if (error.startsWith('Lambda.')) return new WorkflowError(error, cause);
    return new WorkflowError(error, JSON.stringify({ errorMessage: cause ?? '', errorType: error, trace: [] }));
  }
  if (description.kind === 'aws-sdk') {
    if (error.includes('.')) return new WorkflowError(error, cause);
    const service = sdkServiceName(description.service ?? '');
    const name = error.endsWith('Exception') ? error : `${error}Exception`;
    const details = `${cause ?? ''} (Service: ${service}, Status Code: 400, Request ID: ${randomUUID()})`;
    return new WorkflowError(`${service}.${name}`, details.trimStart());
  }
  return new WorkflowError(error, cause);
}

/** The ASL Error and Cause of any thrown value, before integration shaping. */
export function readError(thrown: unknown): { error: string; cause: string | undefined } {
  if (thrown instanceof WorkflowError) return { error: thrown.name, cause: thrown.cause };
  if (thrown instanceof StatesError) return { error: thrown.error, cause: thrown.cause };
  if (thrown instanceof Error) {
    const named = thrown as Error & { error?: unknown; errorType?: unknown };
    const error = typeof named.error === 'string' ? named.error : typeof named.errorType === 'string' ? named.errorType : thrown.name;
    return { error, cause: thrown.message };
  }
  if (thrown && typeof thrown === 'object' && typeof (thrown as { error?: unknown }).error === 'string') {
    const { error, cause } = thrown as { error: string; cause?: unknown };
    return { error, cause: typeof cause === 'string' ? cause : cause === undefined ? undefined : JSON.stringify(cause) };
  }
  return { error: 'Error', cause: String(thrown) };
}

/** PascalCase service names as AWS writes them in SDK integration errors (the runtime's table). */
const SERVICE_NAMES: Record<string, string> = {
  s3: 'S3',
  dynamodb: 'DynamoDb',
  sqs: 'Sqs',
  sns: 'Sns',
  sfn: 'Sfn',
  lambda: 'Lambda',
  acmpca: 'AcmPca',
  eventbridge: 'EventBridge',
  secretsmanager: 'SecretsManager',
  cloudwatch: 'CloudWatch',
  cloudwatchlogs: 'CloudWatchLogs',
  ec2: 'Ec2',
  ecs: 'Ecs',
  iam: 'Iam',
  kms: 'Kms',
  ssm: 'Ssm',
  sts: 'Sts',
  apigateway: 'ApiGateway',
  athena: 'Athena',
  glue: 'Glue',
  batch: 'Batch',
  bedrockruntime: 'BedrockRuntime',
  sagemaker: 'SageMaker',
  kinesis: 'Kinesis',
  firehose: 'Firehose',
  rds: 'Rds',
  ses: 'Ses',
  sesv2: 'SesV2',
};

function sdkServiceName(service: string): string {
  return SERVICE_NAMES[service] ?? service.charAt(0).toUpperCase() + service.slice(1);
}
