import { StatesError } from '../errors.js';
import { ExecutionInterrupted } from '../execution/execution-run.js';
import type { ExecutionRun } from '../execution/execution-run.js';
import { addIdleWait, removeIdleWait, type IdleWait } from './idle-deadlines.js';

/** AWS's TimeoutSeconds for a Task that sets none. */
export const DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999;

/** The longest delay `setTimeout` honours; longer deadlines are never reached on the real clock. */
const MAX_TIMER_MS = 2_147_483_647;

/** How a waiting task ended, as the state sees it. */
export type TaskOutcome =
  | { kind: 'succeeded'; output: unknown }
  /** SendTaskFailure: `error.error` is '' when the caller gave no error name. */
  | { kind: 'failed'; error: StatesError }
  /** A deadline passed: TimeoutSeconds or HeartbeatSeconds (States.Timeout). */
  | { kind: 'timed-out'; error: StatesError }
  /** The execution was aborted or reached its own TimeoutSeconds. */
  | { kind: 'interrupted'; interrupted: ExecutionInterrupted };

/** What listeners learn about a task that starts waiting for the outside world. */
export interface WaitingTaskInfo {
  kind: 'callback' | 'activity';
  /** The token to answer with. Absent for an activity task no worker has taken yet. */
  taskToken?: string;
  stateName: string;
  /** The Task's `Resource`: the integration ARN, or the activity ARN. */
  resource: string;
  executionArn: string;
  /** The effective input: the request sent (callbacks) or what a worker receives (activities). */
  input: unknown;
}

/**
 * What a WaitingTask reads of the thread it blocks: the execution's clock,
 * abort signal and deadline, and the thread's virtual time. An execution's
 * `Thread` is one; `TaskService.openTask` builds its own for a task no state
 * machine owns.
 */
export interface WaitingThread {
  now: number;
  readonly run: Pick<ExecutionRun, 'clock' | 'abort' | 'deadline' | 'interruptedBy'> & Partial<Pick<ExecutionRun, 'recordedHeartbeats'>>;
}

/**
 * A Task that waits for someone outside the execution to answer: a
 * `.waitForTaskToken` callback or an activity task. It ends with the first of:
 * an answer (SendTaskSuccess / SendTaskFailure), TimeoutSeconds counted from
 * the task's start, HeartbeatSeconds without a heartbeat once its heartbeat
 * clock has started, or the execution's end (abort, execution timeout).
 *
 * On the real clock the deadlines are timers. On the virtual clock the
 * thread's time stands still while it waits; it moves on by `advance()`, or
 * jumps to the next deadline when the process is idle (`idle-deadlines.ts`).
 */
