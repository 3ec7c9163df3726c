import type { RetryOptions } from '../declarations/options.js';

/**
 * Whether an ASL `ErrorEquals` list matches `error`, by the service's rule:
 * `States.ALL` matches every error but `States.Runtime` and
 * `States.DataLimitExceeded`; `States.TaskFailed` matches task failures other
 * than `States.Timeout`; a missed heartbeat (`States.Timeout`) also answers
 * to `States.HeartbeatTimeout` (`alias`).
 */
export function matchesError(errors: readonly string[], error: string, alias?: string): boolean {
  for (const name of errors) {
    if (name === error || (alias !== undefined && name === alias)) return true;
    if (name === 'States.ALL' && !TERMINAL.has(error)) return true;
    if (name === 'States.TaskFailed' && !TERMINAL.has(error) && error !== 'States.Timeout') return true;
  }
  return false;
}

const TERMINAL = new Set(['States.Runtime', 'States.DataLimitExceeded']);

/**
 * Tracks one call's retriers: each policy counts its own retries, and the
 * first whose errors match a failure decides whether (and after how long) to
 * try again, as a Task state's Retry field does.
 */
export class RetryPlan {
  private readonly counts: number[];

  constructor(private readonly policies: readonly RetryOptions[]) {
    this.counts = policies.map(() => 0);
  }

  /** The delay in ms before the next attempt, or undefined when the error is final. */
  next(error: string, alias?: string): number | undefined {
    if (error === 'States.Runtime') return undefined;
    const index = this.policies.findIndex((policy) => matchesError(policy.errors ?? ['States.ALL'], error, alias));
    if (index < 0) return undefined;
    const policy = this.policies[index]!;
    const attempt = ++this.counts[index]!;
    if (attempt > (policy.maxAttempts ?? 3)) return undefined;
    let seconds = (policy.intervalSeconds ?? 1) * Math.pow(policy.backoffRate ?? 2, attempt - 1);
    if (policy.maxDelaySeconds !== undefined) seconds = Math.min(seconds, policy.maxDelaySeconds);
    if (policy.jitter === 'FULL') seconds = Math.random() * seconds;
    return Math.round(seconds * 1000);
  }

  /** Retries so far, all policies together: `$states.context.State.RetryCount`. */
  get retryCount(): number {
    return this.counts.reduce((sum, count) => sum + count, 0);
  }
}
