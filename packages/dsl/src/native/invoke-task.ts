import type { Job, TaskContext, TaskHandler } from '@typestep/runtime';
import { runtime } from './runtime.js';
import type { CallOptions } from '../declarations/options.js';
import { retryList } from '../declarations/options.js';
import type { TaskDescription } from '../declarations/task.js';
import { WorkflowError } from '../workflow/workflow-error.js';
import { currentFrame, type NativeFrame } from './native-frame.js';
import { RetryPlan } from './retry.js';
import { contextObject, type AttemptFacts } from './task-context.js';
import { copyJson, handlerResult } from './service-results.js';
import { toWorkflowError } from './task-errors.js';
import { attemptActivity, attemptCallback, errorAliases, type AttemptLimits } from './waiting-tasks.js';

/** Runs a nested workflow for one attempt (supplied by `workflow()`, which owns the body). */
export type NestedAttempt = (frame: NativeFrame, input: unknown, facts: AttemptFacts) => Promise<unknown>;

/**
 * A task call in a natively running workflow: the task's retriers around
 * attempts, each answered as the runtime would answer the compiled Task
 * state — by a handler, a callback's answer, an activity worker or a nested
 * workflow. Failures reach the body as `WorkflowError`s named as the
 * compiled workflow's `catch` would see them.
 */
export async function invokeNative(description: TaskDescription, input: unknown, callOptions: CallOptions | undefined, nested?: NestedAttempt): Promise<unknown> {
  const frame = currentFrame(`The task ${labelOf(description, callOptions?.name ?? description.name)}`);
  const stateName = callOptions?.name ?? description.name ?? '';
  const limits: AttemptLimits = {
    timeoutSeconds: callOptions?.timeoutSeconds ?? description.timeoutSeconds,
    heartbeatSeconds: callOptions?.heartbeatSeconds ?? description.heartbeatSeconds,
  };
  const plan = new RetryPlan(callOptions?.retry !== undefined ? retryList(callOptions.retry) : description.retry);
  const { clock } = frame.execution;
  for (;;) {
    const facts: AttemptFacts = { stateName, enteredTime: clock.now(), retryCount: plan.retryCount };
    try {
      return await attempt(frame, description, input, facts, limits, nested);
    } catch (thrown) {
      // Only ASL errors are retried; anything else is a bug in the workflow code and propagates as it is.
      if (!(thrown instanceof WorkflowError)) throw thrown;
      const delay = plan.next(thrown.name, errorAliases.get(thrown));
      if (delay === undefined) throw thrown;
      await clock.sleep(delay);
      currentFrame(`The task ${labelOf(description, stateName)}`);
    }
  }
}

function attempt(frame: NativeFrame, description: TaskDescription, input: unknown, facts: AttemptFacts, limits: AttemptLimits, nested?: NestedAttempt): Promise<unknown> {
  switch (description.kind) {
    case 'workflow':
      return nested!(frame, input, facts);
    case 'activity':
      return attemptActivity(frame, description, input, facts, limits);
    case 'callback':
      return attemptCallback(frame, description, input, facts, limits, (request) => findHandler(frame, description, facts.stateName, request));
    default:
      return attemptHandler(frame, description, input, facts, limits);
  }
}

/**
 * The handler for a task, found as the runtime finds it: by state name
 * (the `name` option), then by resource; for `lambda:invoke` also by the
 * function ARN or placeholder (the runtime matches `FunctionName`).
 */
function findHandler(frame: NativeFrame, description: TaskDescription, stateName: string, request?: unknown): TaskHandler | undefined {
  const { handlers } = frame.execution;
  const found = handlers.find(stateName, description.resource);
  if (found) return found;
  if (description.kind === 'lambda' && description.invoke === 'envelope') return handlers.find(stateName, description.functionArn!);
  if (description.kind === 'callback' && description.service === 'lambda' && description.action === 'invoke') {
    const name = (request as { FunctionName?: unknown } | null)?.FunctionName;
    if (typeof name === 'string') return handlers.find(stateName, name);
  }
  return undefined;
}

