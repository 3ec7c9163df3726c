import { matchesError, StateMachine, type HandlerMap, type HistoryEvent, type MockOptions } from '@typestep/runtime';

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
  const { Retry: retriers, ...single } = state as { Retry?: Array<{ ErrorEquals: string[]; MaxAttempts?: number }> } & Record<string, unknown>;
  const states: Record<string, unknown> = { [name]: single };
  for (const target of targetsOf(single)) states[target] ??= { Type: 'Succeed' };
  let startAt = name;
  if (options.variables && Object.keys(options.variables).length > 0) {
    startAt = '__typestep_variables';
    states[startAt] = { Type: 'Pass', QueryLanguage: 'JSONata', Assign: literalAssign(options.variables), Output: '{% $states.input %}', Next: name };
  }
  const definition = { QueryLanguage: options.queryLanguage ?? 'JSONPath', StartAt: startAt, States: states };
  const execution = new StateMachine(definition, { handlers: options.handlers, mocks: options.mocks }).start(options.input ?? {});
  const result = await execution.result;
  const history: HistoryEvent[] = [...execution.history];
  const entered = history.filter((event) => event.type.endsWith('StateEntered')).map((event) => (event.stateEnteredEventDetails as { name: string }).name);
  const own = entered.indexOf(name);
  const nextState = entered[own + 1];
  const exited = history.find((event) => event.type.endsWith('StateExited') && (event.stateExitedEventDetails as { name: string }).name === name);
  const details = exited?.stateExitedEventDetails as { output?: string; assignedVariables?: Record<string, string> } | undefined;
  const variables = details?.assignedVariables ? Object.fromEntries(Object.entries(details.assignedVariables).map(([key, text]) => [key, JSON.parse(text)])) : undefined;
  const output = details?.output === undefined ? undefined : JSON.parse(details.output);
  if (result.status !== 'SUCCEEDED') {
    const error = String(result.error);
    const retriable = retriers?.some((retrier) => (retrier.MaxAttempts ?? 3) > 0 && matchesError(retrier.ErrorEquals, error));
    return { status: retriable ? 'RETRIABLE' : 'FAILED', error, cause: result.cause };
  }
  const failed = history.find((event) => /Failed$|TimedOut$/.test(event.type) && !event.type.startsWith('Execution'));
  if (failed && nextState !== undefined) {
    const caught = failed[Object.keys(failed).find((key) => key.endsWith('EventDetails'))!] as { error?: string; cause?: string } | undefined;
    const retriable = retriers?.some((retrier) => (retrier.MaxAttempts ?? 3) > 0 && matchesError(retrier.ErrorEquals, caught?.error ?? ''));
    if (retriable) return { status: 'RETRIABLE', error: caught?.error, cause: caught?.cause };
    return { status: 'CAUGHT_ERROR', output, error: caught?.error, cause: caught?.cause, nextState, ...(variables ? { variables } : {}) };
  }
  return { status: 'SUCCEEDED', output, ...(nextState !== undefined ? { nextState } : {}), ...(variables ? { variables } : {}) };
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
