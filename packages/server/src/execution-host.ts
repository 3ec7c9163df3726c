import { createHash } from 'node:crypto';
import {
  AwsApiError,
  StateMachine,
  type Execution,
  type ChildExecution,
  type ChildExecutionRequest,
  type ExecutionResult,
  type HandlerMap,
  type HandlerRegistry,
  type HistoryEvent,
  type StartOptions,
  type TaskService,
} from '@typestep/runtime';
import type { ServerIdentity } from './arns.js';
import type { ExecutionRow, Store } from './store/store.js';

/** The error and cause of a rejection of `result`, in ASL terms. */
function failureOf(error: unknown): { error: string; cause: string } {
  const failure = (error as { failure?: { error?: string; cause?: string } } | undefined)?.failure;
  if (failure?.error) return { error: failure.error, cause: failure.cause ?? '' };
  return { error: 'States.Runtime', cause: `typestep serve could not continue the execution: ${(error as Error)?.message ?? String(error)}` };
}

/**
 * Every execution is seeded from its ARN: what it draws at random (States.UUID,
 * $random, retry jitter, the MessageId of a callback's SQS request) comes out
 * the same when it is replayed from its history after a restart or a redrive.
 */
function seedOf(executionArn: string): number {
  return createHash('sha256').update(executionArn).digest().readUInt32BE(0);
}

/** What the executions of a server run with. */
export interface ExecutionHostOptions {
  identity: ServerIdentity;
  clock: 'real' | 'virtual';
  handlers?: HandlerRegistry | HandlerMap;
  /** A Step Functions Local mock configuration; a `#TestCase` ARN suffix picks a test case from it. */
  mockConfig?: object;
  taskService: TaskService;
}

/** How an execution is to begin: afresh, or continuing its recorded events. */
type Continuation = { resumeFrom: readonly HistoryEvent[]; heartbeats?: Record<string, number> } | { redriveFrom: readonly HistoryEvent[] } | undefined;

/**
 * Runs the server's executions on the event loop and writes what they do to
 * the store as it happens: every history event, then how the execution
 * ended. Keeps the running ones to stop them.
 *
 * @example
 * const execution = host.begin(row);             // a new execution (row already committed)
 * host.resume(row, store.events(row.arn));       // after a restart
 */
export class ExecutionHost {
  private readonly live = new Map<string, Execution>();
  private readonly settled = new Map<string, Promise<void>>();
  private readonly stopReasons = new Map<string, { error?: string; cause?: string }>();
  /** Prepared machines by definition, so 1,000 starts of one machine validate and prepare it once. */
  private readonly machines = new Map<string, StateMachine>();

