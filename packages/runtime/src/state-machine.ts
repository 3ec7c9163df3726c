import type { MachineDefinition } from './definition.js';
import { realClock, resumingClock, virtualClock } from './execution/clock.js';
import { ExecutionInterrupted, ExecutionRun, type ExecutionIdentity } from './execution/execution-run.js';
import { toStatesError } from './execution/error-handling.js';
import { History, NOT_TRUNCATED, type HistoryEvent } from './execution/history.js';
import { ReplayMismatchError } from './execution/recorded-history.js';
import { planReplay, replayProgress } from './execution/replay-plan.js';
import { exceedsPayloadLimit, PAYLOAD_LIMIT_BYTES, payloadSizeBound } from './execution/payload-limit.js';
import { isPromise, type PreparedMachine } from './execution/prepared.js';
import { runMachine } from './execution/run-machine.js';
import type { Thread } from './execution/thread.js';
import { VariableScope } from './execution/variables.js';
import { HandlerRegistry, type HandlerMap } from './handlers.js';
import { describeNonJson, nonJsonError } from './json-value.js';
import { LocalS3, type LocalS3Options } from './integrations/local-s3.js';
import type { TaskMocks } from './integrations/mocks-hook.js';
import { defaultTaskService, registryOf, type TaskService } from './integrations/task-service.js';
import { createTaskMocks, type MockOptions } from './mocks/index.js';
import { prepareDefinition } from './prepare.js';
import { executionSeed, lazySeededRandom } from './random.js';
import { parseDefinitionText, validateDefinition, type ValidationProblem } from './validation/index.js';
import { handlersForTasks, SchemaChecks, type MachineSchema, type TaskTypes, type TypedHandlerMap } from './schema-validation.js';
import type { MapRunUpdate } from './states/distributed-map/map-run-controls.js';

/** How an execution ended. `error`/`cause` are absent when AWS reports none. */
export type ExecutionResult<Output = unknown> =
  | { status: 'SUCCEEDED'; output: Output }
  | { status: 'FAILED' | 'TIMED_OUT' | 'ABORTED'; error?: string; cause?: string };

export interface StateMachineOptions<Tasks extends TaskTypes = {}> {
  /**
   * Local Task implementations, by state name or resource ARN. For a typed
   * machine (`StateMachine<In, Out, Tasks>`), by task name, each checked
   * against its request and response types.
   */
  handlers?: HandlerRegistry | TypedHandlerMap<Tasks>;
  /**
   * JSON Schemas of the input and output (the compiler's `<Name>.schema.json`,
   * or `{ input?, output? }`): `start()` checks the input before the first
   * state and the output after the last, failing the execution with
   * `Typestep.InputValidation` / `Typestep.OutputValidation`. A schema
   * document's `tasks` also lets handlers be keyed by task name.
   */
  schema?: MachineSchema;
  /** `false` turns the schema checks off (handlers keyed by task name still work). Default `true`. */
  validate?: boolean;
  /** The state machine's name (default `typestep`); surfaces in `$$.StateMachine` and ARNs. */
  name?: string;
  type?: 'STANDARD' | 'EXPRESS';
  /** Identity used for ARNs and the context object. */
  region?: string;
  account?: string;
  partition?: string;
  roleArn?: string;
  /**
   * Local state machines that `states:startExecution` tasks may start, by ARN
   * or by name (the last part of the ARN).
   */
  stateMachines?: Record<string, StateMachine<any, any, any>> | StateMachine<any, any, any>[];
  /**
   * Starts the child execution of a `states:startExecution` task instead of
   * `stateMachines`: for a host that keeps children as executions of its
   * own (listed, described, with their own history), as `typestep serve`
   * does. Returns undefined for a state machine it does not have (the task
   * fails with StepFunctions.StateMachineDoesNotExistException); a
   * `StatesError` it throws fails the task. On a resumed parent, `name` is
   * the name the child had, so the host can hand back that execution.
   *
   * @example
   * new StateMachine(definition, { startChildExecution: ({ stateMachineArn, input, name }) => host.startChild(stateMachineArn, input, name) });
   */
  startChildExecution?: (request: ChildExecutionRequest) => ChildExecution | undefined;
  /**
   * Fail the execution (States.Runtime) when its history reaches this many
   * events. Default: 25,000 for STANDARD machines, as on AWS; unlimited for
   * EXPRESS, which keeps no history on AWS.
   */
  maxHistoryEvents?: number;
  /**
   * Runs one test case of a Step Functions Local mock configuration: the
   * Task states it names answer with their mocked responses, the others call
   * their handlers. Checked here: an invalid file or an unknown test case
   * throws `MockConfigError`.
   */
  mocks?: MockOptions;
  /**
   * The S3 that a Distributed Map's ItemReader reads and its ResultWriter
   * writes: buckets as local folders (`{ root }`, `{ buckets }`) and/or
   * in-memory objects (`{ objects }`). Read results back with `machine.s3`.
   */
  s3?: LocalS3 | LocalS3Options;
  /**
   * Where this machine's callback (`.waitForTaskToken`) and activity tasks
   * wait for answers. Default: the process-wide `defaultTaskService`, which
   * the top-level `sendTaskSuccess`… functions answer.
   */
  taskService?: TaskService;
}

