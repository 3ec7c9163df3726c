import { runtime } from './runtime.js';
import type { TaskDescription } from '../declarations/task.js';

/**
 * What the workflow sees of a handler's result, as the compiled workflow
 * reads it from the runtime (`serviceResult`, the runtime's own shaping):
 * Lambda's payload as it is (the compiler reads `Payload` out of the
 * envelope), and for request-response integrations the fields the service
 * itself adds (MessageId, EventBridge entries, response metadata).
 */
export function handlerResult(description: TaskDescription, value: unknown): unknown {
  if (description.kind === 'lambda' || description.pattern !== 'request-response') return value;
  return runtime().serviceResult(description.resource, value);
}

/** The request a handler receives: a `lambda:invoke` callback's function gets the `Payload`, the others the whole request. */
export function handlerInput(description: TaskDescription, request: unknown): unknown {
  return runtime().serviceHandlerInput(description.resource, request);
}

/** A JSON copy, as the value would arrive across AWS's serialization boundary: the runtime's `copyJson`. */
export function copyJson(value: unknown): unknown {
  return runtime().copyJson(value);
}