  /** Starts a `states:startExecution` task's child as an execution of the server; set once the server's context exists. */
  startChild: ((request: ChildExecutionRequest) => ChildExecution | undefined) | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: ExecutionHostOptions,
  ) {}

  /** A prepared machine for this definition, name, type and role. */
  machineFor(name: string, type: 'STANDARD' | 'EXPRESS', definition: string, roleArn: string): StateMachine {
    const key = JSON.stringify([name, type, roleArn, definition]);
    let machine = this.machines.get(key);
    if (!machine) {
      const { identity, handlers, taskService } = this.options;
      const startChildExecution = (request: ChildExecutionRequest) => this.startChild?.(request);
      machine = new StateMachine(definition, { name, type, roleArn, handlers, taskService, startChildExecution, ...identity, validate: false });
      this.machines.set(key, machine);
    }
    return machine;
  }

  /**
   * Starts the execution of a row not yet committed and returns it; the
   * caller commits the row with `startedEvent(execution, row)` and then
   * calls `track`.
   */
  start(
    row: Pick<ExecutionRow, 'arn' | 'name' | 'machine_arn' | 'type' | 'definition' | 'role_arn' | 'test_case' | 'input' | 'started_at'>,
    continuation?: Continuation,
    startTime = row.started_at,
  ): Execution {
    const machineName = row.machine_arn.slice(row.machine_arn.lastIndexOf(':') + 1);
    const machine = this.machineFor(machineName, row.type, row.definition, row.role_arn);
    const options: StartOptions = {
      name: row.name,
      clock: this.options.clock,
      seed: seedOf(row.arn),
      startTime,
      identity: { executionArn: row.arn, executionName: row.name, stateMachineArn: row.machine_arn, stateMachineName: machineName, roleArn: row.role_arn },
      // Distributed Map children are kept for ListExecutions with a mapRunArn.
      onMapRunChild: (child) => this.store.putMapRunChild(row.arn, child),
      ...continuation,
    };
    if (row.test_case !== null) {
      // Checked at StartExecution; a mock configuration is always there when a test case is.
      options.mocks = { config: this.options.mockConfig!, testCase: row.test_case, stateMachineName: machineName };
    }
    return machine.start(JSON.parse(row.input), options);
  }

  /**
   * Writes the execution's events after the first `recorded` ones as they
   * happen, then its end; resolves once both are queued for the store.
   */
  track(arn: string, execution: Execution, recorded: number): Promise<void> {
    this.live.set(arn, execution);
    const pump = (async () => {
      for await (const event of execution.events()) if (event.id > recorded) this.store.appendEvents(arn, [event]);
    })();
    // `result` rejects when a replayed history does not match the machine (ReplayMismatchError): that ends the execution FAILED.
    const result = execution.result.catch((error: unknown): ExecutionResult => ({ status: 'FAILED', ...failureOf(error) }));
    const done = Promise.all([pump.catch(() => undefined), result]).then(([, ended]) => {
      this.live.delete(arn);
      this.settled.delete(arn);
      const last = execution.history[execution.history.length - 1];
      const stoppedAt = last ? last.timestamp.getTime() : Date.now();
      this.store.endExecution(arn, { ...this.endOf(arn, ended), stoppedAt });
      this.store.abortMapRunChildren(arn, stoppedAt);
    });
    this.settled.set(arn, done);
    return done;
  }

  private endOf(arn: string, result: ExecutionResult): { status: ExecutionResult['status']; output?: string; error?: string; cause?: string } {
    if (result.status === 'SUCCEEDED') return { status: 'SUCCEEDED', output: JSON.stringify(result.output ?? null) };
    const stop = this.stopReasons.get(arn);
    this.stopReasons.delete(arn);
    if (result.status === 'ABORTED' && stop) return { status: 'ABORTED', ...stop };
    return { status: result.status, error: result.error, cause: result.cause };
  }

  /**
   * The ExecutionStarted event to record, and the row's `started_at` set to
   * its instant. On the real clock the runtime starts the execution when it
   * is created, not at the instant the row was made; a replay starts from
   * the recorded instant, and what it derives from it (task tokens) must
   * match the first run, so the row takes the runtime's instant.
   */
  startedEvent(execution: Execution, row: Pick<ExecutionRow, 'started_at'>): HistoryEvent {
    const started = execution.history[0]!;
    row.started_at = started.timestamp.getTime();
    return started;
  }

  /**
   * Continues a RUNNING execution of the store from its recorded events
   * (after a restart). `heartbeats` (by task token, epoch ms) are the kept
   * SendTaskHeartbeat times: a waiting task's HeartbeatSeconds counts from
   * its last one. They are wall-clock times, so only the real clock uses them.
   */
  resume(row: ExecutionRow, events: readonly HistoryEvent[], heartbeats?: Record<string, number>): void {
    // Already resumed: a parent resumed first asked for it as its child.
    if (this.live.has(row.arn)) return;
    const fail = (why: string) =>
      this.store.endExecution(row.arn, { status: 'FAILED', error: 'States.Runtime', cause: `typestep serve could not resume this execution after a restart: ${why}`, stoppedAt: Date.now() });
    let execution: Execution;
    try {
      execution = this.start(row, { resumeFrom: events, ...(this.options.clock === 'real' && heartbeats ? { heartbeats } : {}) });
    } catch (error) {
      // One execution the runtime cannot continue must not keep the server from opening.
      return fail((error as Error).message);
    }
    void this.track(row.arn, execution, events.length);
  }

  /**
   * Re-runs a closed execution from its recorded events (RedriveExecution):
   * marks it RUNNING again (committed) and tracks it. Throws
   * `ExecutionNotRedrivable` when the runtime cannot continue an execution.
   */
  redrive(row: ExecutionRow, events: readonly HistoryEvent[], at: number): void {
    let execution: Execution;
    try {
      execution = this.start(row, { redriveFrom: events }, at);
    } catch (error) {
      // The runtime's own refusal (ExecutionNotRedrivable: too old, an Express machine…).
      throw new AwsApiError('ExecutionNotRedrivable', (error as Error).message);
    }
    this.store.redriveExecution(row.arn, at);
    void this.track(row.arn, execution, events.length);
  }

  /** Whether the execution runs in this process. */
  isRunning(arn: string): boolean {
    return this.live.has(arn);
  }

  /** The execution running in this process under that ARN. */
  execution(arn: string): Execution | undefined {
    return this.live.get(arn);
  }

  /** Aborts a running execution; its end records `error` and `cause`. Resolves once that end is queued. */
  async stop(arn: string, reason: { error?: string; cause?: string }): Promise<void> {
    const execution = this.live.get(arn);
    if (!execution) return;
    this.stopReasons.set(arn, reason);
    execution.abort();
    await this.settled.get(arn);
  }

  /** Resolves once the execution's end is queued for the store. */
  async settle(arn: string): Promise<void> {
    await this.settled.get(arn);
  }

  /** Stops tracking everything (the server is closing; RUNNING rows stay RUNNING and resume next time). */
  detach(): Execution[] {
    const running = [...this.live.values()];
    this.live.clear();
    return running;
  }
}
