import { ExecutionInterrupted, type ExecutionRun } from './execution-run.js';
import { stateDetails, type StateDetailsKey } from './history.js';
import type { ChildGroup } from './turns.js';
import type { VariableScope } from './variables.js';

/**
 * One line of execution: the top level, a Parallel branch or a Map iteration.
 * Each has its own variable scope, its own virtual time and its own chain of
 * `previousEventId`s; they share the execution-wide `run`.
 */
export interface Thread {
  readonly run: ExecutionRun;
  readonly variables: VariableScope;
  /** Virtual time in epoch ms (with the real clock: the time of the last event). */
  now: number;
  /** An upper bound of the JSON size of the current state's input; Infinity when unknown. */
  inputSize: number;
  /** Id of the last history event this thread wrote; the next event's `previousEventId`. */
  lastEventId: number;
  /**
   * `$$.Execution` / `$$.StateMachine` of a Distributed Map child, which is an
   * execution of its own; undefined elsewhere (the run's are used).
   */
  executionContext?: Record<string, unknown>;
  stateMachineContext?: Record<string, unknown>;
  /** `$$.Map.Item` inside a Map iteration. */
  readonly mapItem?: { Index: number; Value: unknown };
  /** False inside Distributed Map child executions, whose events AWS keeps out of the parent history. */
  readonly recordsHistory: boolean;
  /** The Parallel or Map children this thread is one of, on the virtual clock; undefined for the top level. */
  readonly group?: ChildGroup;
}

/** Per-visit facts a state's work needs: when it was entered, its retry count, its context object. */
export interface StateVisit {
  readonly enteredEventId: number;
  readonly enteredTime: number;
  readonly retryCount: number;
  /** `$$.Task.Token` of a `.waitForTaskToken` Task; set before the context object is first built. */
  taskToken?: string;
  /** The context object (`$$`, `$states.context`), built on first use. */
  context(): Record<string, unknown>;
}

/** Writes a history event on the thread's chain. */
export function recordEvent(
  thread: Thread,
  type: string,
  details?: Record<string, unknown>,
  previousEventId = thread.lastEventId,
  detailsKey?: string,
): number {
  if (!thread.recordsHistory) return thread.lastEventId;
  thread.run.checkHistoryRoom();
  const id = appendEvent(thread, type, previousEventId, details, detailsKey);
  thread.lastEventId = id;
  return id;
}

/**
 * Writes a StateEntered or StateExited event on the thread's chain, with the
 * details `stateDetails(detailsKey, name, payload)`: the event of nearly every
 * transition, which the history keeps without a details object.
 */
export function recordStateEvent(thread: Thread, type: string, detailsKey: StateDetailsKey, name: string, payload: unknown): number {
  if (!thread.recordsHistory) return thread.lastEventId;
  const { run } = thread;
  // A replay matches the event against the record, which takes its details.
  if (run.history.recorded) return recordEvent(thread, type, stateDetails(detailsKey, name, payload), thread.lastEventId, detailsKey);
  run.checkHistoryRoom();
  const id = run.history.appendState(type, thread.lastEventId, run.clock.now(thread.now), detailsKey, name, payload);
  thread.lastEventId = id;
  return id;
}

/**
 * Appends (or, replaying, reproduces) an event. A reproduced event sets the
 * thread's time to the recorded one: what a task took, or how long ago a Wait
 * began, is what the record says.
 */
function appendEvent(thread: Thread, type: string, previousEventId: number, details?: Record<string, unknown>, detailsKey?: string): number {
  const { run } = thread;
  if (!run.history.recorded) return run.history.append(type, previousEventId, run.clock.now(thread.now), details, detailsKey);
  // A redriven execution's new events happen at the redrive, however long ago the work before it was.
  const notBefore = run.redrive?.time ?? -Infinity;
  let id: number;
  try {
    id = run.history.append(type, previousEventId, Math.max(run.clock.now(thread.now), notBefore), details, detailsKey);
  } catch (thrown) {
    // A record that no longer matches ends every thread at once, past any Catch.
    if (thrown instanceof ExecutionInterrupted) throw run.stop(thrown);
    throw thrown;
  }
  const recordedAt = run.history.replayedAt(id);
  if (recordedAt !== undefined) thread.now = recordedAt;
  else if (thread.now < notBefore && run.clock.kind === 'virtual') thread.now = notBefore;
  return id;
}

/**
 * Writes an event that points back at `previousEventId` without becoming the
 * thread's last event: AWS's MapStateSucceeded and ParallelStateSucceeded,
 * whose StateExited points at the same event they do. Returns its id.
 */
export function recordSideEvent(thread: Thread, type: string, previousEventId = thread.lastEventId): number {
  if (!thread.recordsHistory) return thread.lastEventId;
  thread.run.checkHistoryRoom();
  return appendEvent(thread, type, previousEventId);
}
