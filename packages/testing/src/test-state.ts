import { matchesError, prepareRetrier, retryDelayMs, StateMachine, type HandlerMap, type RetrierDefinition, type HistoryEvent, type MockOptions } from '@typestep/runtime';
import { exceedsToleratedFailures, thresholdExceededMock, withItemReaderData } from './map-test-state.js';

/** How one state ended, in the terms of AWS's TestState API. */
export interface StateTestResult {
  /** `RETRIABLE`: it failed with an error one of its retriers would retry; `CAUGHT_ERROR`: a catcher took it. */
  status: 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';
  output?: unknown;
  error?: string;
  cause?: string;
  /** The state it would go to next (a `Next`, a Choice's branch, a catcher's `Next`); absent after an end. */
  nextState?: string;
  /** The variables it assigned. */
  variables?: Record<string, unknown>;
  /**
   * Which retrier or catcher took the error, as TestState's
   * `inspectionData.errorDetails`: `retryIndex` and the backoff before the
   * next attempt for `RETRIABLE`, `catchIndex` for `CAUGHT_ERROR`.
   */
  errorDetails?: { retryIndex?: number; retryBackoffIntervalSeconds?: number; catchIndex?: number };
  /**
   * The data-flow steps of a JSONPath Task state that succeeded, as
   * TestState's `inspectionData` names them: the input after InputPath, the
   * request after Parameters, the service's `result`, then after
   * ResultSelector and after ResultPath (before OutputPath).
   */
  dataFlow?: { afterInputPath: unknown; afterParameters: unknown; result: unknown; afterResultSelector: unknown; afterResultPath: unknown };
  /**
   * For a JSONata Task state that succeeded, as TestState's `inspectionData`
   * names them: the request after Arguments and the service's `result`.
   */
  jsonataDataFlow?: { afterArguments: unknown; result: unknown };
}

export interface StateTestOptions {
  input?: unknown;
  /** Handlers of a Task state, by state name (`'State'` is the state's name here unless `name` says otherwise) or resource. */
  handlers?: HandlerMap;
  /** Variables in scope before the state runs (TestState's `variables`). */
  variables?: Record<string, unknown>;
  /** `JSONPath` (default, as in a definition without `QueryLanguage`) or `JSONata`. */
  queryLanguage?: 'JSONPath' | 'JSONata';
  /** The state's name. Default `State`. */
  name?: string;
  /**
   * A Step Functions Local mock configuration test case whose responses
   * answer the state as the service would (the whole response, as TestState's
   * `mock.result`, not a handler's result inside an integration's envelope).
   */
  mocks?: MockOptions;
  /**
   * Fields laid over the state's context object (`$$`, `$states.context`),
   * as TestState's `context`: e.g. `{ Execution: { Name: 'run-1' }, Map: { Item: { Index: 0, Value: 'a' } } }`.
   */
  context?: Record<string, unknown>;
  /**
   * How many times the retrier that matches the error has already retried
   * (TestState's `stateConfiguration.retrierRetryCount`, default 0): the
   * error is `RETRIABLE` only while this is below the retrier's
   * `MaxAttempts`, and the backoff reported is the one after that many retries.
   */
  retrierRetryCount?: number;
  /**
   * For a Map or Parallel state: the state inside it that raised the mocked
   * error (TestState's `stateConfiguration.errorCausedByState`). The Map or
   * Parallel is not run; it fails with the error of `mocks` (which must
   * throw) and its Retry and Catch handle it.
   */
  errorCausedByState?: string;
  /**
   * For a Map state: how many of its iterations to take as failed
   * (TestState's `stateConfiguration.mapIterationFailureCount`). The Map runs
   * its items; when this many failures exceed its ToleratedFailureCount /
   * ToleratedFailurePercentage (literal numbers) it fails with
   * `States.ExceedToleratedFailureThreshold`, which its Retry and Catch handle.
   */
  mapIterationFailureCount?: number;
  /**
   * For a Distributed Map with an ItemReader: the text its ItemReader would
   * read from S3 (TestState's `stateConfiguration.mapItemReaderData`), read
   * with the reader's ReaderConfig (e.g. `'[1,2,3]'` for InputType JSON, CSV text for CSV).
   */
  mapItemReaderData?: string;
}

