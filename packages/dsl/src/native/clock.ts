/**
 * Time as a native run sees it. The virtual clock never waits: `sleep`
 * schedules a wake-up at `now + ms`, and once the current burst of work has
 * settled (the next macrotask) the earliest wake-up fires and time jumps
 * there. Concurrent sleeps therefore overlap as they would in parallel
 * branches: `Promise.all([sleep(10), sleep(20)])` ends 20 s later, not 30.
 * Sleepers due at the same time wake in the order they fell asleep, one per
 * macrotask. The real clock actually waits.
 */
export interface NativeClock {
  readonly kind: 'virtual' | 'real';
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Moves virtual time forward to `at` (never back); a no-op on the real clock. */
  advanceTo(at: number): void;
}

interface Wakeup {
  at: number;
  order: number;
  resolve: () => void;
}

export class VirtualClock implements NativeClock {
  readonly kind = 'virtual';
  private time: number;
  private readonly wakeups: Wakeup[] = [];
  private scheduled = false;
  private counter = 0;

  constructor(startTime: number) {
    this.time = startTime;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeups.push({ at: this.time + Math.max(0, ms), order: this.counter++, resolve });
      this.schedule();
    });
  }

  advanceTo(at: number): void {
    this.time = Math.max(this.time, at);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.fire());
  }

  /**
   * Wakes the earliest sleeper, the first to fall asleep among those due at
   * once; the next waits for what this one sets off to settle. One sleeper a
   * turn keeps concurrent work from interleaving by promise ticks: a branch
   * runs until it next sleeps (every task call sleeps for its duration, 0 too),
   * as a branch of the compiled run does on the runtime's turns.
   */
  private fire(): void {
    this.scheduled = false;
    if (this.wakeups.length === 0) return;
    let first = 0;
    for (let i = 1; i < this.wakeups.length; i++) {
      const a = this.wakeups[i]!;
      const b = this.wakeups[first]!;
      if (a.at < b.at || (a.at === b.at && a.order < b.order)) first = i;
    }
    const [wakeup] = this.wakeups.splice(first, 1);
    this.advanceTo(wakeup!.at);
    wakeup!.resolve();
    if (this.wakeups.length > 0) this.schedule();
  }
}

export class RealClock implements NativeClock {
  readonly kind = 'real';

  now(): number {
    return Date.now();
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  }

  advanceTo(): void {}
}
