import { isDeepStrictEqual } from 'node:util';
import type { CompiledWorkflow } from '@typestep/compiler';
import { WorkflowError, type Task, type Workflow } from '@typestep/dsl';
import { handlersForTasks, LocalS3, StateMachine, TaskService, type HistoryEvent, type LocalS3Options, type MachineSchema, type MockOptions } from '@typestep/runtime';
import { compiledModule, machineNamed, sourceFileOf } from './compiled-source.js';
import { answerActivities } from './activities.js';
import { WaitingTasks, type CallbackHandle } from './callbacks.js';
import type { TaskMock } from './mocks.js';
import { recordingHandlers, type TaskCall } from './task-calls.js';
import { comparableOutcome, TestRun, type Outcome, type SourceLocation } from './test-run.js';

/** The keys of a module's exports that are tasks (not workflows): what a handlers object is keyed by. */
type TaskKeys<Module> = {
  [K in keyof Module]: Module[K] extends Workflow<any, any> ? never : Module[K] extends Task<any, any> ? K : never;
}[keyof Module];

/** A callback task's request is what its token function returns. */
type RequestOf<In> = In extends (token: string) => infer Request ? Request : In;

/**
 * Handlers for a workflow module's tasks, keyed by the tasks' export names and
 * typed by their requests and responses.
 *
 * @example
 * import * as orders from './workflow.js';
 * const handlers: HandlersOf<typeof orders> = { chargeCard: ({ amount }) => ({ chargeId: 'ch-1', approved: amount < 100 }) };
 */
export type HandlersOf<Module> = {
  [K in TaskKeys<Module>]?: Module[K] extends Task<infer In, infer Out> ? TaskMock<RequestOf<In>, In extends (token: string) => unknown ? unknown : Out> : never;
};

/** A hand-written or exported ASL definition to test (compiled mode only). */
export interface AslMachine {
  definition: string | object;
  /** The compiler's `<Name>.schema.json`: checks input and output, and lets handlers be keyed by task name. */
  schema?: MachineSchema;
  name?: string;
}

export type TestMode = 'native' | 'compiled' | 'both';

export interface TestOptions<Input, Module = Record<string, unknown>> {
  input: Input;
  /** One handlers object for every mode: keyed by task name (the export's name), or by state name / ARN. */
  handlers?: HandlersOf<Module> | Record<string, TaskMock | undefined>;
  /** The workflow's module (`import * as orders from './workflow.js'`), only to type `handlers` by its tasks. */
  tasks?: Module;
  /** `'both'` (default for a TypeScript workflow): runs it natively and compiled and fails if they disagree. */
  mode?: TestMode;
  /** The module that declares the workflow, when its stack frame does not tell (a `.js` build). */
  source?: string | URL;
  /** The virtual time the run starts at. Default: now. */
  startTime?: Date | string | number;
  /** Step Functions Local mock configuration (compiled runs only). */
  mocks?: MockOptions;
  /** The local S3 that `map(s3Items(…))` reads, in every mode (the runtime's `{ root }`, `{ buckets }` or `{ objects }`). */
  s3?: LocalS3 | LocalS3Options;
}

/** A run still going: answer its callbacks, then await `result`. */
export interface RunningTest<Output> {
  /**
   * Waits until a callback task (by task key, state name or resource) is
   * waiting for its token, in every run of the mode, and returns a handle to
   * answer it in all of them.
   */
  callback(task: string): Promise<CallbackHandle>;
  readonly result: Promise<TestRun<Output>>;
}

/**
 * Runs a workflow in a test and resolves with a `TestRun` to assert on.
 * Mode `'both'` runs the TypeScript natively and its compiled ASL in the
 * local runtime, with the same handlers, and throws when they end
 * differently (status, output, error or cause).
 *
 * @example
 * const run = await testWorkflow(processOrder, { input: order, handlers: { chargeCard: mock.succeed({ chargeId: 'ch-1', approved: true }) } });
 * assert.is(run.status, 'SUCCEEDED');
 */
export function testWorkflow<Input, Output, Module = Record<string, unknown>>(
  workflow: Workflow<Input, Output> | AslMachine,
  options: TestOptions<Input, Module>,
): Promise<TestRun<Output>> {
  return startWorkflow(workflow, options).result;
}

/**
 * Starts a workflow in a test without waiting for it: for callbacks the test
 * answers itself.
 *
 * @example
 * const running = startWorkflow(approveExpense, { input: expense, handlers });
 * await (await running.callback('askManager')).succeed({ approved: true });
 * const run = await running.result;
 */
