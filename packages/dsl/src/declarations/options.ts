import type { RetrierDefinition } from '@typestep/runtime';
/**
 * One retry policy, a Retrier of the compiled Task. Fields map one-to-one:
 * `errors` → `ErrorEquals` (default `['States.ALL']`), `intervalSeconds` →
 * `IntervalSeconds` (AWS default 1), `maxAttempts` → `MaxAttempts` (default 3),
 * `backoffRate` → `BackoffRate` (default 2), `maxDelaySeconds` →
 * `MaxDelaySeconds`, `jitter` → `JitterStrategy`. Natively the same rule
 * applies: the first policy whose `errors` match decides, and its attempts
 * are counted on their own.
 *
 * @example
 * const retry: RetryOptions = { errors: ['Lambda.TooManyRequestsException'], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 };
 */
export interface RetryOptions {
  /** ASL error names this policy retries; `States.ALL` matches every task error. Default `['States.ALL']`. */
  errors?: readonly string[];
  /** Seconds before the first retry. Default 1. */
  intervalSeconds?: number;
  /** Retries after the first attempt; 0 never retries. Default 3. */
  maxAttempts?: number;
  /** Multiplier of the delay for each further retry. Default 2. */
  backoffRate?: number;
  /** Upper bound of any one delay, in seconds. */
  maxDelaySeconds?: number;
  /** `FULL` draws each delay uniformly from [0, delay]. Default `NONE`. */
  jitter?: 'FULL' | 'NONE';
}

/**
 * Options of a task declaration; a call site may override any of them with
 * {@link CallOptions}. `name` becomes the Task state's name (and is how a
 * handler registered by state name is found, natively and in the runtime).
 *
 * @example
 * const charge = lambda<ChargeRequest, Charge>('${ChargeFunctionArn}', { name: 'Charge card', timeoutSeconds: 30, retry: { maxAttempts: 2 } });
 */
export interface TaskOptions {
  /** The Task state's name. Default: one the compiler derives from the call. */
  name?: string;
  /** `TimeoutSeconds`: the task fails with `States.Timeout` past it. */
  timeoutSeconds?: number;
  /** `HeartbeatSeconds`: callbacks and activities must send a heartbeat this often. */
  heartbeatSeconds?: number;
  /** Retriers, in order; the first whose `errors` match a failure decides. */
  retry?: RetryOptions | readonly RetryOptions[];
}

/**
 * Options at one call of a task: the same keys as {@link TaskOptions}, which
 * they override for that call only.
 *
 * @example
 * await charge({ orderId, amount }, { name: 'Charge again', retry: [] });
 */
export interface CallOptions extends TaskOptions {}

/** Checks options where they are written, so a mistake fails at the declaration, not deep in a run. */
export function checkTaskOptions(options: TaskOptions | undefined, where: string): void {
  if (!options) return;
  const { name, timeoutSeconds, heartbeatSeconds, retry } = options;
  if (name !== undefined && (typeof name !== 'string' || name.length === 0 || name.length > 80)) {
    throw new TypeError(`${where}: name must be a string of 1 to 80 characters, not ${JSON.stringify(name)}`);
  }
  checkPositiveInteger(timeoutSeconds, 'timeoutSeconds', where);
  checkPositiveInteger(heartbeatSeconds, 'heartbeatSeconds', where);
  for (const policy of retryList(retry)) {
    if (policy.errors !== undefined && (!Array.isArray(policy.errors) || policy.errors.some((e) => typeof e !== 'string' || e === ''))) {
      throw new TypeError(`${where}: retry.errors must be a list of error names`);
    }
    checkNumber(policy.intervalSeconds, 'retry.intervalSeconds', where, 1, true);
    checkNumber(policy.maxAttempts, 'retry.maxAttempts', where, 0, true);
    checkNumber(policy.backoffRate, 'retry.backoffRate', where, 1, false);
    checkNumber(policy.maxDelaySeconds, 'retry.maxDelaySeconds', where, 1, true);
    if (policy.jitter !== undefined && policy.jitter !== 'FULL' && policy.jitter !== 'NONE') {
      throw new TypeError(`${where}: retry.jitter must be 'FULL' or 'NONE'`);
    }
  }
}

/**
 * A policy as the Retrier of the compiled Task: the one mapping both the
 * compiler (which writes it) and native runs (which hand it to the runtime's
 * retry logic) use. Fields left out stay out, so AWS's defaults apply.
 *
 * @example
 * retrierFor({ errors: ['Lambda.TooManyRequestsException'], maxAttempts: 5 });
 * // { ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 5 }
 */
export function retrierFor(policy: RetryOptions): RetrierDefinition {
  const retrier: RetrierDefinition = { ErrorEquals: [...(policy.errors ?? ['States.ALL'])] };
  if (policy.intervalSeconds !== undefined) retrier.IntervalSeconds = policy.intervalSeconds;
  if (policy.maxAttempts !== undefined) retrier.MaxAttempts = policy.maxAttempts;
  if (policy.backoffRate !== undefined) retrier.BackoffRate = policy.backoffRate;
  if (policy.maxDelaySeconds !== undefined) retrier.MaxDelaySeconds = policy.maxDelaySeconds;
  if (policy.jitter !== undefined) retrier.JitterStrategy = policy.jitter;
  return retrier;
}

/** `retry` as a list, whichever form it was written in. */
export function retryList(retry: RetryOptions | readonly RetryOptions[] | undefined): readonly RetryOptions[] {
  if (retry === undefined) return [];
  return Array.isArray(retry) ? (retry as readonly RetryOptions[]) : [retry as RetryOptions];
}

function checkPositiveInteger(value: number | undefined, field: string, where: string): void {
  checkNumber(value, field, where, 1, true);
}

function checkNumber(value: number | undefined, field: string, where: string, min: number, integer: boolean): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new TypeError(`${where}: ${field} must be ${integer ? 'an integer' : 'a number'} of at least ${min}, not ${String(value)}`);
  }
}
