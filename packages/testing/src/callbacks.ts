import type { MachineSchema, TaskService, WaitingTaskInfo } from '@typestep/runtime';

/**
 * A callback task waiting for its token, in every run of the test (native
 * and compiled in mode `'both'`): answering it answers all of them.
 *
 * @example
 * const approval = await running.callback('askManager');
 * assert.equal(approval.request, { expenseId: 'e-1', amount: 420 });
 * approval.succeed({ approved: true });
 */
export interface CallbackHandle {
  /** The request the task sent (its effective input) in the first run. */
  readonly request: unknown;
  readonly stateName: string;
  succeed(output: unknown): void;
  fail(error?: string, cause?: string): void;
  heartbeat(): void;
}

interface Waiting {
  info: WaitingTaskInfo;
  service: TaskService;
}

/** Collects the callback tasks that start waiting in a test's runs, and hands them to `callback(task)` in order. */
export class WaitingTasks {
  tasks: MachineSchema['tasks'];
  private readonly waiting: Waiting[][] = [];
  private readonly listeners = new Set<() => void>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly runs: number) {}

  /** Starts collecting the tasks that wait on `service` (one service per run). */
  watch(service: TaskService): void {
    const queue: Waiting[] = [];
    this.waiting.push(queue);
    service.onTaskWaiting((info) => {
      if (info.kind !== 'callback' || info.taskToken === undefined) return;
      queue.push({ info, service });
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** Rejects every pending and future `next` with the run's error. */
  abandon(error: unknown): void {
    this.failure = { error };
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves once every run has a waiting task that `task` names, and takes it from the queues. */
  next(task: string): Promise<CallbackHandle> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        if (this.failure) {
          this.listeners.delete(attempt);
          reject(this.failure.error);
          return true;
        }
        if (this.waiting.length < this.runs) return false;
        const found = this.waiting.map((queue) => queue.findIndex((entry) => this.names(task, entry.info)));
        if (found.some((index) => index < 0)) return false;
        this.listeners.delete(attempt);
        const entries = found.map((index, run) => this.waiting[run]!.splice(index, 1)[0]!);
        resolve(handleFor(entries));
        return true;
      };
      if (!attempt()) this.listeners.add(attempt);
    });
  }

  /** Whether `task` (a task key, a state name or a resource) names the waiting task. */
  private names(task: string, info: WaitingTaskInfo): boolean {
    const declared = this.tasks && Object.hasOwn(this.tasks, task) ? this.tasks[task] : undefined;
    if (declared) {
      if (declared.stateName) return info.stateName.replace(/ \([^()]*\)$/, '') === declared.stateName;
      return info.resource === declared.resource || info.resource === `${declared.resource}.waitForTaskToken`;
    }
    return info.stateName === task || info.resource === task;
  }
}

function handleFor(entries: Waiting[]): CallbackHandle {
  return {
    request: entries[0]!.info.input,
    stateName: entries[0]!.info.stateName,
    succeed: (output) => entries.forEach(({ info, service }) => service.sendTaskSuccess(info.taskToken!, output)),
    fail: (error, cause) => entries.forEach(({ info, service }) => service.sendTaskFailure(info.taskToken!, error, cause)),
    heartbeat: () => entries.forEach(({ info, service }) => service.sendTaskHeartbeat(info.taskToken!)),
  };
}
