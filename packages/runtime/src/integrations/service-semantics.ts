import type { StatesError } from '../errors.js';
import { toStatesError } from '../execution/error-handling.js';
import { parseResource } from './resource.js';
import { handlerInput, shapeError, shapeResult } from './service-shapes.js';

/*
 * What the service behind a Task resource makes of a handler's request,
 * result and thrown error, for code that calls handlers outside an execution:
 * the DSL's native mode, which must hand a workflow exactly what the runtime
 * hands the compiled state.
 */

/**
 * The request a handler for `resourceArn` receives: a Lambda function gets the `Payload`.
 *
 * @example
 * serviceHandlerInput('arn:aws:states:::lambda:invoke', { FunctionName: 'f', Payload: { id: 1 } }); // { id: 1 }
 */
export function serviceHandlerInput(resourceArn: string, request: unknown): unknown {
  return handlerInput(parseResource(resourceArn), request);
}

/**
 * A handler's result as the state receives it: Lambda's envelope for `lambda:invoke`, the response
 * fields the optimized integrations add (SNS/SQS MessageId, DynamoDB and EventBridge shapes), as is otherwise.
 *
 * @example
 * serviceResult('arn:aws:states:::sns:publish', {}); // { MessageId: '…', SdkHttpMetadata: …, SdkResponseMetadata: … }
 */
export function serviceResult(resourceArn: string, value: unknown): unknown {
  return shapeResult(parseResource(resourceArn), value);
}

/**
 * A thrown handler error as the state sees it: the name becomes the ASL error (Lambda function errors
 * with Lambda's error document as the cause, AWS SDK errors as `<Service>.<Name>Exception`).
 *
 * @example
 * serviceError('arn:aws:states:::aws-sdk:s3:getObject', Object.assign(new Error('gone'), { name: 'NoSuchKey' })).error; // 'S3.NoSuchKeyException'
 */
export function serviceError(resourceArn: string, thrown: unknown): StatesError {
  return shapeError(parseResource(resourceArn), toStatesError(thrown));
}
