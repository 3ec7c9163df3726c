import { isPromise } from '../execution/prepared.js';
import { recordEvent, type StateVisit, type Thread } from '../execution/thread.js';
import type { TaskResource } from './resource.js';
import type { TaskCall } from './task-call.js';
import { recordTaskOutcome } from './task-outcome.js';
import { recordedOutcome } from './recorded-outcome.js';
import type { WaitingTask } from './waiting-task.js';
import { awaitOutside } from '../execution/turns.js';

/** The callback task of each `.waitForTaskToken` visit, from the token's issue to the wait. */
const callbacks = new WeakMap<StateVisit, WaitingTask>();

/**
 * Runs a `.waitForTaskToken` Task's `execute` with a task token issued for
 * this attempt: `$$.Task.Token` holds it while Parameters/Arguments are
 * evaluated, and answers are taken from then on, even while the request is
 * being sent. When the state ends without waiting (its input, request or
 * submit failed), the token is spent.
 */
export function withTaskToken<T>(
  thread: Thread,
  visit: StateVisit,
  stateName: string,
  resource: TaskResource,
  execute: () => T | Promise<T>,
): T | Promise<T> {
  const task = thread.run.tasks.openCallback(
    thread,
    {
      kind: 'callback',
      stateName,
      resource: resource.arn,
      executionArn: (thread.executionContext?.Id as string | undefined) ?? thread.run.identity.executionArn,
      input: null,
    },
    taskPlace(thread, visit, stateName),
  );
  visit.taskToken = task.token;
  callbacks.set(visit, task);
  let result: T | Promise<T>;
  try {
    result = execute();
  } catch (thrown) {
    task.close();
    throw thrown;
  }
  if (isPromise(result)) return result.finally(() => task.close());
  task.close();
  return result;
}

/**
 * `.waitForTaskToken` once the request went out: TaskSubmitted with the
 * service's response (`submitted`, which AWS otherwise ignores), then the wait
 * for SendTaskSuccess / SendTaskFailure, HeartbeatSeconds (counted from now)
 * and TimeoutSeconds (from the task's start). Ends with TaskSucceeded (its
 * output is the task's result), TaskFailed or TaskTimedOut (States.Timeout).
 */
export function waitForTaskToken(call: TaskCall, submitted: unknown): Promise<unknown> {
  const { thread, resource, visit } = call;
  const task = callbacks.get(visit)!;
  const names = { resourceType: resource.resourceType, resource: resource.resourceName };
  recordEvent(thread, 'TaskSubmitted', { ...names, output: submitted, outputDetails: { truncated: false } });
  task.limit(call.timeoutSeconds, call.heartbeatSeconds);
  // Answered before a restart: the recorded answer, at its recorded time.
  const recorded = recordedOutcome(thread);
  if (recorded) {
    thread.now = recorded.time;
    task.settle(recorded.outcome);
  }
  task.start();
  if (!task.settled) thread.run.tasks.announce({ ...task.info, taskToken: task.token, input: call.parameters });
  return awaitOutside(thread, task.wait()).then((outcome) => recordTaskOutcome(thread, outcome, CALLBACK_EVENTS, names));
}

/**
 * Where a callback or activity task is in its execution, as text its token is
 * derived from: the same task gets the same token when a resumed execution
 * reaches it again, so an answer sent with a token issued before a restart
 * is taken after it. The StateEntered event id and retry count tell visits
 * apart; the Map item's index, iterations of a Distributed Map (which write no
 * events of their own here).
 */
export function taskPlace(thread: Thread, visit: StateVisit, stateName: string): string {
  const { run } = thread;
  const execution = (thread.executionContext?.Id as string | undefined) ?? run.identity.executionArn;
  return [execution, run.startTime, stateName, visit.enteredEventId, visit.retryCount, thread.mapItem?.Index ?? ''].join('\u0000');
}

const CALLBACK_EVENTS = { succeeded: 'TaskSucceeded', failed: 'TaskFailed', timedOut: 'TaskTimedOut' };
