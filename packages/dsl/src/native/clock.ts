/**
 * Time as a native run sees it. The virtual clock never waits: `sleep`
 * schedules a wake-up at `now + ms`, and once the current burst of work has
 * settled (the next macrotask) the earliest wake-up fires and time jumps
 * there. Concurrent sleeps therefore overlap as they would in parallel
 * branches: `Promise.all([sleep(10), sleep(20)])` ends 20 s later, not 30.
 * The real clock actually waits.
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

  /** Wakes the earliest sleepers; later ones wait for what these set off to settle first. */
  private fire(): void {
    this.scheduled = false;
    if (this.wakeups.length === 0) return;
    this.wakeups.sort((a, b) => a.at - b.at || a.order - b.order);
    const at = this.wakeups[0]!.at;
    this.advanceTo(at);
    while (this.wakeups.length > 0 && this.wakeups[0]!.at <= this.time) this.wakeups.shift()!.resolve();
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
