import type { TaskHandler } from '@typestep/runtime';
import { runtime } from './runtime.js';
import type { TaskDescription } from '../declarations/task.js';
import { WorkflowError } from '../workflow/workflow-error.js';
import type { NativeFrame } from './native-frame.js';
import { contextObject, type AttemptFacts } from './task-context.js';
import { copyJson, handlerInput } from './service-results.js';
import { toWorkflowError } from './task-errors.js';

/** Limits of one attempt, after call options overrode the declaration's. */
export interface AttemptLimits {
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
}

/** Errors that also answer to a second name in ErrorEquals (a missed heartbeat: `States.HeartbeatTimeout`). */
export const errorAliases = new WeakMap<WorkflowError, string>();

/**
 * One attempt of a callback task: the run's TaskService issues the token,
 * the author's function builds the request with it, the handler (if any)
 * receives the request as the runtime hands it, and the attempt waits for
 * SendTaskSuccess / SendTaskFailure or a deadline.
 */
export async function attemptCallback(
  frame: NativeFrame,
  description: TaskDescription,
  buildRequest: unknown,
  facts: AttemptFacts,
  limits: AttemptLimits,
  findHandler: (request: unknown) => TaskHandler | undefined,
): Promise<unknown> {
  const { execution } = frame;
  if (typeof buildRequest !== 'function') {
    throw new TypeError('A callback task is called with a function of the task token: askApproval((token) => ({ …, token }))');
  }
  const task = execution.taskService.openTask({
    kind: 'callback',
    resource: description.resource,
    stateName: facts.stateName,
    executionArn: execution.executionArn,
    timeoutSeconds: limits.timeoutSeconds,
    heartbeatSeconds: limits.heartbeatSeconds,
    clock: execution.clock.kind,
    now: execution.clock.now(),
    signal: frame.signal,
  });
  let request: unknown;
  try {
    request = copyJson((buildRequest as (token: string) => unknown)(task.taskToken!));
    const handler = findHandler(request);
    if (handler) {
      const controller = new AbortController();
      try {
        await handler(copyJson(handlerInput(description, request)), {
          stateName: facts.stateName,
          resource: description.resource,
          context: contextObject(frame, { ...facts, taskToken: task.taskToken }),
          signal: controller.signal,
          sleep: (seconds) => execution.clock.sleep(seconds * 1000),
        });
      } catch (thrown) {
        controller.abort();
        throw toWorkflowError(thrown, description);
      }
    }
  } catch (thrown) {
    task.close();
    throw thrown;
  }
  return awaitAnswer(frame, task, () => task.wait(request));
}

/** One attempt of an activity task: queued for workers polling `getActivityTask` with its ARN. */
export function attemptActivity(frame: NativeFrame, description: TaskDescription, input: unknown, facts: AttemptFacts, limits: AttemptLimits): Promise<unknown> {
  const { execution } = frame;
  const task = execution.taskService.openTask({
    kind: 'activity',
    resource: description.resource,
    stateName: facts.stateName,
    executionArn: execution.executionArn,
    input: copyJson(input),
    timeoutSeconds: limits.timeoutSeconds,
    heartbeatSeconds: limits.heartbeatSeconds,
    clock: execution.clock.kind,
    now: execution.clock.now(),
    signal: frame.signal,
  });
  return awaitAnswer(frame, task, () => task.wait());
}

async function awaitAnswer(frame: NativeFrame, task: { readonly now: number }, wait: () => Promise<unknown>): Promise<unknown> {
  try {
    return copyJson(await wait());
  } catch (thrown) {
    if (!(thrown instanceof runtime().StatesError)) throw thrown;
    const error = new WorkflowError(thrown.error, thrown.cause);
    if (thrown.alias !== undefined) errorAliases.set(error, thrown.alias);
    throw error;
  } finally {
    // A deadline that fired (or advanceTime) moved the task's own time on; the run follows.
    frame.execution.clock.advanceTo(task.now);
  }
}
