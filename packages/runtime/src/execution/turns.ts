import type { Thread } from './thread.js';

/**
 * The concurrent work of one Parallel or Map state: its children, and whether
 * it was aborted (a child failed, or the group it runs in was aborted).
 */
export class ChildGroup {
  aborted = false;
  /** Records the abort, at virtual time `at`, of the children still running (a Map's MapIterationAborted events). */
  onAbort: ((at: number) => void) | undefined;
  /** Groups that this group's threads are waiting on: they are aborted with it. */
  private readonly inner = new Set<ChildGroup>();

  constructor(readonly parent: ChildGroup | undefined) {
    parent?.inner.add(this);
  }

  /**
   * Aborts the group and every group inside it, innermost first: their threads
   * never run again. `at`: when (a failure's time), for the records; none when
   * the whole execution ends.
   */
  abort(at?: number): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const group of this.inner) group.abort(at);
    if (at !== undefined) this.onAbort?.(at);
  }

  /** The group's work is over: an abort of the group around it no longer reaches it. */
  close(): void {
    this.parent?.inner.delete(this);
  }
}

/** Something waiting for its turn: a thread to resume, a child to start or a parent to resume. */
interface Turn {
  /** Virtual time at which it may run (heap turns only). */
  at: number;
  /** Order of enqueueing: ties at one time run first come, first served. */
  seq: number;
  /** The group whose abort cancels the turn. */
  group: ChildGroup | undefined;
  run(): void;
}

/**
 * Turns on the virtual clock: the discrete-event scheduler that runs the
 * branches and iterations of an execution concurrently, one at a time.
 *
 * Exactly one thread runs at any moment (it holds the turn). It runs until it
 * reaches something that takes time — a task call, a Wait, a retry backoff —
 * and then parks: it waits for its turn at `now + duration`. The next turn
 * goes to the earliest waiting thread; threads due at the same time run in
 * the order they parked. A JSONata evaluation or a state chain between two
 * task calls therefore never interleaves with another thread, however many
 * promises it takes, and which of two concurrent failures happens first is
 * decided by virtual time, then by order, never by the host's scheduling.
 *
 * Starting children and resuming a parent take no time: they run before any
 * parked thread (`immediate`), as the synchronous start of an async function
 * and the settling of a `Promise.all` do natively.
 */
export class TurnScheduler {
  private readonly heap: Turn[] = [];
  /** Turns that take no time, the next one last (a stack: the newest go first). */
  private readonly immediate: Array<{ group: ChildGroup | undefined; run(): void }> = [];
  private seq = 0;
  /** True while some thread holds the turn. */
  busy = true;
  private dispatching = false;

  /** Parks `thread` until `thread.now`: the turn passes on, and the promise resolves when it comes back. */
  park(thread: Thread): Promise<void> {
    const turn = this.wake(thread);
    this.release();
    return turn;
  }

  /**
   * For a thread that let go of its turn to wait on the outside world (a
   * callback, an activity, a child execution): its turn at `thread.now`.
   */
  wake(thread: Thread): Promise<void> {
    const woken = new Promise<void>((resolve) => this.push({ at: thread.now, seq: this.seq++, group: thread.group, run: resolve }));
    this.dispatch();
    return woken;
  }

  /** Queues a turn that takes no time: it runs next, ahead of every parked thread and every other such turn queued before. */
  runNext(turn: { group: ChildGroup | undefined; run(): void }): void {
    this.immediate.push(turn);
  }

  /** Ends the current turn and hands it on. */
  release(): void {
    this.busy = false;
    this.dispatch();
  }

  /** Gives the turn to the next one waiting, and on while turns end synchronously. */
  private dispatch(): void {
    // Turns that end synchronously end inside `run()`: the loop already running hands on the next (no recursion).
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      while (!this.busy) {
        const turn = this.take();
        if (!turn) return;
        this.busy = true;
        turn.run();
      }
    } finally {
      this.dispatching = false;
    }
  }

  private take(): { run(): void } | undefined {
    while (this.immediate.length > 0) {
      const turn = this.immediate.pop()!;
      if (!turn.group?.aborted) return turn;
    }
    while (this.heap.length > 0) {
      const turn = this.pop();
      if (!turn.group?.aborted) return turn;
    }
    return undefined;
  }

  private push(turn: Turn): void {
    const heap = this.heap;
    heap.push(turn);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Turn {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < heap.length && before(heap[left]!, heap[least]!)) least = left;
        if (right < heap.length && before(heap[right]!, heap[least]!)) least = right;
        if (least === i) break;
        [heap[i], heap[least]] = [heap[least]!, heap[i]!];
        i = least;
      }
    }
    return top;
  }
}

function before(a: Turn, b: Turn): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * Goes on with `next` after something that took time (a task call, a Wait, a
 * backoff): a branch or iteration first waits for its turn at `thread.now`;
 * the top level, which runs alone, goes on at once.
 */
export function afterTurn<T>(thread: Thread, next: () => T | Promise<T>): T | Promise<T> {
  const turns = thread.group && thread.run.turns;
  return turns ? turns.park(thread).then(next) : next();
}

/**
 * Waits on the outside world (a callback's answer, an activity worker, a
 * child execution) without holding the turn, so that other branches can go on
 * and, say, issue the tokens the answer depends on; then waits for the turn.
 */
export function awaitOutside<T>(thread: Thread, pending: Promise<T>): Promise<T> {
  const turns = thread.group && thread.run.turns;
  if (!turns) return pending;
  turns.release();
  const rejoin = () => turns.wake(thread);
  return pending.then(
    (value) => rejoin().then(() => value),
    (thrown) => rejoin().then(() => Promise.reject(thrown)),
  );
}
