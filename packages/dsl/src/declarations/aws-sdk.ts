import type { TaskOptions } from './options.js';
import { declareTask, type Task } from './task.js';

const SERVICE = /^[a-z0-9][a-z0-9-]*$/;
const ACTION = /^[a-z][A-Za-z0-9]*$/;

/**
 * Declares any AWS SDK action as a task: `arn:aws:states:::aws-sdk:<service>:<action>`.
 * `service` is the SDK's service name in lower case (`s3`, `dynamodb`,
 * `secretsmanager`), `action` the API action in camelCase (`getObject`).
 * Type the request and response yourself; the request uses the API's
 * PascalCase field names.
 *
 * Natively a handler registered for the resource ARN (or the task's `name`)
 * answers. A thrown error surfaces as AWS SDK integrations name service
 * errors: `<Service>.<Name>Exception` (`S3.NoSuchKeyException` for a thrown
 * error named `NoSuchKey`), with the message and AWS's request details as cause.
 *
 * @example
 * const getObject = awsSdk<{ Bucket: string; Key: string }, { Body: string }>('s3', 'getObject');
 * const { Body } = await getObject({ Bucket: 'reports', Key: `${id}.json` });
 */
export function awsSdk<In = unknown, Out = unknown>(service: string, action: string, options?: TaskOptions): Task<In, Out> {
  if (typeof service !== 'string' || !SERVICE.test(service)) {
    throw new TypeError(`awsSdk(): the service must be an SDK service name in lower case (s3, dynamodb…), not ${JSON.stringify(service)}`);
  }
  if (typeof action !== 'string' || !ACTION.test(action)) {
    throw new TypeError(`awsSdk(): the action must be an API action in camelCase (getObject, putItem…), not ${JSON.stringify(action)}`);
  }
  return declareTask<In, Out>(
    { kind: 'aws-sdk', resource: `arn:aws:states:::aws-sdk:${service}:${action}`, pattern: 'request-response', service, action },
    options,
    `awsSdk('${service}', '${action}')`,
  );
}
