import { recordEvent } from '../execution/thread.js';
import type { TaskCall } from './task-call.js';
import { recordTaskOutcome } from './task-outcome.js';
import { recordedNext, recordedOutcome } from './recorded-outcome.js';
import { detailsOf } from '../execution/history.js';
import { taskPlace } from './callbacks.js';
import { awaitOutside } from '../execution/turns.js';

/**
 * An activity task (`arn:aws:states:<region>:<account>:activity:<name>`):
 * queued for the workers that poll GetActivityTask with that ARN. When one
 * takes it, ActivityStarted (with its `workerName`) and the heartbeat clock
 * starts; its SendTaskSuccess / SendTaskFailure ends the task with
 * ActivitySucceeded / ActivityFailed. TimeoutSeconds counts from the
 * scheduling (ActivityTimedOut, States.Timeout), also while no worker polls.
 * ActivityScheduled is written with the Task's other scheduling events
 * (`states/task.ts`).
 */
export function runActivity(call: TaskCall): Promise<unknown> {
  const { thread, resource, stateName, parameters } = call;
  const info = {
    kind: 'activity' as const,
    stateName,
    resource: resource.arn,
    executionArn: (thread.executionContext?.Id as string | undefined) ?? thread.run.identity.executionArn,
    input: parameters,
  };
  // A resumed execution: a worker that took the task before the restart keeps it (and its token); an answer recorded is taken.
  const next = recordedNext(thread);
  let recorded: { started: boolean; workerName?: string } | undefined;
  if (next?.type === 'ActivityStarted') recorded = { started: true, workerName: (detailsOf(next) as { workerName?: string } | undefined)?.workerName };
  else if (next && recordedOutcome(thread, next)) recorded = { started: false };
  const task = thread.run.tasks.scheduleActivity(
    thread,
    info,
    { timeoutSeconds: call.timeoutSeconds, heartbeatSeconds: call.heartbeatSeconds },
    (workerName) => recordEvent(thread, 'ActivityStarted', workerName === undefined ? {} : { workerName }),
    taskPlace(thread, call.visit, stateName),
    recorded,
  );
  const answer = recorded && recordedOutcome(thread);
  if (answer) {
    thread.now = answer.time;
    task.settle(answer.outcome);
  }
  // An activity a worker took before the restart is announced with its token: that worker may still answer.
  if (!task.settled) thread.run.tasks.announce(recorded?.started ? { ...info, taskToken: task.token } : info);
  return awaitOutside(thread, task.wait()).then((outcome) => recordTaskOutcome(thread, outcome, ACTIVITY_EVENTS, {}));
}

const ACTIVITY_EVENTS = { succeeded: 'ActivitySucceeded', failed: 'ActivityFailed', timedOut: 'ActivityTimedOut' };
