import { currentFrame } from '../native/native-frame.js';
import { WorkflowError } from './workflow-error.js';

/**
 * Pauses the workflow for `seconds` (a Wait state with `Seconds`). Natively
 * the virtual clock moves on at once (no real waiting) unless the run uses
 * `clock: 'real'`.
 *
 * @example
 * await sleep(60); // one minute later
 */
export async function sleep(seconds: number): Promise<void> {
  const { execution } = currentFrame('sleep()');
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
    throw new WorkflowError('States.Runtime', `sleep(): the number of seconds must be an integer of at least 0, not ${String(seconds)}`);
  }
  await execution.clock.sleep(seconds * 1000);
}

/**
 * Pauses the workflow until an instant (a Wait state with `Timestamp`): an
 * ISO 8601 timestamp such as `'2025-01-01T09:00:00Z'`. An instant in the past
 * does not wait.
 *
 * @example
 * await sleepUntil(order.deliveryWindowStart);
 */
export async function sleepUntil(timestamp: string): Promise<void> {
  const { execution } = currentFrame('sleepUntil()');
  const at = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(at)) {
    throw new WorkflowError('States.Runtime', `sleepUntil(): expected an ISO 8601 timestamp, not ${JSON.stringify(timestamp)}`);
  }
  const ms = at - execution.clock.now();
  // A past instant takes no time but, like a Wait state, a turn.
  await execution.clock.sleep(Math.max(0, ms));
}