/** What a `states:startExecution` task asks `StateMachineOptions.startChildExecution` for. */
export interface ChildExecutionRequest {
  /** The task's `StateMachineArn` (a machine, version or alias ARN). */
  stateMachineArn: string;
  input: unknown;
  /** The task's `Name`, or on a resumed parent the name the child had; absent: the host picks one. */
  name?: string;
  parentExecutionArn: string;
  /** Epoch ms, on the parent's clock. */
  startTime: number;
}

/** A child execution as the parent's task follows it: its ARN, its machine's ARN, its result and history. */
export interface ChildExecution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly result: Promise<ExecutionResult>;
  readonly history: readonly HistoryEvent[];
}

export interface StartOptions<Tasks extends TaskTypes = {}> {
  /** Execution name (default: a generated one); surfaces in `$$.Execution.Name`. */
  name?: string;
  /** `virtual` (default): waits and backoffs take no real time. `real`: they do. */
  clock?: 'virtual' | 'real';
  /** The instant the execution starts on the virtual clock (default: now). */
  startTime?: Date | string | number;
  /**
   * Seeds jitter, `States.UUID`, `States.MathRandom`, `$random`, `$uuid` for a
   * replayable run. Default: a seed drawn from the execution's ARN and start
   * time, which a resumed execution reproduces.
   */
  seed?: number;
  /** Overrides the machine's handlers for this execution. */
  handlers?: HandlerRegistry | TypedHandlerMap<Tasks>;
  /** Overrides any part of the identity (ARNs, names) for this execution. */
  identity?: Partial<ExecutionIdentity>;
  /**
   * Fields laid over the context object (`$$`, `$states.context`) of every
   * state, as AWS's TestState `context` does: each top-level object given
   * (`Execution`, `State`, `Map`, …) is merged over the one the runtime
   * builds, field by field; any other value replaces it.
   *
   * @example
   * machine.start(input, { context: { Execution: { Name: 'order-42' }, Map: { Item: { Index: 3, Value: 'x' } } } });
   */
  context?: Record<string, unknown>;
  /** Runs this test case of a mock configuration instead of the machine's `mocks`. */
  mocks?: MockOptions;
  /**
   * Resumes an execution from its recorded events (ExecutionStarted first,
   * e.g. read back from a database after a crash). The new execution's
   * history starts with exactly those events and goes on from where they end;
   * its input and start time are the recorded ones (the `input` argument is
   * not used). Tasks the record answered are not called again; a task
   * started but not answered is called again (at least once); callback and
   * activity tasks keep their task tokens; Waits keep their deadlines. Give
   * the same `seed`, identity and handlers as the first run. A record the
   * machine does not reproduce rejects `result` with `ReplayMismatchError`.
   * Standard machines only.
   */
  resumeFrom?: readonly HistoryEvent[];
  /**
   * Redrives a FAILED, TIMED_OUT or ABORTED execution (its complete
   * history), as RedriveExecution does: the history goes on with
   * ExecutionRedriven, the states that did not succeed run again (a Map or
   * Parallel re-runs only its failed or unstarted iterations and branches),
   * successful ones keep their results, and `$$.Execution.RedriveCount`
   * counts the redrives; TimeoutSeconds counts from the redrive. On the
   * virtual clock, `startTime` is the redrive's time (default: now). Throws
   * `ReplayRefusedError` named `ExecutionNotRedrivable` for a running or
   * succeeded execution, an Express machine, one that ended more than 14 days
   * ago, started more than a year ago or reached the history limit.
   */
  redriveFrom?: readonly HistoryEvent[];
  /**
   * With `resumeFrom`: when each waiting task last got a SendTaskHeartbeat
   * before the restart, by task token (the record has no event for a
   * heartbeat). A resumed task with HeartbeatSeconds found here counts its
   * heartbeat deadline from that instant rather than from its last
   * recorded event; one whose deadline passed meanwhile times out at once.
   *
   * @example
   * machine.start(input, { resumeFrom: events, heartbeats: { [taskToken]: new Date('2026-01-01T10:00:30Z') } });
   */
  heartbeats?: Record<string, Date | string | number>;
  /**
   * Called with each new history event as it is written, synchronously,
   * from the first (ExecutionStarted) on; for a resumed or redriven
   * execution, only the events after the record. Made for persisting a
   * history event by event (what `resumeFrom` reads back): an event is
   * stored before the execution goes on.
   *
   * @example
   * machine.start(input, { name, onEvent: (event) => insertEvent.run(name, event.id, JSON.stringify(event)) });
   */
  onEvent?: (event: HistoryEvent) => void;
  /**
   * Called, synchronously, when a child execution of a Distributed Map's
   * Map Run starts (`RUNNING`) and when it ends (its history is not the
   * parent's: this is how a host keeps them, e.g. for ListExecutions with a
   * `mapRunArn`). A child still running when the Map Run is stopped by the
   * parent's end is not reported again. A resumed parent runs its Map Runs
   * again, so their children are reported again under the same ARNs.
   *
   * @example
   * machine.start(input, { onMapRunChild: (child) => children.set(child.executionArn, child) });
   */
  onMapRunChild?: (child: MapRunChild) => void;
}

