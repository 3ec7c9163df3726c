import { StatesError } from '../errors.js';
import { errorOutputOf, isRetriable, matchesError, retryDelayMs, toStatesError } from './error-handling.js';
import { ExecutionInterrupted } from './execution-run.js';
import { checkedPayloadSize, PAYLOAD_LIMIT_BYTES, payloadSizeBound } from './payload-limit.js';
import { isPromise, type PreparedMachine, type PreparedState, type StateResult } from './prepared.js';
import { NOT_TRUNCATED, stateDetails } from './history.js';
import { recordEvent, recordStateEvent, type StateVisit, type Thread } from './thread.js';
import { afterTurn } from './turns.js';

/**
 * Runs a (nested) machine on a thread from its StartAt to the end, returning
 * its output. Stays synchronous for as long as the states do: a chain of Pass
 * and Choice states never allocates a promise.
 */
export function runMachine(thread: Thread, machine: PreparedMachine, input: unknown): unknown | Promise<unknown> {
  return runFrom(thread, machine.startAt, input);
}

function runFrom(thread: Thread, first: PreparedState, input: unknown): unknown | Promise<unknown> {
  let state = first;
  let data = input;
  for (;;) {
    const result = runState(thread, state, data);
    if (isPromise(result)) {
      return result.then((settled) => (settled.next ? runFrom(thread, settled.next, settled.output) : settled.output));
    }
    if (!result.next) return result.output;
    state = result.next;
    data = result.output;
  }
}

/** Event type names per state type, built once rather than per event. */
const STATE_EVENTS = Object.fromEntries(
  ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'].map((type) => [
    type,
    { entered: `${type}StateEntered`, exited: `${type}StateExited` },
  ]),
) as Record<PreparedState['type'], { entered: string; exited: string }>;

/** Enters, executes (with Retry and Catch) and exits one state. */
export function runState(thread: Thread, state: PreparedState, input: unknown): StateResult | Promise<StateResult> {
  const { run } = thread;
  run.checkRunning(thread.now);
  const events = STATE_EVENTS[state.type];
  const enteredEventId = recordStateEvent(thread, events.entered, 'stateEnteredEventDetails', state.name, input);
  return attempt(thread, state, input, makeVisit(thread, state, enteredEventId, 0), undefined);
}

function makeVisit(thread: Thread, state: PreparedState, enteredEventId: number, retryCount: number): StateVisit {
  return new Visit(thread, state, enteredEventId, thread.now, retryCount);
}

/** A state visit: one object per state entered (a class, not an object literal with a closure, which would be two). */
class Visit implements StateVisit {
  taskToken: string | undefined = undefined;
  private built: Record<string, unknown> | undefined;

  constructor(
    private readonly thread: Thread,
    private readonly state: PreparedState,
    readonly enteredEventId: number,
    readonly enteredTime: number,
    readonly retryCount: number,
  ) {}

  context(): Record<string, unknown> {
    if (this.built) return this.built;
    const { thread, state, enteredEventId, enteredTime, retryCount } = this;
    let context: Record<string, unknown> = {
      Execution: thread.executionContext ?? thread.run.executionContextAt(enteredEventId),
      State: stateContext(thread, state, enteredTime, retryCount),
      StateMachine: thread.stateMachineContext ?? thread.run.stateMachineContext,
    };
    // `$$.Task.Token`: set by a `.waitForTaskToken` Task before its Parameters/Arguments are evaluated.
    if (this.taskToken !== undefined) context.Task = { Token: this.taskToken };
    if (thread.mapItem) context.Map = { Item: thread.mapItem };
    if (thread.run.contextOverride) context = overlaid(context, thread.run.contextOverride);
    return (this.built = context);
  }
}

