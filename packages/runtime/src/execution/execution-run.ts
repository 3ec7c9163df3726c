import { setMaxListeners } from 'node:events';
import type { Clock } from './clock.js';
import type { History } from './history.js';
import type { HandlerRegistry } from '../handlers.js';
import type { StartOptions, StateMachine, StateMachineOptions } from '../state-machine.js';
import type { MapRunControls } from '../states/distributed-map/map-run-controls.js';
import type { TaskMocks } from '../integrations/mocks-hook.js';
import type { LocalS3 } from '../integrations/local-s3.js';
import type { TaskRegistry } from '../integrations/task-registry.js';
import type { TurnScheduler } from './turns.js';
import type { Redrive } from './replay-plan.js';

/** Who the execution is: the strings that surface through `$$` and ARNs. */
export interface ExecutionIdentity {
  executionArn: string;
  executionName: string;
  stateMachineArn: string;
  stateMachineName: string;
  roleArn: string;
  region: string;
  account: string;
  partition: string;
}

/**
 * Ends an execution past every Retry and Catch: an abort, the machine's
 * TimeoutSeconds, or (status FAILED) a service limit such as the history
 * quota, which AWS reports as the execution's failure, not a state's.
 */
export class ExecutionInterrupted extends Error {
  constructor(
    readonly status: 'TIMED_OUT' | 'ABORTED' | 'FAILED',
    readonly failure?: { error: string; cause: string },
  ) {
    super(failure ? `${failure.error}: ${failure.cause}` : status === 'TIMED_OUT' ? 'execution timed out' : 'execution aborted');
  }
}

/** What every thread of one execution shares. */
export class ExecutionRun {
  private stateMachineContextValue: Record<string, unknown> | undefined;
  private executionContextValue: Record<string, unknown> | undefined;
  private abortController: AbortController | undefined;
  /** Epoch ms at which the execution times out (virtual or real, as the clock is). */
  readonly deadline: number;

  constructor(
    readonly identity: ExecutionIdentity,
    readonly history: History,
    readonly clock: Clock,
    readonly handlers: HandlerRegistry,
    readonly random: () => number,
    readonly startTime: number,
    input: unknown,
    timeoutSeconds: number | undefined,
    readonly machineType: 'STANDARD' | 'EXPRESS' = 'STANDARD',
    /** Where TimeoutSeconds counts from: the start, or a redrive (which gives the execution its time again). */
    timeoutFrom = startTime,
  ) {
    this.input = input;
    this.deadline = timeoutSeconds === undefined ? Infinity : timeoutFrom + timeoutSeconds * 1000;
  }

  private readonly input: unknown;

  /** `$$.StateMachine`, built on first use. */
  get stateMachineContext(): Record<string, unknown> {
    return (this.stateMachineContextValue ??= { Id: this.identity.stateMachineArn, Name: this.identity.stateMachineName });
  }

  /** `$$.Execution`, built on first use (most runs never read the context object). */
  get executionContext(): Record<string, unknown> {
    if (this.executionContextValue) return this.executionContextValue;
    const context: Record<string, unknown> = {
      Id: this.identity.executionArn,
      Input: this.input,
      StartTime: new Date(this.startTime).toISOString(),
      Name: this.identity.executionName,
      RoleArn: this.identity.roleArn,
    };
    // Express executions cannot be redriven, and AWS leaves the count out of their context.
    if (this.machineType === 'STANDARD') context.RedriveCount = this.redrive?.count ?? 0;
    return (this.executionContextValue = context);
  }

  /** `$$.Execution` of the earlier attempts of a redriven execution, by redrive count; created on first use. */
  private contextsByRedriveCount: Map<number, Record<string, unknown>> | undefined;

  /**
   * `$$.Execution` for the state visit entered at event `enteredEventId`: in
   * a redriven execution, a visit replayed from an earlier attempt reads that
   * attempt's RedriveCount, as it did when it ran.
   */
  executionContextAt(enteredEventId: number): Record<string, unknown> {
    const context = this.executionContext;
    const redriven = this.redrive?.redrivenIds;
    if (!redriven || this.machineType !== 'STANDARD') return context;
    let count = 0;
    while (count < redriven.length && redriven[count]! < enteredEventId) count++;
    if (count === context.RedriveCount) return context;
    this.contextsByRedriveCount ??= new Map();
    let earlier = this.contextsByRedriveCount.get(count);
    if (!earlier) this.contextsByRedriveCount.set(count, (earlier = { ...context, RedriveCount: count }));
    return earlier;
  }

