import { StatesError } from '../errors.js';
import { copyJson } from '../json-copy.js';
import { describeNonJson, nonJsonError } from '../json-value.js';
import { toStatesError } from '../execution/error-handling.js';
import { ExecutionInterrupted, type ExecutionRun } from '../execution/execution-run.js';
import { recordEvent } from '../execution/thread.js';
import { afterTurn } from '../execution/turns.js';
import { raceIdleDeadline } from './idle-deadlines.js';
import { DEFAULT_TASK_TIMEOUT_SECONDS } from './waiting-task.js';
import type { TaskCall } from './task-call.js';
import { runActivity } from './activities.js';
import { waitForTaskToken } from './callbacks.js';
import { completeJob, Job } from './jobs.js';
import { startChildExecution } from './child-executions.js';
import { handlerInput, shapeError, shapeResult } from './service-shapes.js';
import { recordedNext, recordedOutcome, recordedPayload } from './recorded-outcome.js';
import { seededRandom } from '../random.js';

/**
 * Runs a Task's resource and returns its result (what ResultSelector sees),
 * writing the Task* history events around it. A registered mock answers
 * first; then the handler, through the integration's semantics.
 */
export function invokeTask(call: TaskCall): unknown | Promise<unknown> {
  const { thread, resource, stateName } = call;
  const { run } = thread;
  // The legacy bare Lambda ARN writes LambdaFunction* events, without resource fields.
  const legacy = resource.pattern === 'lambda-function';
  const fail = (thrown: unknown): never => {
    const error = toStatesError(thrown);
    const timedOut = error.error === 'States.Timeout';
    if (legacy) {
      recordEvent(thread, timedOut ? 'LambdaFunctionTimedOut' : 'LambdaFunctionFailed', { error: error.error, cause: error.cause });
    } else {
      const details = { resourceType: resource.resourceType, resource: resource.resourceName, error: error.error, cause: error.cause };
      recordEvent(thread, timedOut ? 'TaskTimedOut' : 'TaskFailed', details);
    }
    throw error;
  };
  // What a handler, job or mock hands back crosses AWS's JSON boundary; what JSON cannot hold fails the task.
  const asJson = (value: unknown): unknown => {
    const problem = describeNonJson(value);
    if (problem) throw nonJsonError(`The result of Task state '${stateName}' (from its handler, job or mock)`, problem);
    return copyJson(value);
  };
  const succeed = (value: unknown): unknown => {
    let output: unknown;
    try {
      output = asJson(value);
    } catch (error) {
      return fail(error);
    }
    recordEvent(
      thread,
      legacy ? 'LambdaFunctionSucceeded' : 'TaskSucceeded',
      legacy
        ? { output, outputDetails: { truncated: false } }
        : { resourceType: resource.resourceType, resource: resource.resourceName, output, outputDetails: { truncated: false } },
    );
    return output;
  };

  // `.sync` resources run a job: the handler's Job (or plain result, for a job that is done at once).
  const settle = (value: unknown): unknown => {
    if (value instanceof Job && resource.pattern !== 'waitForTaskToken') return completeJob(call, value, succeed, fail);
    let sent: unknown;
    try {
      sent = asJson(value);
    } catch (error) {
      return fail(error);
    }
    // `.waitForTaskToken`: the request was sent; the task now waits for its callback.
    if (resource.pattern === 'waitForTaskToken') return waitForTaskToken(call, shapeResult(resource, sent, responseRandom(run)));
    if (resource.pattern === 'sync' || resource.pattern === 'sync:2') {
      return completeJob(call, new Job({ output: sent }), succeed, fail);
    }
    return succeed(shapeResult(resource, sent, responseRandom(run)));
  };
  // An error's name is what ErrorEquals matches: one that is not a string cannot be matched, and fails the task as the service's own error.
  const handlerError = (thrown: unknown): StatesError => {
    const name = thrown instanceof Error ? (thrown as { name: unknown }).name : undefined;
    if (thrown instanceof Error && typeof name !== 'string') {
      return new StatesError(
        'States.Runtime',
        `The handler of Task state '${stateName}' threw an error whose name is not a string (${typeof name}); give errors a string name, as Error subclasses do.`,
      );
    }
    return shapeError(resource, toStatesError(thrown));
  };

  let mocked: { output: unknown } | undefined;
  try {
    mocked = run.mocks?.respond(call);
  } catch (thrown) {
    recordStarted(call);
    return fail(thrown);
  }
  if (mocked) {
    // A mock is the service's response itself: no envelope is added.
    recordStarted(call);
    return succeed(mocked.output);
  }

  if (resource.service === 'states' && resource.action === 'startExecution' && !resource.sdk) {
    return startChildExecution(call, succeed, fail);
  }
  if (resource.pattern === 'activity') return runActivity(call);

  const handler = run.handlers.find(stateName, resource.arn) ?? findFunctionHandler(call);
  if (!handler) {
    // A callback needs no handler: the request is accepted as sent, and the answer comes with the token.
    if (resource.pattern === 'waitForTaskToken') {
      recordStarted(call);
      const replayed = replayRecordedCall(call, succeed, fail);
      return replayed === NOT_RECORDED ? settle({}) : replayed;
    }
    return fail(
      new StatesError(
        'States.TaskFailed',
        `No handler is registered for Task state '${stateName}' (resource '${resource.arn}'). Register one by state name or by resource ARN.`,
      ),
    );
  }
  recordStarted(call);
  const replayed = replayRecordedCall(call, succeed, fail);
  if (replayed !== NOT_RECORDED) return replayed;

  const limitMs = call.timeoutSeconds === undefined ? undefined : call.timeoutSeconds * 1000;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  run.abort.signal.addEventListener('abort', onAbort, { once: true });
  const cleanup = () => run.abort.signal.removeEventListener('abort', onAbort);

  let elapsedMs = 0;
  const sleep = (seconds: number): Promise<void> => {
    const ms = Math.max(0, seconds * 1000);
    if (run.clock.kind === 'virtual') {
      elapsedMs += ms;
      return Promise.resolve();
    }
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
  // On the virtual clock the task's duration is what it slept; past TimeoutSeconds it timed out.
  // A handler that never answers times out at its TimeoutSeconds (AWS's default when none) once the process is idle.
  let neverAnswered = false;
  const idleLimitMs = limitMs ?? DEFAULT_TASK_TIMEOUT_SECONDS * 1000;
  const settleTime = (): void => {
    if (run.clock.kind !== 'virtual') return;
    if (neverAnswered || (limitMs !== undefined && elapsedMs > limitMs)) {
      thread.now += neverAnswered ? idleLimitMs : limitMs!;
      throw new StatesError('States.Timeout', undefined);
    }
    thread.now += elapsedMs;
  };
  const expireWhenIdle = (pending: Promise<unknown>): Promise<unknown> => {
    const startedAt = thread.now;
    return raceIdleDeadline(
      pending,
      () => Math.min(startedAt + idleLimitMs, run.deadline),
      () => {
        if (startedAt + idleLimitMs < run.deadline) {
          neverAnswered = true;
          return new StatesError('States.Timeout', undefined);
        }
        thread.now = run.deadline;
        return new ExecutionInterrupted('TIMED_OUT');
      },
    );
  };
  const finish = (settle: () => unknown): unknown => {
    cleanup();
    try {
      settleTime();
    } catch (timedOut) {
      return fail(timedOut);
    }
    run.checkRunning(thread.now);
    // The call took its time: other branches and iterations run before its result is taken.
    return afterTurn(thread, settle);
  };

  let pending: unknown;
  try {
    // Handlers get and return copies, as across AWS's serialization boundary: user code
    // can neither change recorded payloads nor hand back values that change later.
    pending = handler(copyJson(handlerInput(resource, call.parameters)), {
      stateName,
      resource: resource.arn,
      context: call.visit.context(),
      signal: controller.signal,
      sleep,
    });
  } catch (thrown) {
    return finish(() => fail(handlerError(thrown)));
  }
  if (!(pending instanceof Promise)) return finish(() => settle(pending));

  const guarded =
    run.clock.kind === 'virtual'
      ? expireWhenIdle(pending)
      : limitMs !== undefined
      ? Promise.race([
          pending,
          new Promise((_, reject) => {
            const timer = setTimeout(() => reject(new StatesError('States.Timeout', undefined)), limitMs);
            controller.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
            pending.finally(() => clearTimeout(timer)).catch(() => undefined);
          }),
        ])
      : pending;
  return guarded.then(
    (value) => finish(() => settle(value)),
    (thrown) => {
      controller.abort();
      if (thrown instanceof ExecutionInterrupted) {
        cleanup();
        throw thrown;
      }
      return finish(() => fail(handlerError(thrown)));
    },
  );
}

/**
 * The random source of one service response (the ids AWS puts in it): one
 * draw from the execution's, however many ids the response needs, so that a
 * replay that takes the response from the record draws the same.
 */
function responseRandom(run: ExecutionRun): () => number {
  return seededRandom(Math.floor(run.random() * 0x1_0000_0000));
}

const NOT_RECORDED = Symbol('not recorded');

/**
 * A handler call whose answer the record of a resumed execution holds: the
 * handler is not called again. Its recorded outcome (or, for a callback, its
 * recorded TaskSubmitted) is taken at its recorded time, after the turn the
 * call took. A call the record has not answered is made again (at least once).
 */
function replayRecordedCall(
  call: TaskCall,
  succeed: (value: unknown) => unknown,
  fail: (thrown: unknown) => never,
): unknown | Promise<unknown> | typeof NOT_RECORDED {
  const { thread, resource } = call;
  const { run } = thread;
  const next = recordedNext(thread);
  if (!next) return NOT_RECORDED;
  const shaped = resource.pattern !== 'sync' && resource.pattern !== 'sync:2';
  if (next.type === 'TaskSubmitted' && resource.pattern === 'waitForTaskToken') {
    responseRandom(run);
    thread.now = next.timestamp.getTime();
    return afterTurn(thread, () => waitForTaskToken(call, recordedPayload(next, 'output')));
  }
  const recorded = recordedOutcome(thread, next);
  if (!recorded) return NOT_RECORDED;
  const { outcome } = recorded;
  if (outcome.kind === 'succeeded' && shaped && resource.pattern !== 'waitForTaskToken') responseRandom(run);
  thread.now = recorded.time;
  // A timeout is recorded at once, as the call's own deadline ends it.
  if (outcome.kind === 'timed-out') return fail(outcome.error);
  run.checkRunning(thread.now);
  return afterTurn(thread, () => (outcome.kind === 'succeeded' ? succeed(outcome.output) : fail(outcome.error)));
}

/** `lambda:invoke` names its function in the request: a handler registered for that function ARN or name answers. */
function findFunctionHandler(call: TaskCall) {
  const { resource, parameters, thread } = call;
  if (resource.service !== 'lambda' || resource.sdk || resource.action !== 'invoke') return undefined;
  const name = (parameters as { FunctionName?: unknown } | null)?.FunctionName;
  return typeof name === 'string' ? thread.run.handlers.find(call.stateName, name) : undefined;
}

function recordStarted(call: TaskCall): void {
  const { thread, resource } = call;
  if (resource.pattern === 'lambda-function') recordEvent(thread, 'LambdaFunctionStarted');
  else recordEvent(thread, 'TaskStarted', { resourceType: resource.resourceType, resource: resource.resourceName });
}