/** A child execution of a Distributed Map's Map Run, as `StartOptions.onMapRunChild` reports it. */
export interface MapRunChild {
  mapRunArn: string;
  executionArn: string;
  name: string;
  /** The Map Run's own state machine: `…:stateMachine:<parent machine>/<label>`. */
  stateMachineArn: string;
  /** The item's (or batch's) index. */
  index: number;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  /** Epoch ms, on the execution's clock. */
  startDate: number;
  stopDate?: number;
}

/** Raised by `updateMapRun` for a Map Run that is not running in the execution. */
export class MapRunNotFoundError extends Error {
  constructor(readonly mapRunArn: string) {
    super(`No Map Run '${mapRunArn}' is running in this execution`);
    this.name = 'MapRunNotFoundError';
  }
}

/** Raised when a definition does not validate; `problems` lists every problem found. */
export class DefinitionError extends Error {
  constructor(readonly problems: ValidationProblem[]) {
    super(
      `Invalid state machine definition (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.location || '/'}: ${p.message} [${p.code}]`).join('\n'),
    );
    this.name = 'DefinitionError';
  }
}

let executionCounter = 0;

/** AWS's quota on a Standard execution's history. */
const STANDARD_HISTORY_LIMIT = 25_000;

/**
 * A state machine that runs locally with AWS's semantics. The definition is
 * validated and prepared once; each `start()` is an execution.
 *
 * @example
 * const machine = new StateMachine<{ n: number }, { doubled: number }>(definition, {
 *   handlers: { Double: ({ n }) => ({ doubled: n * 2 }) },
 * });
 * const execution = machine.start({ n: 21 });
 * const result = await execution.result; // { status: 'SUCCEEDED', output: { doubled: 42 } }
 */