/**
 * Runs one state on its own, as AWS's TestState API does: the state's input,
 * output, error and next state, without the rest of the machine. Like
 * TestState it makes one attempt: an error a retrier would retry ends as
 * `RETRIABLE`, not as a retry.
 *
 * @example
 * const result = await testState({ Type: 'Choice', Choices: [{ Condition: '{% $states.input.total > 100 %}', Next: 'Review' }], Default: 'Ship' },
 *   { input: { total: 120 }, queryLanguage: 'JSONata' });
 * result.nextState // 'Review'
 */
export async function testState(state: Record<string, unknown>, options: StateTestOptions = {}): Promise<StateTestResult> {
  const name = options.name ?? 'State';
  const language = options.queryLanguage ?? 'JSONPath';
  const { Retry: retriers, ...single } = state as { Retry?: RetrierDefinition[] } & Record<string, unknown>;
  let tested = single;
  let objects: Record<string, string> | undefined;
  if (options.mapItemReaderData !== undefined) {
    const read = withItemReaderData(single, options.mapItemReaderData, (single.QueryLanguage as 'JSONPath' | 'JSONata' | undefined) ?? language);
    if ('problem' in read) throw new StateTestConfigError(read.problem);
    ({ state: tested, objects } = read);
  }
  const run = async (own: Record<string, unknown>, mocks: MockOptions | undefined) => {
    const states: Record<string, unknown> = { [name]: own };
    for (const target of targetsOf(single)) states[target] ??= { Type: 'Succeed' };
    let startAt = name;
    if (options.variables && Object.keys(options.variables).length > 0) {
      startAt = '__typestep_variables';
      states[startAt] = { Type: 'Pass', QueryLanguage: 'JSONata', Assign: literalAssign(options.variables), Output: '{% $states.input %}', Next: name };
    }
    const definition = { QueryLanguage: language, StartAt: startAt, States: states };
    const s3 = objects ? { objects } : undefined;
    const execution = new StateMachine(definition, { handlers: options.handlers, mocks, s3 }).start(options.input ?? {}, { context: options.context });
    return { result: await execution.result, history: [...execution.history] as HistoryEvent[] };
  };
  let { result, history } = await run(options.errorCausedByState === undefined ? tested : failingStandIn(tested, options.errorCausedByState), options.mocks);
  if (options.mapIterationFailureCount !== undefined) {
    if (single.Type !== 'Map') throw new StateTestConfigError(`mapIterationFailureCount is for a Map state, not a ${String(single.Type)} state`);
    // The item count is what the Map's items (after ItemBatcher) came to in this run.
    const started = history.find((event) => event.type === 'MapStateStarted')?.mapStateStartedEventDetails as { length?: number } | undefined;
    const exceeded = exceedsToleratedFailures(single, options.mapIterationFailureCount, started?.length ?? 0);
    if (typeof exceeded === 'object') throw new StateTestConfigError(exceeded.problem);
    if (exceeded) ({ result, history } = await run(standInFor(single), thresholdExceededMock(name)));
  }
  const entered = history.filter((event) => event.type.endsWith('StateEntered')).map((event) => (event.stateEnteredEventDetails as { name: string }).name);
  const nextState = entered[entered.indexOf(name) + 1];
  const exited = history.find((event) => event.type.endsWith('StateExited') && (event.stateExitedEventDetails as { name: string }).name === name);
  const details = exited?.stateExitedEventDetails as { output?: string; assignedVariables?: Record<string, string> } | undefined;
  const variables = details?.assignedVariables ? Object.fromEntries(Object.entries(details.assignedVariables).map(([key, text]) => [key, JSON.parse(text)])) : undefined;
  const output = details?.output === undefined ? undefined : JSON.parse(details.output);
  const retryCount = options.retrierRetryCount ?? 0;
  if (result.status !== 'SUCCEEDED') {
    const error = String(result.error);
    const retry = retryOf(retriers, error, retryCount);
    return { status: retry ? 'RETRIABLE' : 'FAILED', error, cause: result.cause, ...(retry ? { errorDetails: retry } : {}) };
  }
  const failed = history.find((event) => /Failed$|TimedOut$/.test(event.type) && !event.type.startsWith('Execution'));
  if (failed && nextState !== undefined) {
    const caught = failed[Object.keys(failed).find((key) => key.endsWith('EventDetails'))!] as { error?: string; cause?: string } | undefined;
    const retry = retryOf(retriers, caught?.error ?? '', retryCount);
    if (retry) return { status: 'RETRIABLE', error: caught?.error, cause: caught?.cause, errorDetails: retry };
    const catchIndex = ((single.Catch as Array<{ ErrorEquals: string[] }> | undefined) ?? []).findIndex((catcher) => matchesError(catcher.ErrorEquals, caught?.error ?? ''));
    return { status: 'CAUGHT_ERROR', output, error: caught?.error, cause: caught?.cause, nextState, ...(variables ? { variables } : {}), errorDetails: { catchIndex } };
  }
  const stateLanguage = (single.QueryLanguage as string | undefined) ?? language;
  const dataFlow = single.Type === 'Task' && stateLanguage === 'JSONPath' ? await taskDataFlow(single, options.input ?? {}, history, name, options.context) : undefined;
  const jsonataDataFlow = single.Type === 'Task' && stateLanguage === 'JSONata' ? taskArguments(history) : undefined;
  return {
    status: 'SUCCEEDED',
    output,
    ...(nextState !== undefined ? { nextState } : {}),
    ...(variables ? { variables } : {}),
    ...(dataFlow ? { dataFlow } : {}),
    ...(jsonataDataFlow ? { jsonataDataFlow } : {}),
  };
}