/** The context object with the given fields laid over it: objects merged one level deep, other values replacing. */
function overlaid(context: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const result = { ...context };
  for (const [key, value] of Object.entries(over)) {
    const built = result[key];
    const bothObjects = isPlainObject(built) && isPlainObject(value);
    result[key] = bothObjects ? { ...built, ...value } : value;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `$$.State`: AWS adds `RetryCount` only for states that can retry (Task, Parallel, Map). */
function stateContext(thread: Thread, state: PreparedState, enteredTime: number, retryCount: number): Record<string, unknown> {
  const context: Record<string, unknown> = {
    EnteredTime: new Date(thread.run.clock.now(enteredTime)).toISOString(),
    Name: state.name,
  };
  if (state.type === 'Task' || state.type === 'Parallel' || state.type === 'Map') context.RetryCount = retryCount;
  return context;
}

/**
 * Executes the state, retrying as its Retry says. Retries that need no real
 * waiting loop here rather than recurse: a Retry with a huge MaxAttempts runs
 * until the history quota ends it, without growing the stack.
 */
function attempt(
  thread: Thread,
  state: PreparedState,
  input: unknown,
  visit: StateVisit,
  attempts: number[] | undefined,
): StateResult | Promise<StateResult> {
  for (;;) {
    let result: StateResult | Promise<StateResult>;
    try {
      result = state.execute(thread, input, visit);
    } catch (thrown) {
      attempts ??= new Array(state.retriers.length).fill(0);
      const recovered = recover(thread, state, input, visit, attempts, thrown);
      if (recovered instanceof RetryVisit) {
        visit = recovered.visit;
        continue;
      }
      return isPromise(recovered) ? recovered.then((settled) => retryOrResult(thread, state, input, settled, attempts!)) : recovered;
    }
    if (isPromise(result)) {
      return result.then(
        (settled) => exitState(thread, state, input, settled),
        (thrown) => {
          attempts ??= new Array(state.retriers.length).fill(0);
          return retryOrResult(thread, state, input, recover(thread, state, input, visit, attempts, thrown), attempts);
        },
      );
    }
    return exitState(thread, state, input, result);
  }
}

/** The next attempt of a retry that had to wait for real, or the state's result. */
function retryOrResult(
  thread: Thread,
  state: PreparedState,
  input: unknown,
  recovered: StateResult | RetryVisit | Promise<StateResult | RetryVisit>,
  attempts: number[],
): StateResult | Promise<StateResult> {
  if (isPromise(recovered)) return recovered.then((settled) => retryOrResult(thread, state, input, settled, attempts));
  return recovered instanceof RetryVisit ? attempt(thread, state, input, recovered.visit, attempts) : recovered;
}

/** What `recover` answers when a retrier matched and its delay has passed: try again as this visit. */
class RetryVisit {
  constructor(readonly visit: StateVisit) {}
}

function exitState(thread: Thread, state: PreparedState, input: unknown, result: StateResult): StateResult {
  // A state that passes its input through cannot have grown it; only new payloads are measured.
  if (result.output !== input) {
    const size = checkedPayloadSize(result.output, result.sizeBound ?? boundOfOutput(state, result.output));
    if (size > PAYLOAD_LIMIT_BYTES) {
      throw new StatesError(
        'States.DataLimitExceeded',
        `The state/task '${state.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
      );
    }
    thread.inputSize = size;
  }
  if (state.type !== 'Fail') {
    const type = STATE_EVENTS[state.type].exited;
    // AWS leaves the fields out when Assign set nothing (`"Assign": {}`).
    if (result.assigned && hasKeys(result.assigned)) {
      const details = stateDetails('stateExitedEventDetails', state.name, result.output);
      details.assignedVariables = result.assigned;
      details.assignedVariablesDetails = NOT_TRUNCATED;
      recordEvent(thread, type, details, thread.lastEventId, 'stateExitedEventDetails');
    } else {
      recordStateEvent(thread, type, 'stateExitedEventDetails', state.name, result.output);
    }
  }
  return result;
}

/** The output's size bound; an output built too deep to measure (by an intrinsic or JSONata) exceeds the limits. */
function boundOfOutput(state: PreparedState, output: unknown): number {
  try {
    return payloadSizeBound(output);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new StatesError('States.DataLimitExceeded', `The state/task '${state.name}' returned a result nested too deeply to measure.`);
  }
}

function recover(
  thread: Thread,
  state: PreparedState,
  input: unknown,
  visit: StateVisit,
  attempts: number[],
  thrown: unknown,
): StateResult | RetryVisit | Promise<StateResult | RetryVisit> {
  if (thrown instanceof ExecutionInterrupted) throw thrown;
  const raised = toStatesError(thrown);
  const error = scopeError(raised, state, visit);
  if (raised.scoped && raised.error === 'States.QueryEvaluationError') recordEvaluationFailed(thread, state, visit, raised, error);

  if (isRetriable(error)) {
    const index = state.retriers.findIndex((retrier) => matchesError(retrier.errorEquals, error.error, error.alias));
    if (index >= 0) {
      const retrier = state.retriers[index]!;
      if (attempts[index]! < retrier.maxAttempts) {
        attempts[index]!++;
        const delay = retryDelayMs(retrier, attempts[index]!, thread.run.random);
        return sleepThen(thread, delay, () => new RetryVisit(makeVisit(thread, state, visit.enteredEventId, visit.retryCount + 1)));
      }
    }
  }

  // Map and Parallel report a failure they will not retry; States.Runtime ends the execution at once.
  const failedEvent = FAILED_EVENTS[state.type];
  if (failedEvent && error.error !== 'States.Runtime') recordEvent(thread, failedEvent);

  if (error.error !== 'States.Runtime') {
    for (const catcher of state.catchers) {
      if (!matchesError(catcher.errorEquals, error.error, error.alias)) continue;
      const caught = catcher.handle(thread, input, errorOutputOf(error), visit);
      return isPromise(caught)
        ? caught.then((settled) => exitState(thread, state, input, settled))
        : exitState(thread, state, input, caught);
    }
  }
  throw error;
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

const FAILED_EVENTS: Partial<Record<PreparedState['type'], string>> = { Map: 'MapStateFailed', Parallel: 'ParallelStateFailed' };

/**
 * EvaluationFailed, for a JSONata evaluation error. AWS points it at the event
 * before the StateEntered (the evaluation is part of entering), except for
 * Wait, whose Seconds/Timestamp it evaluates after entering.
 */
function recordEvaluationFailed(thread: Thread, state: PreparedState, visit: StateVisit, raised: StatesError, error: StatesError): void {
  const details: Record<string, unknown> = { error: error.error, cause: error.cause };
  if (raised.location !== undefined) details.location = raised.location;
  details.state = state.name;
  const previous = state.type === 'Wait' ? visit.enteredEventId : thread.run.history.previousEventIdOf(visit.enteredEventId);
  recordEvent(thread, 'EvaluationFailed', details, previous);
}

/** Adds AWS's "An error occurred while executing the state…" sentence to errors the service raises itself. */
function scopeError(error: StatesError, state: PreparedState, visit: StateVisit): StatesError {
  if (!error.scoped) return error;
  const prefix = `An error occurred while executing the state '${state.name}' (entered at the event id #${visit.enteredEventId}). `;
  return new StatesError(error.error, prefix + (error.cause ?? ''));
}

/** AWS's maximum execution duration, one year (counted as 366 days, so any calendar year fits); past it the execution times out. */
const MAX_EXECUTION_MS = 366 * 24 * 3600 * 1000;

/** Lets `ms` pass on the thread (at once on the virtual clock), respecting the execution deadline. */
export function sleepThen<T>(thread: Thread, ms: number, then: () => T | Promise<T>): T | Promise<T> {
  const { run } = thread;
  const wakeAt = run.clock.now(thread.now) + ms;
  // A Standard execution runs at most a year on AWS; an exponential backoff can reach past any date.
  const deadline = Math.min(run.deadline, run.startTime + MAX_EXECUTION_MS);
  if (wakeAt >= deadline) {
    // The execution times out before the wait ends.
    const slept = run.clock.sleep(thread.now, deadline - run.clock.now(thread.now), run.abort.signal);
    const fail = (now: number): never => {
      thread.now = Math.max(thread.now, now);
      run.checkRunning(deadline);
      throw new ExecutionInterrupted('TIMED_OUT');
    };
    return isPromise(slept) ? slept.then(fail) : fail(slept);
  }
  const slept = run.clock.sleep(thread.now, ms, run.abort.signal);
  if (isPromise(slept)) {
    return slept.then((now) => {
      thread.now = now;
      run.checkRunning(thread.now);
      return then();
    });
  }
  thread.now = slept;
  // A branch or iteration lets the others run until its wait is over.
  return afterTurn(thread, then);
}
