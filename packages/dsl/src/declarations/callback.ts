import type { TaskOptions } from './options.js';
import { checkArn, declareTask, type Task } from './task.js';

const SUFFIX = '.waitForTaskToken';

/**
 * Declares a callback task: `<resource>.waitForTaskToken`. Call it with a
 * function of the task token that builds the request; the compiler places
 * `$states.context.Task.Token` where the function uses its parameter. The
 * workflow then waits until someone answers with `sendTaskSuccess(token,
 * output)` (the call resolves with `output`) or `sendTaskFailure(token,
 * error, cause)` (it throws a `WorkflowError` with that name and cause), or
 * until `timeoutSeconds` / `heartbeatSeconds` pass (`States.Timeout`).
 *
 * Natively the token is issued by the run's `TaskService` (the runtime's
 * `defaultTaskService` unless `run` is given one), so the same
 * `sendTaskSuccess` answers it. A handler registered for the resource (or the
 * task's `name`) receives the request, as in the runtime; without one the
 * request is accepted as sent.
 *
 * @example
 * const askApproval = callback<{ QueueUrl: string; MessageBody: { token: string; orderId: string } }, { approved: boolean }>(
 *   'arn:aws:states:::sqs:sendMessage',
 *   { heartbeatSeconds: 3600 },
 * );
 * // in a workflow body:
 * const { approved } = await askApproval((token) => ({ QueueUrl: '${ApprovalQueueUrl}', MessageBody: { token, orderId } }));
 */
export function callback<In = unknown, Out = unknown>(resource: string, options?: TaskOptions): Task<(token: string) => In, Out> {
  checkArn(resource, 'the resource', 'callback()');
  const base = resource.endsWith(SUFFIX) ? resource.slice(0, -SUFFIX.length) : resource;
  const match = /^arn:aws:states:::(?:aws-sdk:)?([a-z0-9-]+):([A-Za-z0-9]+)$/.exec(base);
  if (!match) {
    throw new TypeError(
      `callback(): the resource must be a service integration such as 'arn:aws:states:::sqs:sendMessage' (with or without '.waitForTaskToken'), not ${JSON.stringify(resource)}`,
    );
  }
  return declareTask<(token: string) => In, Out>(
    { kind: 'callback', resource: base + SUFFIX, pattern: 'waitForTaskToken', service: match[1]!, action: match[2]! },
    options,
    'callback()',
  );
}
