import type { TaskOptions } from '../options.js';
import type { Task } from '../task.js';
import { serviceTask } from '../service-task.js';
import type { MessageAttributeValue, ResponseMetadata } from './response-metadata.js';

/**
 * SNS Publish's request as Step Functions takes it. `Message` may be a JSON
 * value; Step Functions serializes it. Give one of `TopicArn`, `TargetArn`,
 * `PhoneNumber`.
 *
 * @example
 * const request: SnsPublishInput = { TopicArn: '${AlertsTopicArn}', Subject: 'Order shipped', Message: { orderId: '42' } };
 */
export interface SnsPublishInput {
  TopicArn?: string;
  TargetArn?: string;
  PhoneNumber?: string;
  Message: unknown;
  Subject?: string;
  /** `json` when `Message` holds one message per protocol. */
  MessageStructure?: 'json';
  MessageAttributes?: Record<string, MessageAttributeValue>;
  /** FIFO topics. */
  MessageGroupId?: string;
  MessageDeduplicationId?: string;
}

/**
 * SNS Publish's response.
 *
 * @example
 * const { MessageId } = await publish({ TopicArn, Message: 'hi' });
 */
export interface SnsPublishOutput extends ResponseMetadata {
  MessageId: string;
  /** FIFO topics only. */
  SequenceNumber?: string;
}

/**
 * Amazon SNS, optimized integration.
 *
 * @example
 * const notify = sns.publish({ name: 'Notify customer' });
 * await notify({ TopicArn: '${CustomerTopicArn}', Message: { orderId: order.id, status: 'shipped' } });
 */
export const sns = {
  /**
   * `arn:aws:states:::sns:publish`. Natively the handler receives the request;
   * the result gets a `MessageId` (the handler's, or a generated one), as the
   * runtime gives it.
   *
   * @example
   * const notify = sns.publish();
   * const { MessageId } = await notify({ TopicArn: '${AlertsTopicArn}', Message: 'Disk full' });
   */
  publish(options?: TaskOptions): Task<SnsPublishInput, SnsPublishOutput> {
    return serviceTask('sns', 'publish', 'request-response', options);
  },
};
