import type { RetrierDefinition } from '../definition.js';
import { StatesError } from '../errors.js';
import type { StateResult } from './prepared.js';
import type { StateVisit, Thread } from './thread.js';

/** A Retry entry with its defaults filled in (see {@link prepareRetrier}). */
export interface PreparedRetrier {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds: number;
  readonly maxAttempts: number;
  readonly backoffRate: number;
  readonly maxDelaySeconds: number | undefined;
  readonly jitter: boolean;
}

/** A Catch entry; `handle` turns the error output into the state's result (output, Assign, Next). */
export interface PreparedCatcher {
  readonly errorEquals: readonly string[];
  handle(thread: Thread, input: unknown, errorOutput: Record<string, unknown>, visit: StateVisit): StateResult | Promise<StateResult>;
}

/**
 * A Retry entry as ASL writes it, with AWS's defaults filled in:
 * IntervalSeconds 1, MaxAttempts 3, BackoffRate 2, no jitter.
 *
 * @example
 * const retrier = prepareRetrier({ ErrorEquals: ['States.Timeout'], MaxAttempts: 2 });
 * retrier.intervalSeconds; // 1
 */
export function prepareRetrier(raw: RetrierDefinition): PreparedRetrier {
  return {
    errorEquals: raw.ErrorEquals,
    intervalSeconds: raw.IntervalSeconds ?? 1,
    maxAttempts: raw.MaxAttempts ?? 3,
    backoffRate: raw.BackoffRate ?? 2,
    maxDelaySeconds: raw.MaxDelaySeconds,
    jitter: raw.JitterStrategy === 'FULL',
  };
}

/**
 * Whether an `ErrorEquals` list matches `error`. `States.ALL` matches every
 * error but `States.Runtime` and `States.DataLimitExceeded` (terminal unless
 * named); `States.TaskFailed` matches task failures other than timeouts.
 * `alias` is a second name the error answers to (`States.HeartbeatTimeout`).
 *
 * @example
 * matchesError(['States.ALL'], 'Lambda.ServiceException'); // true
 * matchesError(['States.TaskFailed'], 'States.Timeout'); // false
 * matchesError(['States.HeartbeatTimeout'], 'States.Timeout', 'States.HeartbeatTimeout'); // true
 */
export function matchesError(errorEquals: readonly string[], error: string, alias?: string): boolean {
  for (const name of errorEquals) {
    if (name === error || (alias !== undefined && name === alias)) return true;
    if (name === 'States.ALL') {
      if (!TERMINAL_ERRORS.has(error)) return true;
    } else if (name === 'States.TaskFailed') {
      if (!TERMINAL_ERRORS.has(error) && error !== 'States.Timeout') return true;
    }
  }
  return false;
}
const TERMINAL_ERRORS = new Set(['States.Runtime', 'States.DataLimitExceeded']);

/** States.Runtime is never retried, whatever the retriers say. */
export function isRetriable(error: StatesError): boolean {
  return error.error !== 'States.Runtime';
}

/**
 * The delay before retry number `attempt` (1-based) in milliseconds:
 * IntervalSeconds × BackoffRate^(attempt−1), capped by MaxDelaySeconds, and
 * with FULL jitter a uniform draw from [0, delay].
 *
 * @example
 * const retrier = prepareRetrier({ ErrorEquals: ['States.ALL'], IntervalSeconds: 2 });
 * retryDelayMs(retrier, 3, Math.random); // 8000
 */
export function retryDelayMs(retrier: PreparedRetrier, attempt: number, random: () => number): number {
  let seconds = retrier.intervalSeconds * Math.pow(retrier.backoffRate, attempt - 1);
  if (retrier.maxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.maxDelaySeconds);
  if (retrier.jitter) seconds = random() * seconds;
  return Math.round(seconds * 1000);
}

/** The `{Error, Cause}` object Catchers receive. */
export function errorOutputOf(error: StatesError): Record<string, unknown> {
  // SendTaskFailure without an error: AWS hands catchers `{"Error":null,"Cause":null}` (recorded).
  if (error.error === '') return { Error: null, Cause: error.cause ?? null };
  return error.cause === undefined ? { Error: error.error } : { Error: error.error, Cause: error.cause };
}

/** Any thrown value as an ASL error: a handler's `Error.name` becomes the error name. */
export function toStatesError(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  if (thrown instanceof Error) {
    const named = thrown as Error & { error?: unknown; errorType?: unknown };
    const name =
      typeof named.error === 'string' ? named.error : typeof named.errorType === 'string' ? named.errorType : thrown.name;
    return new StatesError(typeof name === 'string' ? name : 'Error', textOf(thrown.message));
  }
  if (thrown && typeof thrown === 'object' && typeof (thrown as { error?: unknown }).error === 'string') {
    const { error, cause } = thrown as { error: string; cause?: unknown };
    return new StatesError(error, cause === undefined ? undefined : textOf(cause));
  }
  return new StatesError('Error', plainTextOf(thrown));
}

/** A cause as text: strings as they are, anything else as JSON (or, when JSON cannot hold it, as `String()` gives it). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined && typeof value === 'object') return json;
  } catch {
    // A cycle or a BigInt: written as String() writes it.
  }
  return plainTextOf(value);
}

/** `String(value)`, for values whose conversion throws too (a symbol, an object without a prototype). */
function plainTextOf(value: unknown): string {
  try {
    return typeof value === 'symbol' ? value.toString() : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
