import { TaskRegistry, type ActivityTask, type GetActivityTaskOptions, type OpenTask, type OpenTaskOptions } from './task-registry.js';
import type { WaitingTaskInfo } from './waiting-task.js';

const registries = new WeakMap<TaskService, TaskRegistry>();

/**
 * The part of Step Functions that callbacks and activities talk to: it issues
 * task tokens and takes SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat,
 * and hands activity tasks to workers that poll with GetActivityTask.
 *
 * Every machine uses the process-wide `defaultTaskService` (which the
 * top-level `sendTaskSuccess`… functions call) unless given its own with
 * `new StateMachine(definition, { taskService })`. Tokens are random (also in
 * seeded runs) and belong to the service that issued them.
 *
 * Time: on the real clock TimeoutSeconds and HeartbeatSeconds are timers. On
 * the virtual clock a waiting task's time stands still until it is answered,
 * until `advanceTime` lets time pass, or until the process has nothing else
 * to do; then it jumps to the next deadline (heartbeat, TimeoutSeconds,
 * default 99999999, or the execution's TimeoutSeconds), which fires.
 *
 * @example
 * const service = new TaskService();
 * const machine = new StateMachine(definition, {
 *   taskService: service,
 *   handlers: { 'Ask for approval': (request) => void mailbox.push(request.token) },
 * });
 * const execution = machine.start({});
 * service.sendTaskSuccess(mailbox[0], { approved: true });
 * await execution.result; // { status: 'SUCCEEDED', … }
 */
export class TaskService {
  /**
   * @param options.secret what task tokens are signed with (default: random
   *   per service). A service that resumes executions after a restart
   *   (`start(input, { resumeFrom })`) gives the same secret each time, so
   *   tokens issued before the restart are still accepted.
   *
   * @example
   * const service = new TaskService({ secret: process.env.TOKEN_SECRET });
   */
  constructor(options: { secret?: string | Uint8Array } = {}) {
    registries.set(this, new TaskRegistry(options.secret));
  }

  /**
   * Answers a waiting task with its result (any JSON value). Throws
   * `TaskServiceError`: `InvalidToken` for a token this service never issued,
   * `TaskTimedOut` when its task has already ended, `InvalidOutput` when
   * `output` is not JSON.
   *
   * @example
   * service.sendTaskSuccess(token, { approved: true });
   */
  sendTaskSuccess(taskToken: string, output: unknown): void {
    registryOf(this).sendTaskSuccess(taskToken, output);
  }

  /**
   * Fails a waiting task with `error` and `cause` (both optional, as on AWS;
   * without an error, catchers see `{"Error": null, "Cause": null}`).
   *
   * @example
   * service.sendTaskFailure(token, 'Rejected', 'The reviewer said no');
   */
  sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
    registryOf(this).sendTaskFailure(taskToken, error, cause);
  }

  /**
   * Tells a waiting task that its worker is alive: HeartbeatSeconds counts
   * again from now. TimeoutSeconds is not extended.
   *
   * @example
   * service.sendTaskHeartbeat(token);
   */
  sendTaskHeartbeat(taskToken: string): void {
    registryOf(this).sendTaskHeartbeat(taskToken);
  }

  /**
   * Long-polls for an activity task, as a worker does: resolves with
   * `{ taskToken, input }` (input as a value) as soon as an execution
   * schedules a task for `activityArn`, or with `{}` after `waitSeconds`
   * (default 60) without one. Throws `InvalidArn` for a malformed ARN.
   * Activities need no CreateActivity here: any activity ARN is accepted.
   *
   * @example
   * const { taskToken, input } = await service.getActivityTask('arn:aws:states:us-east-1:123456789012:activity:review', 'worker-1');
   * if (taskToken) service.sendTaskSuccess(taskToken, { reviewed: input });
   */
  getActivityTask(activityArn: string, workerName?: string, options?: GetActivityTaskOptions): Promise<ActivityTask> {
    return registryOf(this).getActivityTask(activityArn, workerName, options);
  }

  /**
   * Lets `seconds` of virtual time pass for the execution waiting on
   * `taskToken` (virtual clock only). A heartbeat or timeout deadline on the
   * way fires there, and the token is spent. Not an AWS call: it stands for
   * the time a real worker would take.
   *
   * @example
   * service.advanceTime(token, 50); // 50 s later…
   * service.sendTaskHeartbeat(token); // …the worker is still alive
   */
  advanceTime(taskToken: string, seconds: number): void {
    registryOf(this).advanceTime(taskToken, seconds);
  }

  /**
   * Opens a callback or activity task that no state machine owns, for code
   * that runs a workflow itself (typestep's native execution): a callback's
   * token is issued at once, an activity task is queued for `getActivityTask`
   * pollers, and the same `sendTaskSuccess` / `sendTaskFailure` /
   * `sendTaskHeartbeat` / `advanceTime` answer it. Not an AWS call.
   *
   * @example
   * const task = service.openTask({ kind: 'callback', resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', timeoutSeconds: 300 });
   * queue.push({ token: task.taskToken });
   * const output = await task.wait(); // what sendTaskSuccess(token, output) sent
   */
  openTask(options: OpenTaskOptions): OpenTask {
    return registryOf(this).openTask(options);
  }

  /**
   * Calls `listener` whenever a task starts waiting: a callback (with its
   * token) once its request was sent, an activity task (without a token: a
   * worker gets that from `getActivityTask`) once it is scheduled. Returns a
   * function that removes the listener.
   *
   * @example
   * service.onTaskWaiting((task) => console.error(`${task.stateName} waits: ${task.taskToken}`));
   */
  onTaskWaiting(listener: (task: WaitingTaskInfo) => void): () => void {
    return registryOf(this).onTaskWaiting(listener);
  }
}

/** The registry behind a service; the runtime's way in, not part of the public API. */
export function registryOf(service: TaskService): TaskRegistry {
  return registries.get(service)!;
}

/** The service every state machine uses unless given its own `taskService`. */
export const defaultTaskService = new TaskService();

/**
 * `defaultTaskService.sendTaskSuccess`: answers a callback or activity task.
 *
 * @example
 * handlers: { 'Ask for approval': (request) => setTimeout(() => sendTaskSuccess(request.token, { approved: true })) }
 */
export function sendTaskSuccess(taskToken: string, output: unknown): void {
  defaultTaskService.sendTaskSuccess(taskToken, output);
}

/**
 * `defaultTaskService.sendTaskFailure`: fails a callback or activity task.
 *
 * @example
 * sendTaskFailure(token, 'Rejected', 'The reviewer said no');
 */
export function sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
  defaultTaskService.sendTaskFailure(taskToken, error, cause);
}

/**
 * `defaultTaskService.sendTaskHeartbeat`: keeps a task with HeartbeatSeconds alive.
 *
 * @example
 * sendTaskHeartbeat(token);
 */
export function sendTaskHeartbeat(taskToken: string): void {
  defaultTaskService.sendTaskHeartbeat(taskToken);
}

/**
 * `defaultTaskService.getActivityTask`: polls for an activity task.
 *
 * @example
 * const { taskToken, input } = await getActivityTask(activityArn, 'worker-1');
 */
export function getActivityTask(activityArn: string, workerName?: string, options?: GetActivityTaskOptions): Promise<ActivityTask> {
  return defaultTaskService.getActivityTask(activityArn, workerName, options);
}