export class WaitingTask implements IdleWait {
  token: string | undefined;
  /** Where the task is in its execution, which its token is derived from (see `TaskRegistry`). */
  place: string | undefined;
  /** Called once a worker takes an activity task (ActivityStarted). */
  onStart: ((workerName: string | undefined) => void) | undefined;
  private outcome: TaskOutcome | 'closed' | undefined;
  private resolve: ((outcome: TaskOutcome) => void) | undefined;
  private readonly startedAt: number;
  private timeoutAt = Infinity;
  private heartbeatMs: number | undefined;
  private heartbeatAt = Infinity;
  private timeoutTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly thread: WaitingThread,
    readonly info: WaitingTaskInfo,
    private readonly onSettle: (task: WaitingTask) => void,
  ) {
    this.startedAt = this.now();
  }

  get settled(): boolean {
    return this.outcome !== undefined;
  }

  /** Sets the task's TimeoutSeconds (default 99999999, as on AWS) and HeartbeatSeconds, counted from its start. */
  limit(timeoutSeconds: number | undefined, heartbeatSeconds: number | undefined): void {
    this.timeoutAt = this.startedAt + (timeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS) * 1000;
    this.heartbeatMs = heartbeatSeconds === undefined ? undefined : heartbeatSeconds * 1000;
  }

  /** Starts the heartbeat clock: when a callback begins to wait, when a worker takes an activity task. */
  start(workerName?: string): void {
    this.onStart?.(workerName);
    this.heartbeat();
    // A task resumed after a restart: its last heartbeat before the restart is when its clock restarted.
    const last = this.token === undefined ? undefined : this.thread.run.recordedHeartbeats?.get(this.token);
    if (last !== undefined && this.heartbeatMs !== undefined && !this.settled) this.heartbeatAt = last + this.heartbeatMs;
  }

  /** SendTaskHeartbeat: re-arms the HeartbeatSeconds deadline. */
  heartbeat(): void {
    if (this.heartbeatMs === undefined || this.settled) return;
    this.heartbeatAt = this.now() + this.heartbeatMs;
    if (this.resolve && this.thread.run.clock.kind === 'real') this.armTimers();
  }

  /** Waits for the answer or a deadline. Resolves at once when the answer came early. */
  wait(): Promise<TaskOutcome> {
    if (this.outcome === 'closed') throw new Error('the task was closed before it waited');
    if (this.outcome) return Promise.resolve(this.outcome);
    const { run } = this.thread;
    return new Promise<TaskOutcome>((resolve) => {
      this.resolve = resolve;
      if (run.abort.signal.aborted) return this.onAbort();
      run.abort.signal.addEventListener('abort', this.onAbort, { once: true });
      if (run.clock.kind === 'virtual') addIdleWait(this);
      else this.armTimers();
    });
  }

  nextDeadline(): number {
    return Math.min(this.heartbeatAt, this.timeoutAt, this.thread.run.deadline);
  }

  expire(): void {
    const at = this.nextDeadline();
    if (this.thread.run.clock.kind === 'virtual') this.thread.now = Math.max(this.thread.now, at);
    this.settle(this.deadlineOutcome(at));
  }

  /**
   * Lets `ms` of virtual time pass for the waiting execution. A deadline on
   * the way ends the wait there, as it would have on AWS.
   */
  advance(ms: number): void {
    const target = this.thread.now + ms;
    if (this.resolve && target >= this.nextDeadline()) this.expire();
    else this.thread.now = target;
  }

  /** Ends the wait with `outcome`; false when it had already ended. */
  settle(outcome: TaskOutcome): boolean {
    if (this.outcome) return false;
    this.outcome = outcome;
    this.release();
    this.resolve?.(outcome);
    return true;
  }

  /** Withdraws a task that will never wait (its state failed first): its token is spent. */
  close(): void {
    if (this.outcome) return;
    this.outcome = 'closed';
    this.release();
  }

  private readonly onAbort = (): void => {
    this.settle({ kind: 'interrupted', interrupted: this.thread.run.interruptedBy ?? new ExecutionInterrupted('ABORTED') });
  };

  private deadlineOutcome(at: number): TaskOutcome {
    const { deadline } = this.thread.run;
    if (at >= deadline && deadline <= Math.min(this.heartbeatAt, this.timeoutAt)) {
      return { kind: 'interrupted', interrupted: new ExecutionInterrupted('TIMED_OUT') };
    }
    // AWS reports a missed heartbeat as States.Timeout (recorded), which States.HeartbeatTimeout also catches.
    const missedHeartbeat = this.heartbeatAt < this.timeoutAt && at === this.heartbeatAt;
    return {
      kind: 'timed-out',
      error: new StatesError('States.Timeout', undefined, missedHeartbeat ? { alias: 'States.HeartbeatTimeout' } : {}),
    };
  }

  private armTimers(): void {
    const now = Date.now();
    clearTimeout(this.timeoutTimer);
    clearTimeout(this.heartbeatTimer);
    this.timeoutTimer = this.timerAt(this.timeoutAt, now);
    this.heartbeatTimer = this.timerAt(this.heartbeatAt, now);
  }

  private timerAt(at: number, now: number): NodeJS.Timeout | undefined {
    const delay = at - now;
    if (!(delay < MAX_TIMER_MS)) return undefined;
    return setTimeout(() => this.settle(this.deadlineOutcome(at)), Math.max(0, delay));
  }

  private release(): void {
    clearTimeout(this.timeoutTimer);
    clearTimeout(this.heartbeatTimer);
    removeIdleWait(this);
    this.thread.run.abort.signal.removeEventListener('abort', this.onAbort);
    this.onSettle(this);
  }

  private now(): number {
    return this.thread.run.clock.now(this.thread.now);
  }
}
