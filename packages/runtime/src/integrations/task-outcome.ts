import { recordEvent, type Thread } from '../execution/thread.js';
import type { TaskOutcome } from './waiting-task.js';

/**
 * Writes how a callback or activity task ended (its Succeeded, Failed or
 * TimedOut event, with the fields `base` adds) and returns its result or
 * throws its error. As AWS records them: a SendTaskFailure without error or
 * cause leaves both out, and a timeout is `States.Timeout` without a cause.
 */
export function recordTaskOutcome(
  thread: Thread,
  outcome: TaskOutcome,
  events: { succeeded: string; failed: string; timedOut: string },
  base: Record<string, unknown>,
): unknown {
  const { run } = thread;
  if (run.clock.kind === 'real') thread.now = Date.now();
  switch (outcome.kind) {
    case 'succeeded':
      recordEvent(thread, events.succeeded, { ...base, output: outcome.output, outputDetails: { truncated: false } });
      run.checkRunning(thread.now);
      return outcome.output;
    case 'failed': {
      const { error } = outcome;
      const details: Record<string, unknown> = { ...base };
      if (error.error !== '') details.error = error.error;
      if (error.cause !== undefined) details.cause = error.cause;
      recordEvent(thread, events.failed, details);
      throw error;
    }
    case 'timed-out':
      recordEvent(thread, events.timedOut, { ...base, error: outcome.error.error });
      throw outcome.error;
    case 'interrupted':
      throw outcome.interrupted;
  }
}