export class StateMachine<Input = unknown, Output = unknown, Tasks extends TaskTypes = {}> {
  readonly definition: MachineDefinition;
  private readonly prepared: PreparedMachine;
  private readonly handlers: HandlerRegistry;
  private readonly mocks: TaskMocks | undefined;
  /**
   * The local S3 stand-in built from `options.s3`, shared by every execution.
   *
   * @example
   * const machine = new StateMachine(definition, { s3: { objects: { 'in/items.json': '[1, 2]' } } });
   * const { output } = (await machine.run({})) as { output: { ResultWriterDetails: { Bucket: string; Key: string } } };
   * const manifest = JSON.parse(machine.s3!.getObjectText(output.ResultWriterDetails.Bucket, output.ResultWriterDetails.Key)!);
   */
  readonly s3: LocalS3 | undefined;
  /** @internal The input/output checks, when `schema` is given and `validate` is not false. */
  readonly schemaChecks: SchemaChecks | undefined;

  constructor(
    definition: MachineDefinition | object | string,
    readonly options: StateMachineOptions<Tasks> = {},
  ) {
    // parseDefinitionText validates what it parses; an object is validated here.
    const { definition: parsed, problems } =
      typeof definition === 'string'
        ? parseDefinitionText(definition, { type: options.type })
        : { definition, problems: validateDefinition(definition, { type: options.type }) };
    if (problems.length > 0) throw new DefinitionError(problems);
    this.definition = parsed as MachineDefinition;
    this.prepared = prepareDefinition(this.definition);
    this.handlers = this.registryOf(options.handlers);
    this.schemaChecks = options.schema && options.validate !== false ? new SchemaChecks(options.schema) : undefined;
    this.mocks = options.mocks && selectTestCase(options.mocks, options.name);
    this.s3 = LocalS3.from(options.s3);
  }

  /** Starts an execution; see `Execution` for its result, history and `abort()`. */
  start(input: Input, options: StartOptions<Tasks> = {}): Execution<Output> {
    const handlers = options.handlers ? this.registryOf(options.handlers) : this.handlers;
    const mocks = options.mocks ? selectTestCase(options.mocks, options.identity?.stateMachineName ?? this.options.name) : this.mocks;
    return new Execution<Output>(this, this.prepared, input, options, this.identityFor(options), handlers, mocks);
  }

  /** This machine's ARN, as its executions see it. */
  get stateMachineArn(): string {
    return this.identityFor({ name: '' }).stateMachineArn;
  }

  /** A registered child machine, by ARN or by name. */
  findChild(arnOrName: string): StateMachine<any, any, any> | undefined {
    const children = this.options.stateMachines;
    if (!children) return undefined;
    const list = Array.isArray(children) ? children : Object.entries(children).map(([key, child]) => ({ key, child }));
    const name = arnOrName.split(':').pop();
    for (const entry of list) {
      const [key, child] = 'child' in entry ? [entry.key, entry.child] : [entry.stateMachineArn, entry];
      if (key === arnOrName || key === name || child.stateMachineArn === arnOrName || child.options.name === name) return child;
    }
    return undefined;
  }

  /** Starts an execution and waits for its result. */
  run(input: Input, options: StartOptions<Tasks> = {}): Promise<ExecutionResult<Output>> {
    return this.start(input, options).result;
  }

