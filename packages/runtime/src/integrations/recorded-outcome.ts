import { StatesError } from '../errors.js';
import { detailsOf, type HistoryEvent } from '../execution/history.js';
import type { Thread } from '../execution/thread.js';
import type { TaskOutcome } from './waiting-task.js';

/** How a task ended, as a record holds it. */
export interface RecordedOutcome {
  /** The event's recorded time (epoch ms): the task's thread goes on from there. */
  readonly time: number;
  readonly outcome: Exclude<TaskOutcome, { kind: 'interrupted' }>;
}

const OUTCOME_EVENT = /^(Task|LambdaFunction|Activity)(Succeeded|Failed|TimedOut)$/;

/**
 * The recorded event that follows the thread's last event, while a resumed
 * or redriven execution replays its record; undefined when the record of
 * this thread has ended (or there is none).
 */
export function recordedNext(thread: Thread): HistoryEvent | undefined {
  const recorded = thread.run.history.recorded;
  if (!recorded?.replaying || !thread.recordsHistory) return undefined;
  return recorded.next(thread.lastEventId);
}

/**
 * The task outcome the record holds right after the thread's last event: a
 * task answered before the restart is not run again, its recorded answer is
 * used (retries and catchers then run on it as they did).
 */
export function recordedOutcome(thread: Thread, event = recordedNext(thread)): RecordedOutcome | undefined {
  const match = event && OUTCOME_EVENT.exec(event.type);
  if (!event || !match) return undefined;
  const details = (detailsOf(event) ?? {}) as {
    output?: unknown;
    error?: string;
    cause?: string;
  };
  const time = event.timestamp.getTime();
  switch (match[2]) {
    case 'Succeeded':
      return { time, outcome: { kind: 'succeeded', output: typeof details.output === 'string' ? JSON.parse(details.output) : (details.output ?? null) } };
    case 'Failed':
      return { time, outcome: { kind: 'failed', error: new StatesError(details.error ?? '', details.cause) } };
    default:
      return { time, outcome: { kind: 'timed-out', error: new StatesError(details.error ?? 'States.Timeout', details.cause) } };
  }
}

/** The JSON value of a recorded payload field (`output` of TaskSubmitted…), which AWS writes as text. */
export function recordedPayload(event: HistoryEvent, field: string): unknown {
  const value = detailsOf(event)?.[field];
  return typeof value === 'string' ? JSON.parse(value) : (value ?? null);
}