/** A JSONata Task's request after Arguments and its result, as its TaskScheduled and TaskSucceeded events recorded them. */
function taskArguments(history: HistoryEvent[]): StateTestResult['jsonataDataFlow'] {
  const call = taskCall(history);
  return call && { afterArguments: call.request, result: call.result };
}

/** The request a Task sent and the result it got, as its TaskScheduled and TaskSucceeded events recorded them. */
function taskCall(history: HistoryEvent[]): { request: unknown; result: unknown } | undefined {
  const scheduled = history.find((event) => event.type === 'TaskScheduled')?.taskScheduledEventDetails as { parameters?: string } | undefined;
  const succeeded = history.find((event) => event.type === 'TaskSucceeded')?.taskSucceededEventDetails as { output?: string } | undefined;
  if (scheduled?.parameters === undefined || succeeded?.output === undefined) return undefined;
  return { request: JSON.parse(scheduled.parameters), result: JSON.parse(succeeded.output) };
}

/**
 * A JSONPath Task's data-flow steps: the request and the result as its
 * history recorded them (TaskScheduled, TaskSucceeded), the paths between
 * evaluated on their own by Pass states (InputPath, ResultSelector and
 * ResultPath see only their input and the context object, never a random draw).
 */
async function taskDataFlow(
  state: Record<string, unknown>,
  input: unknown,
  history: HistoryEvent[],
  name: string,
  context: Record<string, unknown> | undefined,
): Promise<StateTestResult['dataFlow']> {
  const call = taskCall(history);
  if (!call) return undefined;
  const result = call.result;
  const pass = async (fields: Record<string, unknown>, data: unknown) => {
    // Named as the state and given its context, so that `$$` reads as it did.
    const run = await new StateMachine({ StartAt: name, States: { [name]: { Type: 'Pass', ...fields, End: true } } }).start(data, { context }).result;
    if (run.status !== 'SUCCEEDED') throw new StateTestConfigError(`${run.error}: ${run.cause}`);
    return run.output;
  };
  try {
    const afterInputPath = 'InputPath' in state ? await pass({ InputPath: state.InputPath }, input) : input;
    const afterResultSelector = state.ResultSelector === undefined ? result : await pass({ Parameters: state.ResultSelector }, result);
    const afterResultPath = 'ResultPath' in state ? await pass({ Result: afterResultSelector, ResultPath: state.ResultPath }, input) : afterResultSelector;
    return { afterInputPath, afterParameters: call.request, result, afterResultSelector, afterResultPath };
  } catch {
    // A path that only the whole state evaluates (one reading $$.Task.Token, say): the steps are left out rather than guessed.
    return undefined;
  }
}