  /** Handlers keyed by a schema document's task names register under that task's resource and state name. */
  private registryOf(handlers: HandlerRegistry | TypedHandlerMap<Tasks> | undefined): HandlerRegistry {
    if (!handlers || handlers instanceof HandlerRegistry) return HandlerRegistry.from(handlers);
    return HandlerRegistry.from(handlersForTasks(handlers as HandlerMap, this.options.schema));
  }

  private identityFor(options: StartOptions<any>): ExecutionIdentity {
    const partition = this.options.partition ?? 'aws';
    const region = this.options.region ?? 'us-east-1';
    const account = this.options.account ?? '123456789012';
    const machineName = this.options.name ?? 'typestep';
    const executionName = options.name ?? `execution-${++executionCounter}`;
    const express = this.options.type === 'EXPRESS';
    return {
      partition,
      region,
      account,
      stateMachineName: machineName,
      stateMachineArn: `arn:${partition}:states:${region}:${account}:stateMachine:${machineName}`,
      executionName,
      executionArn: express
        ? `arn:${partition}:states:${region}:${account}:express:${machineName}:${executionName}:${executionName}`
        : `arn:${partition}:states:${region}:${account}:execution:${machineName}:${executionName}`,
      roleArn: this.options.roleArn ?? `arn:${partition}:iam::${account}:role/typestep-local`,
      ...options.identity,
    };
  }
}

/** The test case `mocks` selects; the machine is the one named by the options, else `machineName`. */
function selectTestCase(mocks: MockOptions, machineName: string | undefined): TaskMocks {
  return createTaskMocks(mocks.config, { stateMachineName: mocks.stateMachineName ?? machineName, testCase: mocks.testCase });
}

/** One run of a state machine. */
export class Execution<Output = unknown> {
  /**
   * Settles when the execution ends; never rejects for ASL failures. Rejects
   * with `ReplayMismatchError` when a resumed or redriven execution does not
   * reproduce its recorded events.
   */
  readonly result: Promise<ExecutionResult<Output>>;
  readonly executionArn: string;
  private readonly run: ExecutionRun;
  private readonly schemaChecks: SchemaChecks | undefined;

  constructor(
    machine: StateMachine<any, Output, any>,
    prepared: PreparedMachine,
    input: unknown,
    options: StartOptions<any>,
    identity: ExecutionIdentity,
    handlers: HandlerRegistry,
    mocks?: TaskMocks,
  ) {
    const machineType = machine.options.type ?? 'STANDARD';
    // `startTime` places the virtual clock; the real clock starts (or redrives) now.
    const requested = options.startTime === undefined || options.clock === 'real' ? Date.now() : new Date(options.startTime).getTime();
    const replay = planReplay(options, machine.definition, machineType, requested);
    const history = new History(replay?.events, replay?.matchable);
    if (options.onEvent) history.onEvent(options.onEvent);
    const clock = options.clock !== 'real' ? virtualClock : replay ? resumingClock(replayProgress(history)) : realClock;
    const startTime = replay ? replay.startTime : requested;
    if (replay) input = replay.input;
    const random = lazySeededRandom(() => options.seed ?? executionSeed(identity.executionArn, startTime));
    const timeout = machine.definition.TimeoutSeconds ?? (machine.options.type === 'EXPRESS' ? 300 : undefined);
    this.run = new ExecutionRun(identity, history, clock, handlers, random, startTime, input, timeout, machineType, replay?.redrive?.time);
    this.run.redrive = replay?.redrive;
    this.run.findStateMachine = (arnOrName) => machine.findChild(arnOrName);
    this.run.startChildExecution = machine.options.startChildExecution;
    this.run.mocks = mocks;
    this.run.s3 = machine.s3;
    this.run.contextOverride = options.context;
    this.run.onMapRunChild = options.onMapRunChild;
    if (options.heartbeats) {
      this.run.recordedHeartbeats = new Map(Object.entries(options.heartbeats).map(([token, at]) => [token, new Date(at).getTime()]));
    }
    this.run.tasks = registryOf(machine.options.taskService ?? defaultTaskService);
    this.run.maxHistoryEvents =
      machine.options.maxHistoryEvents ?? (machine.options.type === 'EXPRESS' ? Infinity : STANDARD_HISTORY_LIMIT);
    this.executionArn = identity.executionArn;
    this.schemaChecks = machine.schemaChecks;
    this.result = this.execute(prepared, input, startTime);
  }

