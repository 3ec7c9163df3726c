import { randomUUID } from 'node:crypto';
import type { HandlerMap, HandlerRegistry, LocalS3, LocalS3Options, TaskService } from '@typestep/runtime';
import { loadRuntime } from '../native/runtime.js';
import type { CallOptions } from '../declarations/options.js';
import { TASK_DESCRIPTION, type Task, type TaskDescription } from '../declarations/task.js';
import { RealClock, VirtualClock, type NativeClock } from '../native/clock.js';
import { invokeNative, type NestedAttempt } from '../native/invoke-task.js';
import { NATIVE_IDENTITY, runInFrame, type NativeExecution } from '../native/native-frame.js';
import { copyJson } from '../native/service-results.js';
import { asFailure } from './error-failure.js';
import { definitionSite } from './definition-site.js';
import { WorkflowError } from './workflow-error.js';

/**
 * Options of {@link workflow}, as the compiled state machine carries them.
 *
 * @example
 * const options: WorkflowOptions = { comment: 'Charges and ships an order', timeoutSeconds: 3600, type: 'STANDARD' };
 */
export interface WorkflowOptions {
  /** The definition's `Comment`. */
  comment?: string;
  /** The definition's `TimeoutSeconds` (not enforced natively). */
  timeoutSeconds?: number;
  /** Default `STANDARD`. */
  type?: 'STANDARD' | 'EXPRESS';
  /** What another workflow starts when it calls this one. Default `'${<Name>StateMachineArn}'`. */
  stateMachineArn?: string;
}

/**
 * Options of a native run ({@link Workflow.run}).
 *
 * @example
 * await processOrder.run(order, { handlers: { '${ChargeFunctionArn}': () => ({ chargeId: 'ch_1' }) }, startTime: '2025-01-01T00:00:00Z' });
 */
export interface RunOptions {
  /** Task handlers, exactly as the runtime takes them: by state name (the `name` option) or by resource ARN / `${Placeholder}`. */
  handlers?: HandlerRegistry | HandlerMap;
  /** `virtual` (default): sleeps, retry delays and task time pass at once. `real`: they actually wait. */
  clock?: 'virtual' | 'real';
  /** Where callback and activity tasks wait for answers. Default: the runtime's `defaultTaskService`. */
  taskService?: TaskService;
  /** The instant the execution starts on the virtual clock. Default: now. */
  startTime?: Date | string | number;
  /** `$states.context.Execution.Name`. Default: a random UUID. */
  executionName?: string;
  /** The local S3 stand-in (as the runtime's `StateMachine` option) that `map(s3Items(…))` reads. */
  s3?: LocalS3 | LocalS3Options;
}

/**
 * A workflow: compiled, a state machine; natively, an async function run by
 * {@link Workflow.run}. Called inside another workflow's body it is a nested
 * execution (`arn:aws:states:::states:startExecution.sync:2`) whose result is
 * the child's output.
 *
 * @example
 * const output = await processOrder.run(order, { handlers });
 * // inside another workflow: const summary = await processOrder(order);
 */
export type Workflow<In, Out> = Task<In, Out> & {
  /** The state machine's name (also the compiled file's name). */
  readonly workflowName: string;
  /** The module that declared it, from the call's stack frame (what `@typestep/testing` compiles); undefined if unknown. */
  readonly sourceFile: string | undefined;
  readonly options: Readonly<WorkflowOptions>;
  /**
   * Runs the body natively with the runtime's handlers. Resolves with the
   * output (a JSON copy, as the execution's output would be); rejects with a
   * `WorkflowError` when the execution would fail (its `name` and `message`
   * are the execution's error and cause).
   *
   * @example
   * const { chargeId } = await processOrder.run(order, { handlers: { '${ChargeFunctionArn}': () => ({ chargeId: 'ch_1' }) } });
   */
  run(input: In, options?: RunOptions): Promise<Out>;
};

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * Declares a workflow. `name` is the state machine's name; `body` is an async
 * function of the execution input (one parameter, or none) whose return value
 * is the output. Inside it, call tasks, `sleep`, `map`, other workflows, and
 * use `try`/`catch`, `if`, loops as in any async function; the compiler reads
 * the body and lowers it to ASL.
 *
 * @example
 * export const processOrder = workflow('ProcessOrder', async (order: Order) => {
 *   const { chargeId } = await chargeCard({ orderId: order.id, amount: order.total });
 *   if (order.total > 1000) await sleep(60);
 *   return { chargeId, items: order.items.length };
 * });
 */
