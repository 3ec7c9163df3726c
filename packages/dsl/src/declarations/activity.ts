import type { TaskOptions } from './options.js';
import { checkArn, declareTask, type Task } from './task.js';

const ACTIVITY_ARN = /^arn:[^:]+:states:[^:]+:[^:]+:activity:[^:]+$/;

/**
 * Declares an activity task: the Task's Resource is the activity ARN, and a
 * worker that polls `GetActivityTask` for it does the work and answers with
 * `sendTaskSuccess(token, output)` / `sendTaskFailure(token, error, cause)`.
 * `timeoutSeconds` counts from scheduling; `heartbeatSeconds` from the
 * worker's start.
 *
 * Natively the task is queued on the run's `TaskService` (the runtime's
 * `defaultTaskService` unless `run` is given one), so the same worker code
 * (`getActivityTask(arn, name)`) takes it.
 *
 * @example
 * const review = activity<{ documentId: string }, { verdict: 'ok' | 'reject' }>('${ReviewActivityArn}', { heartbeatSeconds: 600 });
 * // in a workflow body:
 * const { verdict } = await review({ documentId });
 */
export function activity<In = unknown, Out = unknown>(activityArn: string, options?: TaskOptions): Task<In, Out> {
  checkArn(activityArn, 'the activity ARN', 'activity()');
  if (!ACTIVITY_ARN.test(activityArn) && !/^\$\{[^}]+\}$/.test(activityArn)) {
    throw new TypeError(`activity(): expected an activity ARN (arn:aws:states:<region>:<account>:activity:<name>) or a \${Placeholder}, not ${JSON.stringify(activityArn)}`);
  }
  return declareTask<In, Out>({ kind: 'activity', resource: activityArn, pattern: 'activity' }, options, 'activity()');
}