/** One attempt answered by a handler, with TimeoutSeconds as the runtime applies it. */
async function attemptHandler(frame: NativeFrame, description: TaskDescription, input: unknown, facts: AttemptFacts, limits: AttemptLimits): Promise<unknown> {
  const { clock } = frame.execution;
  const handler = findHandler(frame, description, facts.stateName);
  if (!handler) {
    const lambdaKey = description.kind === 'lambda' && description.invoke === 'envelope' ? ` or the function '${description.functionArn}'` : '';
    throw new WorkflowError(
      'States.TaskFailed',
      `No handler is registered for task ${labelOf(description, facts.stateName || undefined)} (resource '${description.resource}'). ` +
        `Register one by the task's name option, by its resource ARN${lambdaKey}.`,
    );
  }
  const limitMs = limits.timeoutSeconds === undefined ? undefined : limits.timeoutSeconds * 1000;
  const controller = new AbortController();
  // On the virtual clock a handler's sleep is counted, not waited: past TimeoutSeconds the task timed out.
  let elapsedMs = 0;
  const context: TaskContext = {
    stateName: facts.stateName,
    resource: description.resource,
    context: contextObject(frame, facts),
    signal: controller.signal,
    sleep: (seconds) => {
      const ms = Math.max(0, seconds * 1000);
      if (clock.kind === 'virtual') {
        elapsedMs += ms;
        return Promise.resolve();
      }
      return clock.sleep(ms);
    },
  };
  // A handler that never settles on the virtual clock: once the process is idle nothing can answer it,
  // so its TimeoutSeconds (or the default task timeout) has passed, as in the runtime.
  let neverAnswered = false;
  const idleLimitMs = limitMs ?? runtime().DEFAULT_TASK_TIMEOUT_SECONDS * 1000;
  const settleTime = async (): Promise<void> => {
    if (clock.kind !== 'virtual') return;
    if (neverAnswered || (limitMs !== undefined && elapsedMs > limitMs)) {
      await clock.sleep(neverAnswered ? idleLimitMs : limitMs!);
      throw new WorkflowError('States.Timeout');
    }
    // Even a call that took no time gives the other branches their turn before its result is taken, as compiled.
    await clock.sleep(elapsedMs);
  };

  let value: unknown;
  try {
    const pending = handler(copyJson(input), context);
    if (clock.kind === 'real') value = limitMs !== undefined ? await withRealTimeout(pending, limitMs, controller) : await pending;
    else {
      const startedAt = clock.now();
      value = await runtime().raceIdleDeadline(
        Promise.resolve(pending),
        () => startedAt + idleLimitMs,
        () => ((neverAnswered = true), new WorkflowError('States.Timeout')),
      );
    }
  } catch (thrown) {
    controller.abort();
    await settleTime();
    throw thrown instanceof WorkflowError && thrown.name === 'States.Timeout' ? thrown : toWorkflowError(thrown, description);
  }
  await settleTime();
  if (value instanceof runtime().Job) return completeJob(frame, value, limitMs);
  if (description.pattern === 'sync' || description.pattern === 'sync:2') return copyJson(value);
  return copyJson(handlerResult(description, copyJson(value)));
}

/** A `.sync` job a handler started: it takes `seconds` of (virtual) time, then succeeds or fails; TimeoutSeconds cuts it short. */
async function completeJob(frame: NativeFrame, job: Job, limitMs: number | undefined): Promise<unknown> {
  const { seconds = 0, output = {}, failure } = job.options;
  const { clock } = frame.execution;
  const runMs = Math.max(0, seconds * 1000);
  if (limitMs !== undefined && runMs > limitMs) {
    await clock.sleep(limitMs);
    throw new WorkflowError('States.Timeout');
  }
  await clock.sleep(runMs);
  if (failure) throw new WorkflowError(failure.error, failure.cause);
  try {
    const value = typeof output === 'function' ? await (output as () => unknown)() : output;
    return copyJson(value);
  } catch (thrown) {
    throw toWorkflowError(thrown, { kind: 'service', resource: '', pattern: 'sync', retry: [] });
  }
}

function withRealTimeout(pending: unknown, limitMs: number, controller: AbortController): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      controller.abort();
      reject(new WorkflowError('States.Timeout'));
    }, limitMs);
    Promise.resolve(pending).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (thrown) => {
        clearTimeout(timer);
        reject(thrown);
      },
    );
  });
}

/** How messages name a task: its name, else what it calls. */
function labelOf(description: TaskDescription, name: string | undefined): string {
  if (name) return `'${name}'`;
  if (description.kind === 'lambda') return `lambda('${description.functionArn}')`;
  if (description.kind === 'workflow') return `workflow '${description.workflowName}'`;
  return `'${description.resource}'`;
}