export function startWorkflow<Input, Output, Module = Record<string, unknown>>(
  workflow: Workflow<Input, Output> | AslMachine,
  options: TestOptions<Input, Module>,
): RunningTest<Output> {
  const isTypeScript = typeof workflow === 'function';
  const mode = options.mode ?? (isTypeScript ? 'both' : 'compiled');
  if (!isTypeScript && mode !== 'compiled') throw new Error(`testWorkflow: an ASL definition runs in mode 'compiled' only, not '${mode}'`);
  const waiting = new WaitingTasks(mode === 'both' ? 2 : 1);
  const result = (async () => {
    const target = isTypeScript ? await compiledTarget(workflow as Workflow<any, any> & { sourceFile?: string }, options.source) : aslTarget(workflow as AslMachine);
    waiting.tasks = target.schema?.tasks;
    const startTime = new Date(options.startTime ?? Date.now());
    const handlers = (options.handlers ?? {}) as Record<string, TaskMock | undefined>;
    const nativeCalls: TaskCall[] = [];
    const compiledCalls: TaskCall[] = [];
    // One S3 for both runs: what a native run writes the compiled run would see too, as on AWS.
    const s3 = LocalS3.from(options.s3);
    const native =
      mode === 'compiled' ? undefined : runNatively(workflow as Workflow<any, any>, options.input, handlers, withSiblingTasks(target), startTime, waiting, nativeCalls, s3);
    const compiled = mode === 'native' ? undefined : runCompiled(target, options, handlers, startTime, waiting, compiledCalls, s3);
    const [nativeOutcome, compiledRun] = await Promise.all([native, compiled]);
    if (!compiledRun) return new TestRun<Output>(nativeOutcome! as Outcome<Output>, nativeCalls, undefined, undefined, target.name);
    const run = new TestRun<Output>(compiledRun.outcome as Outcome<Output>, compiledCalls, compiledRun.machine, nativeOutcome as Outcome<Output> | undefined, target.name);
    if (nativeOutcome && !isDeepStrictEqual(comparableOutcome(nativeOutcome), comparableOutcome(compiledRun.outcome))) {
      throw new Error(
        `testWorkflow: ${target.name} ends differently natively and compiled\n  native:   ${JSON.stringify(nativeOutcome)}\n  compiled: ${JSON.stringify(compiledRun.outcome)}` +
          (run.failure ? `\n${run.failure}` : ''),
      );
    }
    return run;
  })();
  // A run that fails before its callbacks are awaited must not leave callback() waiting forever.
  result.catch((error: unknown) => waiting.abandon(error));
  return { callback: (task) => waiting.next(task), result };
}

interface Target {
  name: string;
  definition: string | object;
  schema: MachineSchema | undefined;
  sourceMap: Record<string, SourceLocation>;
  /** The other workflows of the module: nested executions start them. */
  siblings: CompiledWorkflow[];
}

async function compiledTarget(workflow: Workflow<any, any> & { sourceFile?: string }, source: string | URL | undefined): Promise<Target> {
  const file = sourceFileOf(workflow, source);
  const workflows = await compiledModule(file);
  const machine = machineNamed(workflows, workflow.workflowName, file);
  return {
    name: machine.name,
    definition: machine.definition,
    schema: machine.schema as unknown as MachineSchema,
    sourceMap: machine.sourceMap,
    siblings: workflows.filter((other) => other !== machine),
  };
}

/**
 * The target's schema with the tasks of the module's other workflows added: a native run
 * finds every handler through one map, also those of the tasks only a nested workflow calls
 * (compiled, each child machine maps its own).
 */
function withSiblingTasks(target: Target): MachineSchema | undefined {
  if (!target.schema || target.siblings.length === 0) return target.schema;
  const tasks = Object.assign({}, ...target.siblings.map((other) => (other.schema as unknown as MachineSchema | undefined)?.tasks ?? {}), target.schema.tasks);
  return { ...target.schema, tasks };
}

function aslTarget(machine: AslMachine): Target {
  return { name: machine.name ?? 'workflow', definition: machine.definition, schema: machine.schema, sourceMap: {}, siblings: [] };
}

async function runNatively(
  workflow: Workflow<any, any>,
  input: unknown,
  handlers: Record<string, TaskMock | undefined>,
  schema: MachineSchema | undefined,
  startTime: Date,
  waiting: WaitingTasks,
  calls: TaskCall[],
  s3: LocalS3 | undefined,
): Promise<Outcome> {
  const taskService = new TaskService();
  waiting.watch(taskService);
  const recorded = handlersForTasks(recordingHandlers(withCallbackSenders(handlers, schema), calls), schema);
  answerActivities(taskService, recorded);
  try {
    const output = await workflow.run(input, { handlers: recorded, taskService, startTime, s3 });
    return { status: 'SUCCEEDED', output: output === undefined ? null : output };
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error;
    return { status: 'FAILED', error: error.name, cause: error.cause };
  }
}

async function runCompiled(
  target: Target,
  options: TestOptions<unknown, unknown>,
  handlers: Record<string, TaskMock | undefined>,
  startTime: Date,
  waiting: WaitingTasks,
  calls: TaskCall[],
  s3: LocalS3 | undefined,
): Promise<{ outcome: Outcome; machine: { history: HistoryEvent[]; sourceMap: Record<string, SourceLocation> } }> {
  const taskService = new TaskService();
  waiting.watch(taskService);
  const recorded = recordingHandlers(withCallbackSenders(handlers, target.schema), calls);
  answerActivities(taskService, handlersForTasks(recorded, target.schema));
  const children = Object.fromEntries(
    target.siblings.map((other) => [
      `\${${other.name}StateMachineArn}`,
      new StateMachine(other.definition, { name: other.name, schema: other.schema as unknown as MachineSchema, validate: false, handlers: recorded, taskService, s3 }),
    ]),
  );
  const machine = new StateMachine(target.definition, { name: target.name, schema: target.schema, handlers: recorded, taskService, stateMachines: children, mocks: options.mocks, s3 });
  const execution = machine.start(options.input, { startTime });
  const result = await execution.result;
  const outcome: Outcome =
    result.status === 'SUCCEEDED' ? { status: 'SUCCEEDED', output: result.output ?? null } : { status: result.status, error: String(result.error), cause: result.cause };
  return { outcome, machine: { history: [...execution.history], sourceMap: target.sourceMap } };
}

/** A callback task with no handler still sends its request: it is answered from the test (`callback(task)`). */
function withCallbackSenders(handlers: Record<string, TaskMock | undefined>, schema: MachineSchema | undefined): Record<string, TaskMock | undefined> {
  const all = { ...handlers };
  for (const [key, task] of Object.entries(schema?.tasks ?? {})) {
    if ((task as { kind?: string }).kind === 'callback' && !all[key]) all[key] = () => ({});
  }
  return all;
}