export function workflow<In = void, Out = unknown>(name: string, body: (input: In) => Promise<Out>, options: WorkflowOptions = {}): Workflow<In, Out> {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new TypeError(`workflow(): the name must be 1 to 80 letters, digits, '-' or '_' (a state machine name), not ${JSON.stringify(name)}`);
  }
  if (typeof body !== 'function') throw new TypeError(`workflow('${name}'): the body must be an async function`);
  const settings: Readonly<WorkflowOptions> = Object.freeze({ ...options });
  const stateMachineArn = settings.stateMachineArn ?? `\${${name}StateMachineArn}`;
  const description: TaskDescription = Object.freeze({
    kind: 'workflow',
    resource: 'arn:aws:states:::states:startExecution.sync:2',
    pattern: 'sync:2',
    workflowName: name,
    stateMachineArn,
    retry: [],
  });

  const nested: NestedAttempt = async (frame, input) => {
    const parent = frame.execution;
    const execution = createExecution(name, input, { clock: parent.clock, handlers: parent.handlers, taskService: parent.taskService, s3: parent.s3 });
    try {
      return await execute(body, execution, input);
    } catch (thrown) {
      if (!(thrown instanceof WorkflowError)) throw thrown;
      // As `startExecution.sync:2` reports a child that failed: States.TaskFailed with DescribeExecution's answer as cause.
      const failed: Record<string, unknown> = {
        ExecutionArn: execution.executionArn,
        Input: copyJson(input),
        InputDetails: { Included: true },
        Name: execution.executionName,
        RedriveCount: 0,
        RedriveStatus: 'NOT_REDRIVABLE',
        StartDate: execution.startTime,
        StateMachineArn: execution.stateMachineArn,
        Status: 'FAILED',
        StopDate: parent.clock.now(),
      };
      failed.Error = thrown.name;
      if (thrown.cause !== undefined) failed.Cause = thrown.cause;
      throw new WorkflowError('States.TaskFailed', JSON.stringify(failed));
    }
  };

  const call = (input: In, callOptions?: CallOptions): Promise<Out> => invokeNative(description, input, callOptions, nested) as Promise<Out>;
  Object.defineProperty(call, TASK_DESCRIPTION, { value: description, enumerable: false });
  Object.defineProperty(call, 'workflowName', { value: name, enumerable: true });
  Object.defineProperty(call, 'sourceFile', { value: definitionSite(new Error().stack), enumerable: false });
  Object.defineProperty(call, 'options', { value: settings, enumerable: true });
  Object.defineProperty(call, 'run', {
    enumerable: true,
    value: async (input: In, runOptions: RunOptions = {}): Promise<Out> => {
      const { defaultTaskService, HandlerRegistry, LocalS3 } = await loadRuntime();
      const startTime = runOptions.startTime === undefined ? Date.now() : new Date(runOptions.startTime).getTime();
      if (Number.isNaN(startTime)) throw new TypeError(`run(): startTime is not a valid date: ${String(runOptions.startTime)}`);
      const clock: NativeClock = runOptions.clock === 'real' ? new RealClock() : new VirtualClock(startTime);
      const execution = createExecution(name, input, {
        clock,
        handlers: HandlerRegistry.from(runOptions.handlers),
        taskService: runOptions.taskService ?? defaultTaskService,
        executionName: runOptions.executionName,
        s3: runOptions.s3 === undefined ? undefined : LocalS3.from(runOptions.s3),
      });
      return execute(body, execution, input);
    },
  });
  return call as unknown as Workflow<In, Out>;
}

/** A new execution of workflow `name`, starting now on `clock`. */
function createExecution(
  name: string,
  input: unknown,
  shared: { clock: NativeClock; handlers: HandlerRegistry; taskService: TaskService; executionName?: string; s3?: LocalS3 },
): NativeExecution {
  const { partition, region, account } = NATIVE_IDENTITY;
  const executionName = shared.executionName ?? randomUUID();
  return {
    ...shared,
    executionName,
    executionArn: `arn:${partition}:states:${region}:${account}:execution:${name}:${executionName}`,
    startTime: shared.clock.now(),
    input: copyJson(input),
    stateMachineArn: `arn:${partition}:states:${region}:${account}:stateMachine:${name}`,
    stateMachineName: name,
    roleArn: `arn:${partition}:iam::${account}:role/typestep-local`,
  };
}

/** Runs the body in its own frame: the input and the output cross a JSON boundary, as an execution's do. */
async function execute<In, Out>(body: (input: In) => Promise<Out>, execution: NativeExecution, input: unknown): Promise<Out> {
  let output: Out;
  try {
    output = await runInFrame({ execution }, () => body(copyJson(input) as In));
  } catch (thrown) {
    throw asFailure(thrown);
  }
  return copyJson(output) as Out;
}
