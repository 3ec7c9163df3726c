/**
 * Time as an execution sees it. The virtual clock never sleeps: a Wait of a
 * year, a retry backoff or a task timeout only move the thread's `now`, so the
 * context object and history timestamps read as if the time had passed. The
 * real clock actually waits.
 */
export interface Clock {
  readonly kind: 'virtual' | 'real';
  /** The current time in epoch milliseconds, for a thread whose virtual time is `threadNow`. */
  now(threadNow: number): number;
  /** Lets `ms` pass; resolves (or returns at once, virtually) with the thread's new time. */
  sleep(threadNow: number, ms: number, signal: AbortSignal): number | Promise<number>;
}

export const virtualClock: Clock = {
  kind: 'virtual',
  now: (threadNow) => threadNow,
  sleep: (threadNow, ms) => threadNow + Math.max(0, ms),
};

export const realClock: Clock = {
  kind: 'real',
  now: () => Date.now(),
  sleep: (_threadNow, ms, signal) =>
    new Promise<number>((resolve) => {
      if (ms <= 0 || signal.aborted) return resolve(Date.now());
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(Date.now());
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        resolve(Date.now());
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * The real clock of a resumed execution. While the record is being replayed,
 * time is the recorded time (each reproduced event sets its thread's `now`),
 * and a wait whose end is still in the record takes none; once the execution
 * writes new events it is the real clock. A wait that began before the
 * restart therefore ends when it would have: a Wait entered at T for 60 s
 * ends at T + 60 s, or at once if that is past.
 *
 * @param progress `live`: new events are being written; `replaying`: recorded events remain to reproduce.
 */
export function resumingClock(progress: { readonly live: boolean; readonly replaying: boolean }): Clock {
  return {
    kind: 'real',
    now: (threadNow) => (progress.live ? Date.now() : threadNow),
    sleep: (threadNow, ms, signal) => {
      const until = (progress.live ? Date.now() : threadNow) + Math.max(0, ms);
      if (!progress.live && progress.replaying) return until;
      return realClock.sleep(threadNow, until - Date.now(), signal);
    },
  };
}
