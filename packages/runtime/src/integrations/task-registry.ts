import { createHash, createHmac, randomBytes } from 'node:crypto';
import { realClock, virtualClock } from '../execution/clock.js';
import { describeNonJson } from '../json-value.js';
import { StatesError } from '../errors.js';
import { copyJson } from '../json-copy.js';
import { WaitingTask, type WaitingTaskInfo, type WaitingThread } from './waiting-task.js';

/** AWS's error codes for the task-token and activity calls. */
export type TaskServiceErrorCode = 'InvalidToken' | 'TaskTimedOut' | 'InvalidOutput' | 'InvalidArn' | 'ValidationException';

/**
 * An error of the local task API, named as AWS names it (`error.name` is the
 * code, as in the AWS SDK for JavaScript v3): `InvalidToken` for a token this
 * process never issued, `TaskTimedOut` for one whose task has already ended.
 *
 * @example
 * try {
 *   sendTaskSuccess(token, {});
 * } catch (error) {
 *   if (error instanceof TaskServiceError && error.name === 'TaskTimedOut') console.log('too late');
 * }
 */
export class TaskServiceError extends Error {
  constructor(
    override readonly name: TaskServiceErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A long poll of GetActivityTask waiting for work. */
interface Poller {
  readonly workerName: string | undefined;
  deliver(task: WaitingTask): void;
}

export interface ActivityTask {
  /** Absent when the poll ended without work, as AWS's GetActivityTask answers `{}`. */
  taskToken?: string;
  input?: unknown;
}

export interface GetActivityTaskOptions {
  /** How long the poll waits for work, in real seconds. Default 60, as on AWS. */
  waitSeconds?: number;
  /** Ends the poll early (it then answers `{}`). */
  signal?: AbortSignal;
}

/** A callback or activity task waited for outside any state machine (`TaskService.openTask`). */
export interface OpenTaskOptions {
  kind: 'callback' | 'activity';
  /** The callback's resource (ending `.waitForTaskToken`) or the activity ARN workers poll. */
  resource: string;
  /** What listeners see as the state's name. Default `''`. */
  stateName?: string;
  /** What listeners see as the execution. Default `''`. */
  executionArn?: string;
  /** An activity task's input, as workers receive it. */
  input?: unknown;
  /** As the Task's TimeoutSeconds (default 99999999) and HeartbeatSeconds. */
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /** `virtual` (default): deadlines fire when the process is idle. `real`: they are timers. */
  clock?: 'virtual' | 'real';
  /** The virtual time (epoch ms) at which the task opens. Default: now. */
  now?: number;
  /** Ends the wait (it rejects) when aborted. */
  signal?: AbortSignal;
}

/** The handle `TaskService.openTask` returns. */
export interface OpenTask {
  /** A callback's token at once; an activity's once a worker took it. */
  readonly taskToken: string | undefined;
  /** The task's virtual time (epoch ms): where a deadline that fired, or `advanceTime`, left it. */
  readonly now: number;
  /**
   * Starts waiting (a callback's heartbeat clock starts now; `request` is what
   * `onTaskWaiting` listeners see as its input) and resolves with the answer's
   * output. Rejects with a `StatesError`: SendTaskFailure's error and cause,
   * or `States.Timeout`; with an `Error` when `signal` aborts.
   */
  wait(request?: unknown): Promise<unknown>;
  /** Gives the task up without waiting: its token is spent. */
  close(): void;
}

const TOKEN_ID_BYTES = 18;
const TOKEN_ID_LENGTH = 24;
const TOKEN_MAC_LENGTH = 22;
const ACTIVITY_ARN = /^arn:[^:]+:states:[^:]+:[^:]+:activity:[^:]+$/;

/**
 * The service side of callbacks and activities: issues task tokens, keeps
 * the tasks that wait for an answer, queues activity tasks for workers, and
 * takes the answers. `TaskService` is its public face.
 *
 * A token is an id plus an HMAC of it under this registry's secret, so
 * a token this process issued is recognised after its task has ended without
 * keeping every spent token: a spent one is `TaskTimedOut`, anything else
 * `InvalidToken`. An execution's tasks get ids derived from where they are in
 * it (a hash, so the token stays opaque), which a resumed execution reproduces;
 * with the same secret, a restarted process then takes answers sent with tokens
 * issued before the restart.
 */
export class TaskRegistry {
  private readonly secret: Uint8Array;

  /** @param secret what tokens are signed with; the same secret in a restarted process accepts the tokens issued before. */
  constructor(secret?: string | Uint8Array) {
    this.secret = secret === undefined ? randomBytes(32) : typeof secret === 'string' ? Buffer.from(secret) : secret;
  }

  private readonly live = new Map<string, WaitingTask>();
  private readonly queued = new Map<string, WaitingTask[]>();
  private readonly pollers = new Map<string, Poller[]>();
  private readonly listeners = new Set<(task: WaitingTaskInfo) => void>();

  /**
   * A callback task whose token is issued now, for `$$.Task.Token`; it starts
   * waiting later. `place` (where the task is in its execution) makes the
   * token the same when a resumed execution reaches the task again.
   */
  openCallback(thread: WaitingThread, info: WaitingTaskInfo, place?: string): WaitingTask {
    const task = new WaitingTask(thread, info, (done) => this.forget(done));
    task.place = place;
    task.token = this.issueToken(place);
    this.live.set(task.token, task);
    return task;
  }

  /** An activity task, queued until a worker polls for it (or handed to a worker already polling). */
  scheduleActivity(
    thread: WaitingThread,
    info: WaitingTaskInfo,
    limits: { timeoutSeconds?: number; heartbeatSeconds?: number },
    onStart: (workerName: string | undefined) => void,
    place?: string,
    /** What the record of a resumed execution says: a worker took the task (it is not queued again), or it ended (`started: false`). */
    recorded?: { started: boolean; workerName?: string },
  ): WaitingTask {
    const task = new WaitingTask(thread, info, (done) => this.forget(done));
    task.limit(limits.timeoutSeconds, limits.heartbeatSeconds);
    task.onStart = onStart;
    task.place = place;
    if (recorded) {
      if (recorded.started) this.startActivity(task, recorded.workerName);
      return task;
    }
    const poller = this.pollers.get(info.resource)?.shift();
    if (poller) poller.deliver(task);
    else this.queueOf(info.resource).push(task);
    return task;
  }

  /**
   * A task that no state machine owns: its own WaitingThread carries the
   * clock, the virtual time and the abort signal.
   */
  openTask(options: OpenTaskOptions): OpenTask {
    const abort = new AbortController();
    if (options.signal?.aborted) abort.abort();
    else options.signal?.addEventListener('abort', () => abort.abort(), { once: true });
    const thread: WaitingThread = {
      run: { clock: options.clock === 'real' ? realClock : virtualClock, abort, deadline: Infinity, interruptedBy: undefined },
      now: options.now ?? Date.now(),
    };
    const info: WaitingTaskInfo = {
      kind: options.kind,
      stateName: options.stateName ?? '',
      resource: options.resource,
      executionArn: options.executionArn ?? '',
      input: options.kind === 'activity' ? (options.input ?? null) : null,
    };
    const limits = { timeoutSeconds: options.timeoutSeconds, heartbeatSeconds: options.heartbeatSeconds };
    const task =
      options.kind === 'callback'
        ? this.openCallback(thread, info)
        : this.scheduleActivity(thread, info, limits, () => undefined);
    if (options.kind === 'callback') task.limit(limits.timeoutSeconds, limits.heartbeatSeconds);
    else if (!task.settled) this.announce(info);
    return {
      get taskToken() {
        return task.token;
      },
      get now() {
        return thread.now;
      },
      wait: (request?: unknown) => {
        if (options.kind === 'callback') {
          task.start();
          if (!task.settled) this.announce({ ...info, taskToken: task.token, input: request ?? null });
        }
        return task.wait().then((outcome) => {
          if (outcome.kind === 'succeeded') return outcome.output;
          throw outcome.kind === 'interrupted' ? outcome.interrupted : outcome.error;
        });
      },
      close: () => task.close(),
    };
  }

  /** Tells listeners that a task waits for an answer. */
  announce(info: WaitingTaskInfo): void {
    for (const listener of this.listeners) listener(info);
  }

  onTaskWaiting(listener: (task: WaitingTaskInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sendTaskSuccess(taskToken: string, output: unknown): void {
    const task = this.find(taskToken);
    task.settle({ kind: 'succeeded', output: jsonOutput(output) });
  }

  sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
    const task = this.find(taskToken);
    task.settle({ kind: 'failed', error: new StatesError(error ?? '', cause) });
  }

  sendTaskHeartbeat(taskToken: string): void {
    this.find(taskToken).heartbeat();
  }

  advanceTime(taskToken: string, seconds: number): void {
    if (!(typeof seconds === 'number' && seconds >= 0 && Number.isFinite(seconds))) {
      throw new TaskServiceError('ValidationException', `seconds must be a finite number of at least 0, not ${String(seconds)}`);
    }
    const task = this.find(taskToken);
    if (task.thread.run.clock.kind !== 'virtual') {
      throw new TaskServiceError('ValidationException', 'advanceTime needs an execution on the virtual clock; on the real clock time passes by itself');
    }
    task.advance(seconds * 1000);
  }

  getActivityTask(activityArn: string, workerName?: string, options: GetActivityTaskOptions = {}): Promise<ActivityTask> {
    if (typeof activityArn !== 'string' || !ACTIVITY_ARN.test(activityArn)) {
      return Promise.reject(new TaskServiceError('InvalidArn', `Invalid Arn: '${String(activityArn)}' is not an activity ARN (arn:aws:states:<region>:<account>:activity:<name>)`));
    }
    const queue = this.queued.get(activityArn);
    const ready = queue?.shift();
    if (ready) return Promise.resolve(this.startActivity(ready, workerName));
    const waitMs = Math.max(0, (options.waitSeconds ?? 60) * 1000);
    if (waitMs === 0 || options.signal?.aborted) return Promise.resolve({});
    return new Promise<ActivityTask>((resolve) => {
      const pollers = this.pollersOf(activityArn);
      const end = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        const index = pollers.indexOf(poller);
        if (index >= 0) pollers.splice(index, 1);
      };
      const poller: Poller = {
        workerName,
        deliver: (task) => {
          end();
          resolve(this.startActivity(task, workerName));
        },
      };
      const onAbort = () => {
        end();
        resolve({});
      };
      // A poll alone must not keep the process busy: an in-process worker polling in a loop would
      // otherwise stop the virtual clock from ever reaching a waiting task's deadline.
      const timer = setTimeout(onAbort, waitMs).unref();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      pollers.push(poller);
    });
  }

  private startActivity(task: WaitingTask, workerName: string | undefined): ActivityTask {
    task.token = this.issueToken(task.place === undefined ? undefined : `${task.place}\u0000activity`);
    this.live.set(task.token, task);
    task.start(workerName);
    return { taskToken: task.token, input: copyJson(task.info.input) };
  }

  /** The live task for a token, or AWS's error for it. */
  private find(taskToken: string): WaitingTask {
    const task = typeof taskToken === 'string' ? this.live.get(taskToken) : undefined;
    if (task) return task;
    // Recorded on AWS (SendTaskFailure on a spent token): "Task Timed Out: 'Provided task does not exist anymore'".
    if (this.issued(taskToken)) throw new TaskServiceError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    throw new TaskServiceError('InvalidToken', "Invalid Token: 'Invalid token'");
  }

  /** A random token, or one derived from the task's place (made unique among the live tasks). */
  private issueToken(place?: string): string {
    if (place === undefined) {
      const id = randomBytes(TOKEN_ID_BYTES).toString('base64url');
      return id + this.mac(id);
    }
    for (let n = 0; ; n++) {
      const id = createHash('sha256').update(n === 0 ? place : `${place}\u0000${n}`).digest().subarray(0, TOKEN_ID_BYTES).toString('base64url');
      const token = id + this.mac(id);
      if (!this.live.has(token)) return token;
    }
  }

  private issued(token: unknown): boolean {
    if (typeof token !== 'string' || token.length !== TOKEN_ID_LENGTH + TOKEN_MAC_LENGTH) return false;
    return this.mac(token.slice(0, TOKEN_ID_LENGTH)) === token.slice(TOKEN_ID_LENGTH);
  }

  private mac(id: string): string {
    return createHmac('sha256', this.secret).update(id).digest('base64url').slice(0, TOKEN_MAC_LENGTH);
  }

  private forget(task: WaitingTask): void {
    if (task.token !== undefined) this.live.delete(task.token);
    const queue = this.queued.get(task.info.resource);
    const index = queue?.indexOf(task) ?? -1;
    if (index >= 0) queue!.splice(index, 1);
  }

  private queueOf(activityArn: string): WaitingTask[] {
    let queue = this.queued.get(activityArn);
    if (!queue) this.queued.set(activityArn, (queue = []));
    return queue;
  }

  private pollersOf(activityArn: string): Poller[] {
    let pollers = this.pollers.get(activityArn);
    if (!pollers) this.pollers.set(activityArn, (pollers = []));
    return pollers;
  }
}

/** SendTaskSuccess's output as the state will see it: a JSON copy, or InvalidOutput. */
function jsonOutput(output: unknown): unknown {
  const problem = describeNonJson(output);
  const text = problem === undefined ? JSON.stringify(output) : undefined;
  if (text === undefined) {
    throw new TaskServiceError('InvalidOutput', `The provided JSON output data is not valid${problem ? `: ${problem}` : ''}.`);
  }
  return JSON.parse(text);
}