  /** Aborted when the execution stops; created on first use, since most runs never need it. */
  get abort(): AbortController {
    if (this.abortController) return this.abortController;
    this.abortController = new AbortController();
    // Every task waiting at once (a Map of 40 callbacks) listens, and stops listening when it ends: not a leak.
    setMaxListeners(0, this.abortController.signal);
    return this.abortController;
  }

  /** Finds a registered local state machine by ARN or name, for `states:startExecution`. */
  findStateMachine: (arnOrName: string) => StateMachine<any, any> | undefined = () => undefined;

  /** The host's own way of starting child executions (`StateMachineOptions.startChildExecution`), if it has one. */
  startChildExecution: StateMachineOptions['startChildExecution'];

  /** Set for a redriven execution: its redrive count and time, and what its failed Map/Parallel keeps. */
  redrive: Redrive | undefined;

  /** Mocked task responses for this execution, if a mock configuration was given. */
  mocks: TaskMocks | undefined;

  /** When resumed tasks last got a heartbeat before a restart, by token (`StartOptions.heartbeats`). */
  recordedHeartbeats: ReadonlyMap<string, number> | undefined;

  private mapRunsValue: Map<string, MapRunControls> | undefined;

  /** The Distributed Map runs going on, by Map Run ARN: what UpdateMapRun changes. Created on first use, like `abort`. */
  get mapRuns(): Map<string, MapRunControls> {
    return (this.mapRunsValue ??= new Map());
  }

  /** Told of each Distributed Map child execution's start and end (`StartOptions.onMapRunChild`). */
  onMapRunChild: StartOptions['onMapRunChild'];

  /** Fields laid over every state's context object (`StartOptions.context`, TestState's `context`). */
  contextOverride: Record<string, unknown> | undefined;

  /** The local S3 stand-in that Distributed Map's ItemReader and ResultWriter use, if one was configured. */
  s3: LocalS3 | undefined;

  /** Where callback and activity tasks wait for their answers (the machine's TaskService); set by `Execution`. */
  tasks!: TaskRegistry;

  /** Task invocations so far, by state name; created at the first Task. */
  private invocations: Map<string, number> | undefined;

  /** Returns how many times the Task state `name` was invoked before, and counts this one. */
  countInvocation(name: string): number {
    this.invocations ??= new Map();
    const count = this.invocations.get(name) ?? 0;
    this.invocations.set(name, count + 1);
    return count;
  }

  /**
   * Set when the execution is stopped from outside (`abort()`, the real
   * clock's deadline timer) or by a limit (the history quota): every thread
   * still running ends with this.
   */
  interruptedBy: ExecutionInterrupted | undefined;

  /** Whose turn it is among concurrent branches and iterations (virtual clock), once a Parallel or Map has run. */
  turns: TurnScheduler | undefined;

  interrupt(status: 'TIMED_OUT' | 'ABORTED'): void {
    this.stop(new ExecutionInterrupted(status));
  }

  /** Ends every thread with `interrupted` (the first reason given wins) and returns what they end with. */
  stop(interrupted: ExecutionInterrupted): ExecutionInterrupted {
    this.interruptedBy ??= interrupted;
    this.abort.abort();
    return this.interruptedBy;
  }

  /**
   * The history size at which the execution fails. AWS caps Standard
   * executions at 25,000 events: event 25,000 may only be ExecutionSucceeded,
   * anything else makes it ExecutionFailed. That cap is also what stops a
   * runaway loop (or Retry) here instead of spinning forever on the virtual clock.
   */
  maxHistoryEvents = Infinity;

  /** Throws when the execution was stopped or is past its deadline at `now`. */
  checkRunning(now: number): void {
    if (this.abortController?.signal.aborted) throw this.interruptedBy ?? new ExecutionInterrupted('ABORTED');
    if (this.clock.now(now) >= this.deadline) throw new ExecutionInterrupted('TIMED_OUT');
  }

  /**
   * Throws (ending the execution as FAILED) when one more event other than
   * ExecutionSucceeded would take the history to its quota; the quota's last
   * event is then the ExecutionFailed.
   */
  checkHistoryRoom(): void {
    if (this.history.length < this.maxHistoryEvents - 1) return;
    throw this.stop(
      new ExecutionInterrupted('FAILED', {
        error: 'States.Runtime',
        cause: `The execution reached the maximum number of history events (${this.maxHistoryEvents}).`,
      }),
    );
  }
}
