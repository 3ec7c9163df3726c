import type { TaskOptions } from './options.js';
import { checkArn, declareTask, type Task } from './task.js';

/**
 * Options of {@link lambda}: the task options, and how the function is invoked.
 *
 * @example
 * const opts: LambdaOptions = { invoke: 'direct', timeoutSeconds: 10 };
 */
export interface LambdaOptions extends TaskOptions {
  /**
   * `envelope` (default): `arn:aws:states:::lambda:invoke` with
   * `{ FunctionName, Payload }`; the workflow sees the function's result
   * (`Payload`). `direct`: the function ARN itself as the Resource, input and
   * result passed as they are.
   */
  invoke?: 'envelope' | 'direct';
}

/**
 * Declares a Lambda function as a task. `functionArn` may be a deployment
 * placeholder (`'${ChargeFunctionArn}'`), kept as written in the ASL.
 *
 * Natively a handler registered for the function ARN (or placeholder), for
 * the task's `name`, or for `arn:aws:states:::lambda:invoke` answers; it
 * returns what the function returns (the payload). A thrown error surfaces as
 * Lambda reports a function error: `e.name` is the error's name and
 * `e.message` Lambda's error document (`{"errorMessage","errorType","trace"}`).
 *
 * @example
 * const chargeCard = lambda<{ orderId: string; amount: number }, { chargeId: string }>('${ChargeFunctionArn}', {
 *   retry: { errors: ['Lambda.TooManyRequestsException'], intervalSeconds: 2, maxAttempts: 3 },
 * });
 * // in a workflow body:
 * const { chargeId } = await chargeCard({ orderId: order.id, amount: order.total });
 */
export function lambda<In = unknown, Out = unknown>(functionArn: string, options?: LambdaOptions): Task<In, Out> {
  checkArn(functionArn, 'the function ARN', 'lambda()');
  const invoke = options?.invoke ?? 'envelope';
  if (invoke !== 'envelope' && invoke !== 'direct') throw new TypeError(`lambda(): invoke must be 'envelope' or 'direct', not ${JSON.stringify(invoke)}`);
  const { invoke: _invoke, ...taskOptions } = options ?? {};
  return declareTask<In, Out>(
    invoke === 'direct'
      ? { kind: 'lambda', resource: functionArn, pattern: 'lambda-function', functionArn, invoke }
      : { kind: 'lambda', resource: 'arn:aws:states:::lambda:invoke', pattern: 'request-response', functionArn, invoke },
    taskOptions,
    'lambda()',
  );
}
