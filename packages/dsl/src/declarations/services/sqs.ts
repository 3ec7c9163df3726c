import type { TaskOptions } from '../options.js';
import type { Task } from '../task.js';
import { serviceTask } from '../service-task.js';
import type { MessageAttributeValue, ResponseMetadata } from './response-metadata.js';

/**
 * SQS SendMessage's request as Step Functions takes it. `MessageBody` may be a
 * JSON value; Step Functions serializes it.
 *
 * @example
 * const request: SqsSendMessageInput = { QueueUrl: '${WorkQueueUrl}', MessageBody: { job: 'resize', key } };
 */
export interface SqsSendMessageInput {
  QueueUrl: string;
  MessageBody: unknown;
  DelaySeconds?: number;
  MessageAttributes?: Record<string, MessageAttributeValue>;
  /** FIFO queues. */
  MessageGroupId?: string;
  MessageDeduplicationId?: string;
}

/**
 * SQS SendMessage's response.
 *
 * @example
 * const { MessageId } = await enqueue({ QueueUrl, MessageBody: 'x' });
 */
export interface SqsSendMessageOutput extends ResponseMetadata {
  MessageId: string;
  MD5OfMessageBody: string;
  MD5OfMessageAttributes?: string;
  /** FIFO queues only. */
  SequenceNumber?: string;
}

/**
 * Amazon SQS, optimized integration.
 *
 * @example
 * const enqueue = sqs.sendMessage({ name: 'Queue resize job' });
 * await enqueue({ QueueUrl: '${WorkQueueUrl}', MessageBody: { key } });
 */
export const sqs = {
  /**
   * `arn:aws:states:::sqs:sendMessage`. Natively the handler receives the
   * request; the result gets `MessageId` and `MD5OfMessageBody` (the handler's,
   * or generated), as the runtime gives them.
   *
   * @example
   * const enqueue = sqs.sendMessage();
   * const { MessageId } = await enqueue({ QueueUrl: '${WorkQueueUrl}', MessageBody: { key } });
   */
  sendMessage(options?: TaskOptions): Task<SqsSendMessageInput, SqsSendMessageOutput> {
    return serviceTask('sqs', 'sendMessage', 'request-response', options);
  },
};
