import type { HistoryEvent } from './history.js';
import { EventThreadTracker, type EventThread } from './history-threads.js';

/**
 * One visit of a state, read from an AWS-shaped history: from its
 * `…StateEntered` event to its `…StateExited` (or to the failure that ended
 * it), with its attempts and its last error.
 */
export interface HistoryStateVisit {
  /** The id of the `…StateEntered` event. */
  readonly id: number;
  readonly name: string;
  /** The state type: `Task`, `Map`, `Choice`… */
  readonly type: string;
  readonly thread: EventThread;
  readonly entered: HistoryEvent;
  /** Task attempts (1 + retries); 0 for states that schedule nothing. */
  attempts: number;
  /** Whether its last attempt failed; a retry clears it, a caught failure keeps it. */
  failed: boolean;
  /** The error name of that failure, when its event carries one (a Map's or Parallel's own does not). */
  error?: string;
  /** The `…StateExited` event, once the state has exited. */
  exited?: HistoryEvent;
}

/**
 * Follows the state visits of a history one event at a time, as
 * {@link EventThreadTracker} follows threads: for histories read after the
 * run (`@typestep/testing`'s `run.state()`) and as it happens
 * (`typestep run --trace`).
 *
 * @example
 * const visits = new StateVisitTracker();
 * for await (const event of execution.events()) {
 *   const visit = visits.add(event);
 *   if (visit?.exited === event) console.log(visit.name, visit.attempts);
 * }
 */
export class StateVisitTracker {
  readonly threads = new EventThreadTracker();
  /** Every visit so far, in the order entered. */
  readonly visits: HistoryStateVisit[] = [];
  private readonly open = new Map<EventThread, HistoryStateVisit>();

  /** Adds an event; returns the open visit of its thread (the one it enters, exits or belongs to), if any. */
  add(event: HistoryEvent): HistoryStateVisit | undefined {
    const thread = this.threads.add(event);
    if (event.type.endsWith('StateEntered')) {
      const details = event.stateEnteredEventDetails as { name: string };
      const visit: HistoryStateVisit = { id: event.id, name: details.name, type: event.type.slice(0, -'StateEntered'.length), thread, entered: event, attempts: 0, failed: false };
      this.visits.push(visit);
      this.open.set(thread, visit);
      return visit;
    }
    const visit = this.open.get(thread);
    if (!visit) return undefined;
    if (event.type.endsWith('StateExited')) {
      visit.exited = event;
      this.open.delete(thread);
    } else if (event.type.endsWith('Scheduled')) {
      // A new attempt: a failure before it was retried; one after it (caught or not) stays.
      visit.attempts += 1;
      visit.failed = false;
      visit.error = undefined;
    } else if (/(Failed|TimedOut)$/.test(event.type) && !/^(Execution|MapIteration)/.test(event.type)) {
      visit.failed = true;
      visit.error = errorOf(event) ?? visit.error;
    }
    return visit;
  }

  /** The visit open on `thread`, if one is. */
  openOn(thread: EventThread): HistoryStateVisit | undefined {
    return this.open.get(thread);
  }

  /** The visits that have not exited: still running, or ended by a failure that left no exit event. */
  openVisits(): HistoryStateVisit[] {
    return [...this.open.values()];
  }
}

/** The error name a failure event carries (a Map's or Parallel's own failure event carries none). */
export function errorOf(event: HistoryEvent): string | undefined {
  for (const value of Object.values(event)) {
    if (value && typeof value === 'object' && typeof (value as { error?: unknown }).error === 'string') return (value as { error: string }).error;
  }
  return undefined;
}
