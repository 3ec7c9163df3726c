import type { HistoryEvent } from './history.js';

/**
 * Where an event happened: the top level, a Map iteration or a Parallel
 * branch, each inside its parent. `label` reads as a path prefix:
 * `Ship each[2] › ` for iteration 2 of the Map state `Ship each`,
 * `Notify both[branch 1] › ` for the second branch of a Parallel state.
 */
export interface EventThread {
  readonly parent: EventThread | undefined;
  readonly label: string;
  /** The Map iteration's index, for a Map iteration. */
  readonly mapIndex?: number;
  /** The Parallel branch's index, for a branch. */
  readonly branch?: number;
}

const ROOT: EventThread = { parent: undefined, label: '' };
/** Events a Map or Parallel state writes after its children, on the state's own thread. */
const CLOSING = /^(Map|Parallel)State(Succeeded|Failed|Aborted|Exited)$/;
/** Events after which the next event on the same chain is still the state's own. */
const OPENING = /^(Map|Parallel)State(Entered|Started)$/;

/**
 * Rebuilds which thread each event of an AWS-shaped history belongs to, from
 * the `previousEventId` chains alone (AWS writes no thread ids): a child
 * thread's first event points at its Map's `MapStateStarted` or its
 * Parallel's `ParallelStateStarted`, and the state's closing events point at
 * the last event of the child that ended last.
 *
 * @example
 * const threads = eventThreads(execution.history);
 * threads.get(16)?.label // 'Fan out[0] › '
 */
export function eventThreads(history: readonly HistoryEvent[]): Map<number, EventThread> {
  const tracker = new EventThreadTracker();
  for (const event of history) tracker.add(event);
  return tracker.threads;
}

/**
 * {@link eventThreads} one event at a time, for events read as they happen
 * (`execution.events()`): each event's thread is known when it is added.
 *
 * @example
 * const tracker = new EventThreadTracker();
 * for await (const event of execution.events()) console.log(tracker.add(event).label, event.type);
 */
export class EventThreadTracker {
  /** The thread of every event added so far, by event id. */
  readonly threads = new Map<number, EventThread>();
  private readonly byId = new Map<number, HistoryEvent>();
  private readonly branchCounts = new Map<number, number>();

  add(event: HistoryEvent): EventThread {
    const { byId, threads, branchCounts } = this;
    byId.set(event.id, event);
    const previous = byId.get(event.previousEventId);
    const previousThread = previous ? threads.get(previous.id) ?? ROOT : ROOT;
    let thread = previousThread;
    if (event.type === 'MapIterationStarted') {
      // The first iterations follow MapStateStarted; one started when another ended (MaxConcurrency) follows that one's last event.
      const parent = previous?.type === 'MapStateStarted' ? previousThread : siblingIterationParent(previousThread);
      const details = event.mapIterationStartedEventDetails as { index: number; name: string };
      thread = { parent, label: `${parent.label}${details.name}[${details.index}] › `, mapIndex: details.index };
    } else if (previous?.type === 'ParallelStateStarted' && !CLOSING.test(event.type)) {
      const branch = branchCounts.get(previous.id) ?? 0;
      branchCounts.set(previous.id, branch + 1);
      thread = { parent: previousThread, label: `${previousThread.label}${stateNameBefore(previous, byId)}[branch ${branch}] › `, branch };
    } else if (CLOSING.test(event.type) && previous && !OPENING.test(previous.type) && previousThread.parent) {
      thread = previousThread.parent;
    }
    threads.set(event.id, thread);
    return thread;
  }
}

/** The Map thread around the iteration `thread` runs in (or inside): where a sibling iteration belongs. */
function siblingIterationParent(thread: EventThread): EventThread {
  for (let current: EventThread | undefined = thread; current?.parent; current = current.parent) if (current.mapIndex !== undefined) return current.parent;
  return thread;
}

/** The name of the state whose `…StateEntered` event leads, by `previousEventId`, to `event`. */
function stateNameBefore(event: HistoryEvent, byId: Map<number, HistoryEvent>): string {
  for (let current: HistoryEvent | undefined = event; current; current = byId.get(current.previousEventId)) {
    if (current.type.endsWith('StateEntered')) return (current.stateEnteredEventDetails as { name: string }).name;
  }
  return '?';
}

/** Where a failed execution's failure started: the state (and its thread) the chain of failure events leads back to. */
export interface FailureOrigin {
  stateName: string;
  thread: EventThread;
  /** The id of the state's `…StateEntered` event. */
  enteredEventId: number;
}

/**
 * Follows a failed execution's history back from `ExecutionFailed` (or
 * `…TimedOut`/`…Aborted`) through the failure events that led to it (a
 * Map's failure to its iteration's, the iteration's to its task's) to the
 * state where it began. Undefined for a run that did not fail in a state.
 *
 * @example
 * failureOrigin(execution.history) // { stateName: 'Charge', thread: { label: 'Ship each[2] › ', mapIndex: 2, … }, … }
 */
export function failureOrigin(history: readonly HistoryEvent[], threads = eventThreads(history)): FailureOrigin | undefined {
  const byId = new Map(history.map((event) => [event.id, event]));
  let event = history.findLast((candidate) => /^Execution(Failed|TimedOut|Aborted)$/.test(candidate.type));
  for (let previous = event && byId.get(event.previousEventId); previous && /Failed|TimedOut|Aborted/.test(previous.type); previous = byId.get(previous.previousEventId)) {
    event = previous;
  }
  for (let current = event; current; current = byId.get(current.previousEventId)) {
    if (current.type.endsWith('StateEntered')) {
      return { stateName: (current.stateEnteredEventDetails as { name: string }).name, thread: threads.get(current.id)!, enteredEventId: current.id };
    }
  }
  return undefined;
}

/** Where a state comes from in the source: an entry of a compiled workflow's `<Name>.map.json`. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** Where the span ends, when known (a compiled `.map.json` has it). */
  endLine?: number;
  endColumn?: number;
}

/**
 * A failure's origin as lines for people: the state, with its Map iteration or
 * Parallel branch, and, when `sourceMap` knows the state, its source location.
 * `@typestep/testing`'s `run.failure` and `typestep run` print these.
 *
 * @example
 * describeFailureOrigin(failureOrigin(execution.history)!, { Charge: { file: 'src/workflow.ts', line: 12, column: 5 } })
 * // ["in state 'Charge' (Ship each[2])", 'at src/workflow.ts:12:5']
 */
export function describeFailureOrigin(origin: FailureOrigin, sourceMap: Readonly<Record<string, SourceLocation>> = {}): string[] {
  const where = origin.thread.label.replace(/ › $/, '');
  const lines = [`in state '${origin.stateName}'${where ? ` (${where})` : ''}`];
  const location = Object.hasOwn(sourceMap, origin.stateName) ? sourceMap[origin.stateName] : undefined;
  if (location) lines.push(`at ${location.file}:${location.line}:${location.column}`);
  return lines;
}
