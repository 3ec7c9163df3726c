import { randomUUID } from 'node:crypto';
import type { TaskDescription } from '../declarations/task.js';

/**
 * What the workflow sees of a handler's result, as the compiled workflow
 * would read it from the runtime: Lambda's payload as it is (the compiler
 * reads `Payload` out of the envelope), and for the optimized integrations
 * the fields the service itself adds (MessageId, EventBridge entries,
 * response metadata), exactly as the runtime adds them.
 */
export function serviceResult(description: TaskDescription, value: unknown): unknown {
  if (description.kind !== 'service' || description.pattern !== 'request-response') return value;
  switch (`${description.service}:${description.action}`) {
    case 'sns:publish':
      return { MessageId: stringField(value, 'MessageId') ?? randomUUID(), ...metadata() };
    case 'sqs:sendMessage':
      return { MD5OfMessageBody: stringField(value, 'MD5OfMessageBody') ?? '', MessageId: stringField(value, 'MessageId') ?? randomUUID(), ...metadata() };
    case 'dynamodb:getItem':
    case 'dynamodb:putItem':
    case 'dynamodb:updateItem':
    case 'dynamodb:deleteItem':
      return { ...(isObject(value) ? value : {}), ...metadata() };
    case 'events:putEvents':
      return isObject(value) && Array.isArray(value.Entries) ? value : { Entries: [{ EventId: randomUUID() }], FailedEntryCount: 0 };
    default:
      return value;
  }
}

/** The request a handler receives: a `lambda:invoke` callback's function gets the `Payload`, the others the whole request. */
export function handlerInput(description: TaskDescription, request: unknown): unknown {
  if (description.kind === 'callback' && description.service === 'lambda' && description.action === 'invoke' && isObject(request)) {
    return request.Payload ?? null;
  }
  return request;
}

/** A JSON copy, as the value would arrive across AWS's serialization boundary (`undefined` becomes `null`). */
export function copyJson(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  return JSON.parse(JSON.stringify(value));
}

function metadata() {
  return {
    SdkHttpMetadata: { AllHttpHeaders: {}, HttpHeaders: {}, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: randomUUID() },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringField(value: unknown, key: string): string | undefined {
  return isObject(value) && typeof value[key] === 'string' ? (value[key] as string) : undefined;
}
