import type { PreparedRetrier } from '@typestep/runtime';
import { retrierFor, type RetryOptions } from '../declarations/options.js';
import { runtime } from './runtime.js';

/**
 * Tracks one call's retriers: each policy counts its own retries, and the
 * first whose errors match a failure decides whether (and after how long) to
 * try again, as a Task state's Retry field does. Matching, defaults and
 * delays are the runtime's own (`matchesError`, `prepareRetrier`,
 * `retryDelayMs`), so native and compiled runs retry alike.
 */
export class RetryPlan {
  private readonly retriers: readonly PreparedRetrier[];
  private readonly counts: number[];

  constructor(policies: readonly RetryOptions[]) {
    this.retriers = policies.map(toRetrier);
    this.counts = policies.map(() => 0);
  }

  /** The delay in ms before the next attempt, or undefined when the error is final. */
  next(error: string, alias?: string): number | undefined {
    if (error === 'States.Runtime') return undefined;
    const { matchesError, retryDelayMs } = runtime();
    const index = this.retriers.findIndex((retrier) => matchesError(retrier.errorEquals, error, alias));
    if (index < 0) return undefined;
    const retrier = this.retriers[index]!;
    const attempt = ++this.counts[index]!;
    if (attempt > retrier.maxAttempts) return undefined;
    return retryDelayMs(retrier, attempt, Math.random);
  }

  /** Retries so far, all policies together: `$states.context.State.RetryCount`. */
  get retryCount(): number {
    return this.counts.reduce((sum, count) => sum + count, 0);
  }
}

/** A policy as the Retrier the compiler writes for it, prepared by the runtime. */
function toRetrier(policy: RetryOptions): PreparedRetrier {
  return runtime().prepareRetrier(retrierFor(policy));
}
