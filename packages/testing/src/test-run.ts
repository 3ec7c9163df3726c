import { describeFailureOrigin, failureOrigin, StateVisitTracker, type EventThread, type FailureOrigin, type HistoryEvent, type HistoryStateVisit, type SourceLocation } from '@typestep/runtime';
import type { TaskCall } from './task-calls.js';

/** How a run ended, compared between the native and the compiled run. */
export type Outcome<Output = unknown> =
  | { status: 'SUCCEEDED'; output: Output }
  | { status: 'FAILED' | 'TIMED_OUT' | 'ABORTED'; error: string; cause: string | undefined };

export type { SourceLocation };

/** One visit of a state, read from the history. */
export interface StateVisit {
  name: string;
  /** `Ship each[2] › ` inside iteration 2 of the Map `Ship each`; '' at the top level. */
  where: string;
  mapIndex?: number;
  input: unknown;
  /** Absent when the state failed (or the run stopped in it). */
  output?: unknown;
  /** The variables its `Assign` set. */
  variables?: Record<string, unknown>;
  /** Task attempts (1 + retries); 0 for other states. */
  attempts: number;
  /** Whether the state ended with an error (caught or not); a retried attempt that failed does not count once one succeeds. */
  failed: boolean;
}

/** What the compiled run adds: its history and what it tells. */
interface MachineRun {
  history: HistoryEvent[];
  sourceMap: Record<string, SourceLocation>;
}

/**
 * The result of `testWorkflow`: how the run ended, the path it took, each
 * state's input and output, each task's calls, virtual time and transitions.
 * In mode `'both'` it describes the compiled run (the native one agreed).
 *
 * @example
 * const run = await testWorkflow(processOrder, { input: order, handlers });
 * assert.equal(run.path, ['Price order', 'Charge card', 'Send receipt']);
 * assert.equal(run.state('Charge card').input, { orderId: 'o-1', amount: 18 });
 * assert.is(run.calls('chargeCard').length, 1);
 */
export class TestRun<Output = unknown> {
  readonly status: Outcome['status'];
  readonly output: Output | undefined;
  readonly error: string | undefined;
  readonly cause: string | undefined;
  /** The native run's outcome, in mode `'both'` (equal to this run's, or testWorkflow would have thrown). */
  readonly native: Outcome<Output> | undefined;
  private readonly visits: Array<StateVisit & { id: number }> | undefined;
  private readonly threads: Map<number, EventThread> | undefined;

  constructor(
    outcome: Outcome<Output>,
    private readonly recordedCalls: TaskCall[],
    private readonly machine: MachineRun | undefined,
    native?: Outcome<Output>,
    readonly workflowName = 'workflow',
  ) {
    this.status = outcome.status;
    this.output = outcome.status === 'SUCCEEDED' ? outcome.output : undefined;
    this.error = outcome.status === 'SUCCEEDED' ? undefined : outcome.error;
    this.cause = outcome.status === 'SUCCEEDED' ? undefined : outcome.cause;
    this.native = native;
    if (machine) {
      const tracker = new StateVisitTracker();
      for (const event of machine.history) tracker.add(event);
      this.threads = tracker.threads.threads;
      this.visits = tracker.visits.map(stateVisit);
    }
  }

  /** The AWS-shaped execution history of the compiled run. */
  get history(): HistoryEvent[] {
    return this.compiled('history').history;
  }

  /** The states entered, in order; inside a Map iteration or a Parallel branch prefixed as `Map name[2] › State`. */
  get path(): string[] {
    return this.allVisits('path').map((visit) => visit.where + visit.name);
  }

  /** State transitions: what AWS bills a Standard workflow for (one per state entered). */
  get transitions(): number {
    return this.allVisits('transitions').length;
  }

  /** Virtual seconds from the start of the execution to its end. */
  get elapsedSeconds(): number {
    const history = this.history;
    if (history.length === 0) return 0;
    return (history.at(-1)!.timestamp.getTime() - history[0]!.timestamp.getTime()) / 1000;
  }

  /**
   * The last visit of the state `name` (`where` picks one inside a Map or
   * Parallel: `state('Charge', 'Ship each[2] › ')`). Throws, listing the
   * states entered, when it was never entered.
   */
  state(name: string, where?: string): StateVisit {
    const visits = this.visitsOf(name, where);
    if (visits.length === 0) {
      throw new Error(`${this.workflowName}: the state '${name}'${where ? ` (${where.replace(/ › $/, '')})` : ''} was never entered; the path was: ${this.path.join(', ') || '(none)'}`);
    }
    return visits.at(-1)!;
  }

