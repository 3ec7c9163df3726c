import type { HistoryEvent } from './history.js';
import { eventThreads, type EventThread } from './history-threads.js';
import type { MachineDefinition } from '../definition.js';

/** Why a record cannot be resumed or redriven; `name` is the code (AWS's `ExecutionNotRedrivable` for redrives). */
export type ReplayRefusalCode = 'ExecutionNotRedrivable' | 'ExecutionNotResumable' | 'InvalidExecutionHistory';

/**
 * Thrown by `start()` when `resumeFrom` / `redriveFrom` cannot be used: an
 * Express machine, a malformed record, or (for a redrive) an execution that
 * is running, succeeded or ended more than 14 days ago.
 *
 * @example
 * try {
 *   machine.start(null, { redriveFrom: succeeded.history });
 * } catch (error) {
 *   if (error instanceof ReplayRefusedError && error.name === 'ExecutionNotRedrivable') console.log(error.message);
 * }
 */
export class ReplayRefusedError extends Error {
  constructor(
    override readonly name: ReplayRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** What a redriven execution carries: AWS's redrive count and time, and what its failed Map or Parallel keeps. */
export interface Redrive {
  /** `$$.Execution.RedriveCount` and ExecutionRedriven's `redriveCount`: 1 for the first redrive. */
  readonly count: number;
  /** When the redrive happened (epoch ms); the re-run's events are not older. */
  readonly time: number;
  /**
   * Results of Map iterations and Parallel branches that succeeded before a
   * redrive, by the id of the re-run state's StateEntered event, then by
   * iteration or branch index: those are not run again.
   */
  readonly kept: ReadonlyMap<number, ReadonlyMap<number, unknown>>;
  /** True when this start is the redrive (it writes ExecutionRedriven); false when it resumes a redriven execution. */
  readonly opens: boolean;
  /** The ids of the ExecutionRedriven events, this redrive's included, in order. */
  readonly redrivenIds: readonly number[];
}

export interface ReplayPlan {
  /** The record, with Date timestamps. */
  readonly events: readonly HistoryEvent[];
  /** The ids the replay must reproduce; all when undefined. */
  readonly matchable: ReadonlySet<number> | undefined;
  readonly input: unknown;
  readonly startTime: number;
  readonly redrive: Redrive | undefined;
}

/** AWS lets an execution be redriven for 14 days after it ended. */
const REDRIVE_WINDOW_MS = 14 * 24 * 3600 * 1000;
/** A Standard execution is open for a year at most, and its history holds 25,000 events. */
const MAX_OPEN_MS = 365 * 24 * 3600 * 1000;
const HISTORY_LIMIT = 25_000;
const ENDED = /^Execution(Succeeded|Failed|TimedOut|Aborted)$/;
const REDRIVABLE = /^Execution(Failed|TimedOut|Aborted)$/;

/**
 * Checks `resumeFrom` / `redriveFrom` and works out how the replay goes:
 * the recorded input and start time, and for a redrive which events the
 * replay reproduces (the work that succeeded) and which it runs again (from
 * the top-level state that did not succeed on).
 */
export function planReplay(
  options: { resumeFrom?: readonly HistoryEvent[]; redriveFrom?: readonly HistoryEvent[] },
  definition: MachineDefinition,
  machineType: 'STANDARD' | 'EXPRESS',
  now: number,
): ReplayPlan | undefined {
  const { resumeFrom, redriveFrom } = options;
  if (resumeFrom === undefined && redriveFrom === undefined) return undefined;
  if (resumeFrom !== undefined && redriveFrom !== undefined) {
    throw new ReplayRefusedError('InvalidExecutionHistory', 'Give either resumeFrom or redriveFrom, not both.');
  }
  if (machineType === 'EXPRESS') {
    throw resumeFrom
      ? new ReplayRefusedError('ExecutionNotResumable', 'Express executions cannot be resumed: AWS keeps no history for them to resume from.')
      : new ReplayRefusedError('ExecutionNotRedrivable', 'Express executions cannot be redriven (RedriveExecution supports Standard workflows only).');
  }
  const events = normalize((resumeFrom ?? redriveFrom)!);
  const started = events[0]!.executionStartedEventDetails as { input?: unknown } | undefined;
  const input = typeof started?.input === 'string' ? parseRecorded(started.input, 'the ExecutionStarted input') : (started?.input ?? null);
  const base = { events, input, startTime: events[0]!.timestamp.getTime() };
  if (resumeFrom) {
    // An abort came from outside the execution: a replay cannot reproduce it, and an aborted execution goes on only by a redrive.
    if (events[events.length - 1]!.type === 'ExecutionAborted') {
      throw new ReplayRefusedError('ExecutionNotResumable', 'The execution was aborted; an aborted execution can be redriven (redriveFrom), not resumed.');
    }
    // A redriven execution that was interrupted: its replay is a redrive's, without a new ExecutionRedriven.
    const redriven = events.findLast((event) => event.type === 'ExecutionRedriven');
    if (!redriven) return { ...base, matchable: undefined, redrive: undefined };
    const { matchable, kept } = planRedrive(events, definition);
    const count = events.filter((event) => event.type === 'ExecutionRedriven').length;
    const redrivenIds = events.filter((event) => event.type === 'ExecutionRedriven').map((event) => event.id);
    return { ...base, matchable, redrive: { count, time: redriven.timestamp.getTime(), kept, opens: false, redrivenIds } };
  }

  const last = events[events.length - 1]!;
  if (!REDRIVABLE.test(last.type)) {
    const status = ENDED.test(last.type) ? 'SUCCEEDED' : 'RUNNING';
    throw new ReplayRefusedError('ExecutionNotRedrivable', `The execution is ${status}; only FAILED, TIMED_OUT and ABORTED executions can be redriven.`);
  }
  if (now - last.timestamp.getTime() > REDRIVE_WINDOW_MS) {
    throw new ReplayRefusedError('ExecutionNotRedrivable', 'The execution ended more than 14 days ago; AWS redrives executions for 14 days after they end.');
  }
  if (now - base.startTime > MAX_OPEN_MS) {
    throw new ReplayRefusedError('ExecutionNotRedrivable', 'The execution started more than a year ago: it has exceeded the maximum execution time.');
  }
  if (events.length >= HISTORY_LIMIT - 1) {
    throw new ReplayRefusedError('ExecutionNotRedrivable', `The execution's history has reached its limit of ${HISTORY_LIMIT} events.`);
  }
  const time = Math.max(now, last.timestamp.getTime());
  const { matchable, kept } = planRedrive(events, definition);
  const count = events.filter((event) => event.type === 'ExecutionRedriven').length + 1;
  const redrivenIds = [...events.filter((event) => event.type === 'ExecutionRedriven').map((event) => event.id), events.length + 1];
  return { ...base, matchable, redrive: { count, time, kept, opens: true, redrivenIds } };
}

/**
 * Splits the record into attempts (the first run, then one per
 * ExecutionRedriven). In each, the top-level state that was running when it
 * ended, and everything after, is run again by the next attempt; the rest
 * succeeded and is reproduced. A failed top-level Map or Parallel keeps the
 * results of its iterations or branches that succeeded (in that attempt or,
 * when it was itself a re-run, kept from before).
 */
function planRedrive(events: readonly HistoryEvent[], definition: MachineDefinition): { matchable: Set<number>; kept: Map<number, Map<number, unknown>> } {
  const threads = eventThreads(events);
  const matchable = new Set<number>();
  const kept = new Map<number, Map<number, unknown>>();
  let attemptStart = 0;
  const ends: number[] = [];
  events.forEach((event, index) => {
    if (REDRIVABLE.test(event.type)) ends.push(index);
  });
  for (let a = 0; a < ends.length; a++) {
    const end = ends[a]!;
    const attempt = events.slice(attemptStart, end + 1);
    const rerun = attempt.findLast((event) => event.type.endsWith('StateEntered') && threads.get(event.id)?.parent === undefined);
    for (const event of attempt) {
      if (event.type === 'ExecutionRedriven' || REDRIVABLE.test(event.type)) continue;
      if (rerun && event.id >= rerun.id) continue;
      matchable.add(event.id);
    }
    const redriven = events[end + 1];
    // The StateEntered id the next attempt's re-run has: the first event after its ExecutionRedriven.
    const reentered = redriven ? redriven.id + 1 : events.length + 2;
    if (rerun?.type === 'MapStateEntered' || rerun?.type === 'ParallelStateEntered') {
      const results = new Map<number, unknown>(kept.get(rerun.id) ?? []);
      const succeeded = rerun.type === 'MapStateEntered' ? succeededIterations(events, attempt, rerun) : succeededBranches(attempt, rerun, threads, definition);
      for (const [index, output] of succeeded) results.set(index, output);
      if (results.size > 0) kept.set(reentered, results);
    }
    attemptStart = end + 1;
  }
  // What follows the last ending is a redrive still running (a resume): all of it is reproduced.
  for (const event of events.slice(attemptStart)) if (event.type !== 'ExecutionRedriven') matchable.add(event.id);
  return { matchable, kept };
}

/** Outputs of the iterations of the Map visit `entered` that succeeded, by index. */
function succeededIterations(events: readonly HistoryEvent[], attempt: readonly HistoryEvent[], entered: HistoryEvent): Map<number, unknown> {
  const name = stateNameOf(entered);
  const out = new Map<number, unknown>();
  for (const event of attempt) {
    if (event.id <= entered.id || event.type !== 'MapIterationSucceeded') continue;
    const details = event.mapIterationSucceededEventDetails as { index: number; name: string };
    if (details.name !== name) continue;
    // The iteration's own last event, which MapIterationSucceeded follows, is its last state's exit.
    const exited = events[event.previousEventId - 1];
    const output = (exited?.stateExitedEventDetails as { output?: unknown } | undefined)?.output;
    if (output !== undefined) out.set(details.index, typeof output === 'string' ? parseRecorded(output, `event #${exited!.id}'s output`) : output);
  }
  return out;
}

/**
 * Outputs of the branches of the Parallel visit `entered` that succeeded, by
 * branch index: a branch succeeded when its last event is the exit of one of
 * its end states. Branches are told apart by their first state (a kept
 * branch does not run again, so their order of starting says nothing).
 */
function succeededBranches(
  attempt: readonly HistoryEvent[],
  entered: HistoryEvent,
  threads: Map<number, EventThread>,
  definition: MachineDefinition,
): Map<number, unknown> {
  const name = stateNameOf(entered);
  const branches = ((definition.States[name] as { Branches?: unknown } | undefined)?.Branches ?? []) as Array<{
    StartAt: string;
    States: Record<string, { Type?: string; End?: boolean }>;
  }>;
  const started = attempt.find((event) => event.type === 'ParallelStateStarted' && event.previousEventId === entered.id);
  const out = new Map<number, unknown>();
  if (!started) return out;
  const parallelThread = threads.get(started.id);
  const byBranch = new Map<EventThread, HistoryEvent[]>();
  for (const event of attempt) {
    const thread = threads.get(event.id);
    if (event.id <= started.id || !thread || thread.parent !== parallelThread || thread.branch === undefined) continue;
    const list = byBranch.get(thread) ?? [];
    list.push(event);
    byBranch.set(thread, list);
  }
  for (const branchEvents of byBranch.values()) {
    const index = branches.findIndex((branch) => branch.StartAt === stateNameOf(branchEvents[0]!));
    const last = branchEvents[branchEvents.length - 1]!;
    const state = index >= 0 && last.type.endsWith('StateExited') ? branches[index]!.States[stateNameOf(last)] : undefined;
    if (!state || !(state.End === true || state.Type === 'Succeed')) continue;
    const output = (last.stateExitedEventDetails as { output?: unknown } | undefined)?.output;
    if (output !== undefined) out.set(index, typeof output === 'string' ? parseRecorded(output, `event #${last.id}'s output`) : output);
  }
  return out;
}

function stateNameOf(event: HistoryEvent): string {
  return ((event.stateEnteredEventDetails ?? event.stateExitedEventDetails) as { name?: string } | undefined)?.name ?? '';
}

/** The record with Date timestamps (a database may give strings), checked to be a history from its start. */
function normalize(record: readonly HistoryEvent[]): HistoryEvent[] {
  if (!Array.isArray(record) || record.length === 0) {
    throw new ReplayRefusedError('InvalidExecutionHistory', 'The recorded history is empty; it must start with ExecutionStarted.');
  }
  return record.map((event, index) => {
    if (event?.id !== index + 1) {
      throw new ReplayRefusedError('InvalidExecutionHistory', `Event ${index + 1} of the recorded history has id ${String(event?.id)}; ids must run 1, 2, 3… without gaps.`);
    }
    if (index === 0 && event.type !== 'ExecutionStarted') {
      throw new ReplayRefusedError('InvalidExecutionHistory', `The recorded history starts with ${String(event.type)}, not ExecutionStarted.`);
    }
    const timestamp = event.timestamp instanceof Date ? event.timestamp : new Date(event.timestamp as unknown as string | number);
    if (Number.isNaN(timestamp.getTime())) {
      throw new ReplayRefusedError('InvalidExecutionHistory', `Event #${event.id} has no valid timestamp.`);
    }
    return timestamp === event.timestamp ? event : { ...event, timestamp };
  });
}

function parseRecorded(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ReplayRefusedError('InvalidExecutionHistory', `The recorded history holds invalid JSON in ${what}.`);
  }
}

/** What the resuming clock needs to know of a replay's progress. */
export function replayProgress(history: { readonly isLive: boolean; readonly recorded?: { readonly replaying: boolean } }): {
  readonly live: boolean;
  readonly replaying: boolean;
} {
  return {
    get live() {
      return history.isLive;
    },
    get replaying() {
      return history.recorded?.replaying ?? false;
    },
  };
}