  /**
   * `result` does not reject for an error of the interpreter itself: it ends
   * the execution as FAILED with States.Runtime, saying so. It rejects only
   * when a resumed or redriven execution does not reproduce its record.
   */
  private failInternally(internal: unknown): ExecutionResult<Output> {
    // A record that the machine does not reproduce is not the execution's failure: the resume itself failed.
    if (internal instanceof ReplayMismatchError) throw internal;
    const error = toStatesError(internal);
    const cause = `typestep could not run the execution (an interpreter error, not an ASL one): ${error.error}: ${error.cause ?? ''}`;
    const { history } = this.run;
    const last = history.at(history.length - 1)?.type ?? '';
    if (!/^Execution(Succeeded|Failed|TimedOut|Aborted)$/.test(last)) {
      const time = history.at(history.length - 1)?.timestamp.getTime() ?? Date.now();
      history.append('ExecutionFailed', history.lastId, time, { error: 'States.Runtime', cause });
    }
    return { status: 'FAILED', error: 'States.Runtime', cause };
  }

  /**
   * Every history event so far, in GetExecutionHistory's shape; for a resumed
   * or redriven execution, the recorded events first.
   */
  get history(): readonly HistoryEvent[] {
    return this.run.history.events;
  }

  /**
   * UpdateMapRun: changes a running Distributed Map run's MaxConcurrency and
   * failure tolerances. A raised concurrency starts more children at once
   * (on the virtual clock, as running ones end); the tolerances apply to
   * the failures from then on, counted from the run's start. Throws
   * `RangeError` for a value out of range and `MapRunNotFoundError` when
   * no such Map Run is running in this execution.
   *
   * @example
   * execution.updateMapRun(mapRunArn, { maxConcurrency: 50, toleratedFailurePercentage: 5 });
   */
  updateMapRun(mapRunArn: string, update: MapRunUpdate): void {
    const controls = this.run.mapRuns.get(mapRunArn);
    if (!controls) throw new MapRunNotFoundError(mapRunArn);
    controls.update(update);
  }

  /** Stops the execution: it ends with status ABORTED. */
  abort(): void {
    this.run.interrupt('ABORTED');
  }

