/**
 * What Step Functions adds to an optimized integration's response besides
 * the service's own fields (the runtime adds it too).
 *
 * @example
 * const { SdkResponseMetadata } = await sns.publish()({ TopicArn, Message: 'hi' });
 */
export interface ResponseMetadata {
  SdkHttpMetadata?: { AllHttpHeaders: Record<string, string[]>; HttpHeaders: Record<string, string>; HttpStatusCode: number };
  SdkResponseMetadata?: { RequestId: string };
}

/**
 * A message attribute of SNS and SQS: `DataType` is `String`, `Number`,
 * `Binary` or one of those with a custom suffix (`String.Array`).
 *
 * @example
 * const attributes: Record<string, MessageAttributeValue> = { kind: { DataType: 'String', StringValue: 'order' } };
 */
export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}
