import { checkTaskOptions, retryList, type CallOptions, type RetryOptions, type TaskOptions } from './options.js';
import { invokeNative } from '../native/invoke-task.js';

/**
 * The key of a task's description on the callable; `Symbol.for` so that two
 * copies of the package agree. Prefer {@link taskDescription}.
 *
 * @example
 * const description = (charge as Task<unknown, unknown>)[TASK_DESCRIPTION];
 */
export const TASK_DESCRIPTION: unique symbol = Symbol.for('@typestep/dsl.task-description') as never;

/**
 * What a declaration calls: `lambda` (Lambda function), `aws-sdk` (any SDK
 * action), `service` (an optimized integration, request-response or
 * `.sync`), `callback` (`.waitForTaskToken`), `activity`, `workflow` (a
 * nested execution).
 *
 * @example
 * if (taskDescription(task).kind === 'callback') placeToken();
 */
export type TaskKind = 'lambda' | 'aws-sdk' | 'service' | 'callback' | 'activity' | 'workflow';

/**
 * How the Task waits, as the runtime names it: the Resource's suffix, or the ARN's kind.
 *
 * @example
 * taskDescription(glue.startJobRun()).pattern; // 'sync'
 */
export type IntegrationPattern = 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken' | 'activity' | 'lambda-function';

/**
 * Everything the compiler needs to lower a call of a task, read with
 * {@link taskDescription}. `resource` is the Task's `Resource` exactly as the
 * ASL will carry it; `retry` is always a list (possibly empty).
 *
 * @example
 * taskDescription(lambda('${ChargeFunctionArn}'));
 * // { kind: 'lambda', resource: 'arn:aws:states:::lambda:invoke', pattern: 'request-response',
 * //   functionArn: '${ChargeFunctionArn}', invoke: 'envelope', retry: [] }
 */
export interface TaskDescription {
  readonly kind: TaskKind;
  /** The Task's `Resource`. */
  readonly resource: string;
  readonly pattern: IntegrationPattern;
  /** Lambda: the function ARN or placeholder (`FunctionName` for `lambda:invoke`). */
  readonly functionArn?: string;
  /** Lambda: `envelope` calls `lambda:invoke` and reads `Payload`; `direct` uses the bare function ARN. */
  readonly invoke?: 'envelope' | 'direct';
  /** aws-sdk, optimized services and callbacks: the service (`s3`, `sns`, `glue`…). */
  readonly service?: string;
  /** aws-sdk, optimized services and callbacks: the action without pattern suffix (`getObject`, `startJobRun`…). */
  readonly action?: string;
  /** Workflows: the nested workflow's name and the ARN (or placeholder) the parent starts. */
  readonly workflowName?: string;
  readonly stateMachineArn?: string;
  /** The Task state's name, when the declaration gives one. */
  readonly name?: string;
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
  readonly retry: readonly RetryOptions[];
}

/**
 * A declared task: call it inside a workflow body with its input (and,
 * optionally, {@link CallOptions}); it resolves with its result. Compiled,
 * each call is a Task state; natively, a handler answers it.
 *
 * @example
 * const getUser: Task<{ id: string }, User> = lambda('${GetUserFunctionArn}');
 * const user = await getUser({ id: '42' });
 */
export type Task<In, Out> = ((input: In, options?: CallOptions) => Promise<Out>) & {
  readonly [TASK_DESCRIPTION]: TaskDescription;
};

/**
 * The description of a task (or of a workflow, which another workflow may
 * call as a nested execution).
 *
 * @example
 * const publish = sns.publish({ name: 'Notify' });
 * taskDescription(publish).resource; // 'arn:aws:states:::sns:publish'
 * taskDescription(publish).name;     // 'Notify'
 */
export function taskDescription(task: Task<any, any> | ((...args: any[]) => unknown)): TaskDescription {
  const description = (task as Partial<Task<unknown, unknown>>)[TASK_DESCRIPTION];
  if (!description) throw new TypeError('taskDescription: not a task (declare it with lambda, awsSdk, sns.publish, callback, activity or workflow)');
  return description;
}

/** The description's fields that come from options. */
export function optionFields(options: TaskOptions | undefined): Pick<TaskDescription, 'name' | 'timeoutSeconds' | 'heartbeatSeconds' | 'retry'> {
  const fields: { name?: string; timeoutSeconds?: number; heartbeatSeconds?: number; retry: readonly RetryOptions[] } = {
    retry: retryList(options?.retry).map((policy) => Object.freeze({ ...policy })),
  };
  if (options?.name !== undefined) fields.name = options.name;
  if (options?.timeoutSeconds !== undefined) fields.timeoutSeconds = options.timeoutSeconds;
  if (options?.heartbeatSeconds !== undefined) fields.heartbeatSeconds = options.heartbeatSeconds;
  return fields;
}

/** Builds the callable for a description: natively each call goes to `invokeNative`. */
export function declareTask<In, Out>(description: Omit<TaskDescription, 'retry' | 'name' | 'timeoutSeconds' | 'heartbeatSeconds'>, options: TaskOptions | undefined, where: string): Task<In, Out> {
  checkTaskOptions(options, where);
  const full: TaskDescription = Object.freeze({ ...description, ...optionFields(options) });
  const call = (input: In, callOptions?: CallOptions): Promise<Out> => {
    checkTaskOptions(callOptions, `${where} call`);
    return invokeNative(full, input, callOptions) as Promise<Out>;
  };
  Object.defineProperty(call, TASK_DESCRIPTION, { value: full, enumerable: false });
  return call as Task<In, Out>;
}

/** Throws a clear TypeError for an ARN argument that is not a non-empty string. */
export function checkArn(value: unknown, what: string, where: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${where}: ${what} must be a non-empty string (an ARN or a \${Placeholder}), not ${JSON.stringify(value)}`);
  }
}