  /** History events as they happen (past ones first), ending with the execution. */
  async *events(): AsyncGenerator<HistoryEvent> {
    let index = 0;
    let wake: (() => void) | undefined;
    let done = false;
    this.run.history.onEvent(() => wake?.());
    const end = () => {
      done = true;
      wake?.();
    };
    // A result that rejects (a replay mismatch) ends the stream too; reporting it is the result's.
    this.result.then(end, end);
    const { history } = this.run;
    for (;;) {
      while (index < history.length) yield history.at(index++)!;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }

  /**
   * Runs the execution to its end. An error of the interpreter itself is
   * caught here rather than by a `.catch()` on this promise: a promise
   * reaction per execution that closes over the execution kept each one
   * reachable through the young-generation collections, so every execution's
   * objects were promoted and many small executions ran several times slower.
   */
  private async execute(prepared: PreparedMachine, input: unknown, startTime: number): Promise<ExecutionResult<Output>> {
    try {
      const { run } = this;
      const { thread, inputProblem } = this.begin(input, startTime);
      let timer: NodeJS.Timeout | undefined;
      if (run.clock.kind === 'real' && Number.isFinite(run.deadline)) {
        timer = setTimeout(() => run.interrupt('TIMED_OUT'), run.deadline - Date.now());
      }
      try {
        if (inputProblem) throw nonJsonError('The execution input', inputProblem);
        if (exceedsPayloadLimit(input, PAYLOAD_LIMIT_BYTES, thread.inputSize)) {
          throw toStatesError({ error: 'States.DataLimitExceeded', cause: 'The execution input exceeds the maximum number of bytes service limit.' });
        }
        // Checked after ExecutionStarted, so a rejected input reads as AWS histories do: started, then failed.
        this.schemaChecks?.checkInput(input);
        let output = runMachine(thread, prepared, input);
        // A machine of Pass and Choice states ran synchronously: awaiting its output would cost a turn of the microtask queue.
        if (isPromise(output)) output = await output;
        this.schemaChecks?.checkOutput(output);
        run.history.append('ExecutionSucceeded', thread.lastEventId, run.clock.now(thread.now), {
          output,
          outputDetails: NOT_TRUNCATED,
        }, 'executionSucceededEventDetails');
        run.history.recorded?.checkComplete();
        return { status: 'SUCCEEDED', output: output as Output };
      } catch (thrown) {
        if (thrown instanceof ReplayMismatchError) throw thrown;
        if (run.interruptedBy instanceof ReplayMismatchError) throw run.interruptedBy;
        const result = this.recordEnding(thrown, thread);
        // An abort or timeout may stop a replay half way; a failure must have reproduced the whole record.
        if (!(thrown instanceof ExecutionInterrupted && thrown.status !== 'FAILED')) run.history.recorded?.checkComplete();
        return result;
      } finally {
        if (timer) clearTimeout(timer);
      }
    } catch (internal) {
      return this.failInternally(internal);
    }
  }

  /** The top-level thread, after the ExecutionStarted (and for a redrive, ExecutionRedriven) event. */
  private begin(input: unknown, startTime: number): { thread: Thread; inputProblem: string | undefined } {
    const { run } = this;
    const inputProblem = describeNonJson(input);
    const thread: Thread = {
      run,
      variables: new VariableScope(),
      now: startTime,
      lastEventId: 0,
      inputSize: inputProblem ? Infinity : payloadSizeBound(input),
      recordsHistory: true,
    };
    const { redrive } = run;
    if (redrive?.opens) {
      run.history.append('ExecutionRedriven', run.history.recorded!.events.length, redrive.time, { redriveCount: redrive.count });
    }
    // A value JSON cannot hold is not recorded: AWS could never have received it.
    const recordedInput = inputProblem && !inputProblem.startsWith('nesting') ? null : input;
    // At the start time itself: a resume reads its start time (the seed and task tokens derive from it) back from here.
    run.history.append('ExecutionStarted', 0, startTime, {
      input: recordedInput,
      inputDetails: NOT_TRUNCATED,
      roleArn: run.identity.roleArn,
    }, 'executionStartedEventDetails');
    return { thread, inputProblem };
  }

  /** Writes how a failed, timed-out or aborted execution ended, and returns its result. */
  private recordEnding(thrown: unknown, thread: Thread): ExecutionResult<Output> {
    const { run } = this;
    const time = run.clock.now(thread.now);
    if (thrown instanceof ExecutionInterrupted && thrown.status !== 'FAILED') {
      if (thrown.status === 'TIMED_OUT') {
        run.history.append('ExecutionTimedOut', run.history.lastId, Math.min(time, run.deadline), {});
        return { status: 'TIMED_OUT' };
      }
      run.history.append('ExecutionAborted', run.history.lastId, time, {});
      return { status: 'ABORTED' };
    }
    const error = thrown instanceof ExecutionInterrupted ? toStatesError(thrown.failure) : toStatesError(thrown);
    const details: Record<string, unknown> = {};
    if (error.error) details.error = error.error;
    if (error.cause !== undefined) details.cause = error.cause;
    run.history.append('ExecutionFailed', run.history.lastId, time, details);
    const result: ExecutionResult<Output> = { status: 'FAILED' };
    if (error.error) result.error = error.error;
    if (error.cause !== undefined) result.cause = error.cause;
    return result;
  }
}
