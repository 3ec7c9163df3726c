import type { TaskOptions } from '../options.js';
import type { Task } from '../task.js';
import { serviceTask } from '../service-task.js';
import type { ResponseMetadata } from './response-metadata.js';

/**
 * A DynamoDB attribute value in the low-level wire format: exactly one key
 * naming its type. Numbers travel as strings (`{ N: '42' }`). Narrow with
 * `in` before reading one: `'N' in item.points ? Number(item.points.N) : 0`.
 *
 * @example
 * const item: AttributeMap = { pk: { S: 'order#42' }, total: { N: '99.5' }, tags: { SS: ['gift'] }, paid: { BOOL: true } };
 */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { M: AttributeMap }
  | { L: AttributeValue[] }
  | { NULL: true }
  | { BOOL: boolean };

/**
 * An item or key: attribute names to {@link AttributeValue}s.
 *
 * @example
 * const key: AttributeMap = { pk: { S: 'order#42' } };
 */
export type AttributeMap = { [name: string]: AttributeValue };

/** The expression fields shared by the writing actions. */
interface ConditionFields {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: AttributeMap;
}

/**
 * GetItem's request.
 *
 * @example
 * const request: DynamoGetItemInput = { TableName: 'Orders', Key: { pk: { S: 'order#42' } }, ConsistentRead: true };
 */
export interface DynamoGetItemInput {
  TableName: string;
  Key: AttributeMap;
  ConsistentRead?: boolean;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
}

/**
 * GetItem's response: `Item` is absent when no item has the key.
 *
 * @example
 * const { Item } = await getOrder({ TableName: 'Orders', Key: { pk: { S: id } } });
 * if (Item) total = Number((Item.total as { N: string }).N);
 */
export interface DynamoGetItemOutput extends ResponseMetadata {
  Item?: AttributeMap;
}

/**
 * PutItem's request.
 *
 * @example
 * const request: DynamoPutItemInput = { TableName: 'Orders', Item: { pk: { S: id } }, ConditionExpression: 'attribute_not_exists(pk)' };
 */
export interface DynamoPutItemInput extends ConditionFields {
  TableName: string;
  Item: AttributeMap;
  ReturnValues?: 'NONE' | 'ALL_OLD';
}

/**
 * UpdateItem's request.
 *
 * @example
 * const request: DynamoUpdateItemInput = {
 *   TableName: 'Orders', Key: { pk: { S: id } },
 *   UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': { S: 'paid' } },
 *   ReturnValues: 'ALL_NEW',
 * };
 */
export interface DynamoUpdateItemInput extends ConditionFields {
  TableName: string;
  Key: AttributeMap;
  UpdateExpression: string;
  ReturnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
}

/**
 * DeleteItem's request.
 *
 * @example
 * const request: DynamoDeleteItemInput = { TableName: 'Orders', Key: { pk: { S: id } }, ReturnValues: 'ALL_OLD' };
 */
export interface DynamoDeleteItemInput extends ConditionFields {
  TableName: string;
  Key: AttributeMap;
  ReturnValues?: 'NONE' | 'ALL_OLD';
}

/**
 * The response of PutItem, UpdateItem and DeleteItem: `Attributes` as
 * `ReturnValues` asked.
 *
 * @example
 * const { Attributes } = await markPaid({ TableName: 'Orders', Key, UpdateExpression: 'SET paid = :t', ExpressionAttributeValues: { ':t': { BOOL: true } }, ReturnValues: 'ALL_NEW' });
 */
export interface DynamoWriteOutput extends ResponseMetadata {
  Attributes?: AttributeMap;
}

/**
 * Amazon DynamoDB, optimized integration (`arn:aws:states:::dynamodb:<action>`).
 * Natively the handler receives the request and returns the response's own
 * fields; the runtime's response metadata is added.
 *
 * @example
 * const getOrder = dynamodb.getItem({ name: 'Load order' });
 * const { Item } = await getOrder({ TableName: 'Orders', Key: { pk: { S: orderId } } });
 */
export const dynamodb = {
  /**
   * `arn:aws:states:::dynamodb:getItem`.
   *
   * @example
   * const getOrder = dynamodb.getItem();
   * const { Item } = await getOrder({ TableName: 'Orders', Key: { pk: { S: id } } });
   */
  getItem(options?: TaskOptions): Task<DynamoGetItemInput, DynamoGetItemOutput> {
    return serviceTask('dynamodb', 'getItem', 'request-response', options);
  },
  /**
   * `arn:aws:states:::dynamodb:putItem`.
   *
   * @example
   * const saveOrder = dynamodb.putItem();
   * await saveOrder({ TableName: 'Orders', Item: { pk: { S: id }, total: { N: String(total) } } });
   */
  putItem(options?: TaskOptions): Task<DynamoPutItemInput, DynamoWriteOutput> {
    return serviceTask('dynamodb', 'putItem', 'request-response', options);
  },
  /**
   * `arn:aws:states:::dynamodb:updateItem`.
   *
   * @example
   * const markPaid = dynamodb.updateItem();
   * await markPaid({ TableName: 'Orders', Key: { pk: { S: id } }, UpdateExpression: 'SET paid = :t', ExpressionAttributeValues: { ':t': { BOOL: true } } });
   */
  updateItem(options?: TaskOptions): Task<DynamoUpdateItemInput, DynamoWriteOutput> {
    return serviceTask('dynamodb', 'updateItem', 'request-response', options);
  },
  /**
   * `arn:aws:states:::dynamodb:deleteItem`.
   *
   * @example
   * const forget = dynamodb.deleteItem();
   * await forget({ TableName: 'Sessions', Key: { pk: { S: sessionId } } });
   */
  deleteItem(options?: TaskOptions): Task<DynamoDeleteItemInput, DynamoWriteOutput> {
    return serviceTask('dynamodb', 'deleteItem', 'request-response', options);
  },
};