/**
 * Raised when `testState`'s options do not fit the state, e.g.
 * `errorCausedByState` naming no state inside the Map.
 *
 * @example
 * await testState({ Type: 'Pass', End: true }, { errorCausedByState: 'X' }).catch((error) => error instanceof StateTestConfigError); // true
 */
export class StateTestConfigError extends Error {
  override name = 'StateTestConfigError';
}

/**
 * The retry an error gets after `retryCount` retries: as on AWS only the
 * first retrier whose ErrorEquals matches applies, and it retries while it
 * has attempts left. The backoff is the full one (FULL jitter draws below it).
 */
function retryOf(retriers: RetrierDefinition[] | undefined, error: string, retryCount: number): { retryIndex: number; retryBackoffIntervalSeconds: number } | undefined {
  const retryIndex = (retriers ?? []).findIndex((retrier) => matchesError(retrier.ErrorEquals, error));
  if (retryIndex < 0) return undefined;
  const retrier = prepareRetrier(retriers![retryIndex]!);
  if (retryCount >= retrier.maxAttempts) return undefined;
  return { retryIndex, retryBackoffIntervalSeconds: retryDelayMs({ ...retrier, jitter: false }, retryCount + 1, () => 1) / 1000 };
}

/**
 * A Map or Parallel state reduced to what handles an error raised inside it:
 * a Task of the same name (the mock answers it with the error) keeping the
 * state's Catch, ResultPath and Next. `inner` must name a state inside it.
 */
function failingStandIn(state: Record<string, unknown>, inner: string): Record<string, unknown> {
  if (state.Type !== 'Map' && state.Type !== 'Parallel') {
    throw new StateTestConfigError(`errorCausedByState is for a Map or Parallel state, not a ${String(state.Type)} state`);
  }
  if (!innerStateNames(state).has(inner)) throw new StateTestConfigError(`errorCausedByState names '${inner}', which is not a state inside the ${state.Type} state`);
  return standInFor(state);
}

/** A Task of the same name keeping a Map's or Parallel's error handling, for a mock to fail. */
function standInFor(state: Record<string, unknown>): Record<string, unknown> {
  const kept = ['Catch', 'ResultPath', 'Next', 'End', 'QueryLanguage', 'Comment'];
  return { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ...Object.fromEntries(kept.filter((key) => key in state).map((key) => [key, state[key]])) };
}

/** The names of every state inside a Map's processor or a Parallel's branches, at any depth. */
function innerStateNames(state: Record<string, unknown>, names = new Set<string>()): Set<string> {
  const machines = [state.ItemProcessor, state.Iterator, ...((state.Branches as unknown[] | undefined) ?? [])] as Array<{ States?: Record<string, Record<string, unknown>> } | undefined>;
  for (const machine of machines) {
    for (const [key, inner] of Object.entries(machine?.States ?? {})) {
      names.add(key);
      innerStateNames(inner, names);
    }
  }
  return names;
}

/** Every state a state can go to. */
function targetsOf(state: Record<string, unknown>): string[] {
  const targets = new Set<string>();
  if (typeof state.Next === 'string') targets.add(state.Next);
  if (typeof state.Default === 'string') targets.add(state.Default);
  for (const choice of (state.Choices as Array<{ Next?: string }> | undefined) ?? []) if (choice.Next) targets.add(choice.Next);
  for (const catcher of (state.Catch as Array<{ Next?: string }> | undefined) ?? []) if (catcher.Next) targets.add(catcher.Next);
  return [...targets];
}

/** An Assign block that sets each variable to its value as it is (JSONata: strings quoted inside `{% %}`). */
function literalAssign(variables: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, `{% ${JSON.stringify(value)} %}`]));
}
