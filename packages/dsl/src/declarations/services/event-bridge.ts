import type { TaskOptions } from '../options.js';
import type { Task } from '../task.js';
import { serviceTask } from '../service-task.js';
import type { ResponseMetadata } from './response-metadata.js';

/**
 * One event of PutEvents. `Detail` may be a JSON value; Step Functions serializes it.
 *
 * @example
 * const entry: EventBridgeEntry = { Source: 'shop.orders', DetailType: 'OrderShipped', Detail: { orderId } };
 */
export interface EventBridgeEntry {
  Source: string;
  DetailType: string;
  Detail: unknown;
  /** Default: the account's default bus. */
  EventBusName?: string;
  Resources?: string[];
  Time?: string;
  TraceHeader?: string;
}

/**
 * EventBridge PutEvents' request.
 *
 * @example
 * const request: EventBridgePutEventsInput = { Entries: [{ Source: 'shop.orders', DetailType: 'OrderShipped', Detail: { orderId } }] };
 */
export interface EventBridgePutEventsInput {
  Entries: EventBridgeEntry[];
}

/**
 * EventBridge PutEvents' response: one result per entry, in order.
 *
 * @example
 * const { FailedEntryCount } = await putEvents({ Entries: [entry] });
 */
export interface EventBridgePutEventsOutput extends ResponseMetadata {
  Entries: Array<{ EventId?: string; ErrorCode?: string; ErrorMessage?: string }>;
  FailedEntryCount: number;
}

/**
 * Amazon EventBridge, optimized integration.
 *
 * @example
 * const emit = eventBridge.putEvents({ name: 'Announce shipment' });
 * await emit({ Entries: [{ Source: 'shop.orders', DetailType: 'OrderShipped', Detail: { orderId } }] });
 */
export const eventBridge = {
  /**
   * `arn:aws:states:::events:putEvents`. Natively a handler's result with
   * `Entries` is kept; any other gets `{ Entries: [{ EventId }], FailedEntryCount: 0 }`,
   * as the runtime answers.
   *
   * @example
   * const emit = eventBridge.putEvents();
   * const { Entries } = await emit({ Entries: [{ Source: 'shop', DetailType: 'Ping', Detail: {} }] });
   */
  putEvents(options?: TaskOptions): Task<EventBridgePutEventsInput, EventBridgePutEventsOutput> {
    return serviceTask('events', 'putEvents', 'request-response', options);
  },
};