  /** Every visit of the state `name`, in order (a state in a loop or a Map is entered many times). */
  visitsOf(name: string, where?: string): StateVisit[] {
    return this.allVisits('state').filter((visit) => visit.name === name && (where === undefined || visit.where === where));
  }

  /** The recorded calls of a task's mock, by the key it was given under (every call, with no key). */
  calls(task?: string): TaskCall[] {
    return task === undefined ? [...this.recordedCalls] : this.recordedCalls.filter((call) => call.task === task);
  }

  /**
   * Where and why a failed run failed, for people: the error and cause, the
   * state (with its Map index or Parallel branch), its TypeScript line and,
   * when a mock threw, that mock's JavaScript stack. Undefined when it succeeded.
   */
  get failure(): string | undefined {
    if (this.status === 'SUCCEEDED') return undefined;
    const lines = [`${this.workflowName} ${this.status}: ${this.error}${this.cause ? ` — ${this.cause}` : ''}`];
    const origin = this.machine ? failureOrigin(this.machine.history, this.threads) : undefined;
    const failedState = origin && this.failedState(origin);
    if (origin) lines.push(...describeFailureOrigin(origin, this.machine!.sourceMap).map((line) => `  ${line}`));
    const thrown = [...this.recordedCalls]
      .reverse()
      .find((call) => call.error && (!failedState || (call.state === failedState.name && call.mapIndex === failedState.mapIndex)));
    if (thrown?.error?.stack) lines.push(`  the mock of ${thrown.task} threw:`, ...thrown.error.stack.split('\n').map((line) => `    ${line}`));
    return lines.join('\n');
  }

  /** Throws an error whose message is `failure` unless the run succeeded. */
  assertSucceeded(): Output {
    if (this.status !== 'SUCCEEDED') throw new Error(this.failure);
    return this.output as Output;
  }

  /** The visit of the state the failure started in. */
  private failedState(origin: FailureOrigin): StateVisit | undefined {
    return this.visits!.find((visit) => visit.id === origin.enteredEventId);
  }

  private allVisits(what: string): Array<StateVisit & { id: number }> {
    this.compiled(what);
    return this.visits!;
  }

  private compiled(what: string): MachineRun {
    if (!this.machine) throw new Error(`TestRun.${what} needs the compiled run: mode 'native' runs the TypeScript itself, which has no states`);
    return this.machine;
  }
}

/** A visit as tests read it: payloads parsed, its place as a label. */
function stateVisit(visit: HistoryStateVisit): StateVisit & { id: number } {
  const entered = visit.entered.stateEnteredEventDetails as { input?: string };
  const exited = visit.exited?.stateExitedEventDetails as { output?: string; assignedVariables?: Record<string, string> } | undefined;
  return {
    id: visit.id,
    name: visit.name,
    where: visit.thread.label,
    ...(visit.thread.mapIndex !== undefined ? { mapIndex: visit.thread.mapIndex } : {}),
    input: parsePayload(entered.input),
    ...(exited ? { output: parsePayload(exited.output) } : {}),
    ...(exited?.assignedVariables ? { variables: Object.fromEntries(Object.entries(exited.assignedVariables).map(([name, text]) => [name, parsePayload(text)])) } : {}),
    attempts: visit.attempts,
    failed: visit.failed,
  };
}

function parsePayload(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * An outcome without what differs by design between a native and a compiled
 * run: a nested execution's identity (ARNs, names, dates) in a cause, and an
 * SDK error's random request id.
 *
 * @example
 * isDeepStrictEqual(comparableOutcome(native), comparableOutcome(compiled))
 */
export function comparableOutcome<O extends Outcome<unknown>>(outcome: O): O {
  if (outcome.status === 'SUCCEEDED' || outcome.cause === undefined) return outcome;
  let cause = outcome.cause.replace(/Request ID: [0-9a-f-]{36}/g, 'Request ID: <id>');
  if (cause.startsWith('{')) {
    try {
      const parsed = JSON.parse(cause) as Record<string, unknown>;
      if (typeof parsed.ExecutionArn === 'string') {
        for (const key of ['ExecutionArn', 'Name', 'StartDate', 'StopDate', 'StateMachineArn']) delete parsed[key];
        cause = JSON.stringify(parsed, Object.keys(parsed).sort());
      }
    } catch {
      // not JSON after all: compared as text
    }
  }
  return { ...outcome, cause };
}
