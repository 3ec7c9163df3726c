import { errorOutputOf, toStatesError } from '../execution/error-handling.js';
import { ExecutionInterrupted } from '../execution/execution-run.js';
import { isPromise } from '../execution/prepared.js';
import type { PreparedMachine } from '../execution/prepared.js';
import { runMachine } from '../execution/run-machine.js';
import type { Thread } from '../execution/thread.js';
import { ChildGroup, TurnScheduler } from '../execution/turns.js';
import { VariableScope } from '../execution/variables.js';
import type { StatesError } from '../errors.js';
import type { MapRunControls } from './distributed-map/map-run-controls.js';

/** One unit of concurrent work inside a Parallel or Map state. */
export interface ChildRun {
  machine: PreparedMachine;
  input: unknown;
  /** Set when a redrive keeps this child's result from before: it is not run again, and writes no events. */
  kept?: { output: unknown };
  /** Virtual time at which the child may start (Map's MaxConcurrency delays some). */
  mapItem?: { Index: number; Value: unknown };
  /** Called on the child's thread before it runs and after it ends. */
  onStart?(child: Thread): void;
  onSuccess?(child: Thread, output: unknown): void;
  onFailure?(child: Thread, error: StatesError): void;
  /** Called on a running child's thread when a failure elsewhere aborts it (virtual clock). */
  onAbort?(child: Thread): void;
}

export interface ChildrenOutcome {
  outputs: unknown[];
  failures: number;
  /** The first failure that was not tolerated, if any. */
  error?: StatesError;
}

/**
 * Runs children of a Parallel or Map state, up to `maxConcurrency` at once.
 * On the virtual clock they take turns (`execution/turns.ts`): each runs
 * until it next takes time, so they advance together and the failure that
 * happens first in virtual time (then in order) is the one the state reports;
 * a failure aborts the children still running (`onAbort`) and the state goes
 * on at once. A child that ends synchronously ends within its own start, so a
 * Map of Pass states stays synchronous. On the real clock they run in a
 * worker pool. `tolerate(failures)` says whether the state may go on after a
 * failure.
 *
 * History chains, as AWS records them: with `chain`, each child's first event
 * points at the last event of the child before it (AWS's Map iterations), else
 * at the parent's last event (Parallel branches). Afterwards the parent goes
 * on from the latest event any child wrote (a Map's last MapIterationSucceeded,
 * a branch's last state event) or, on failure, from the failing child's last
 * state event: an iteration's own closing event (MapIterationFailed…) does not
 * lead anywhere.
 */
export function runChildren(
  parent: Thread,
  children: ChildRun[],
  maxConcurrency: number,
  options: {
    isolatedVariables?: boolean;
    recordsHistory?: boolean;
    chain?: boolean;
    tolerate?: (failures: number) => boolean;
    /** False when the caller takes each result through onSuccess/onFailure (a Distributed Map's ResultWriter). */
    keepOutputs?: boolean;
    /**
     * A Map Run's limits, which UpdateMapRun may change while it runs: when
     * given, its `maxConcurrency` is read each time a child could start
     * (instead of `maxConcurrency`); a raised limit starts more children at
     * once on the real clock, and as running ones end on the virtual clock.
     */
    controls?: MapRunControls;
  },
): ChildrenOutcome | Promise<ChildrenOutcome> {
  const outputs: unknown[] = new Array(children.length);
  const { controls } = options;
  const limitOf = (value: number) => (value > 0 ? value : Infinity);
  const currentLimit = () => limitOf(controls ? controls.maxConcurrency : maxConcurrency);
  const tolerate = options.tolerate ?? (() => false);
  const keepOutputs = options.keepOutputs ?? true;
  let failures = 0;
  let firstError: StatesError | undefined;
  const startTime = parent.now;
  let endTime = startTime;
  let lastEventId = parent.lastEventId;
  let chainEnd = parent.lastEventId;
  let failedAt = parent.lastEventId;

  const makeThread = (child: ChildRun, now: number, group?: ChildGroup): Thread => ({
    run: parent.run,
    variables: new VariableScope(options.isolatedVariables ? undefined : parent.variables),
    now,
    lastEventId: options.chain ? chainEnd : parent.lastEventId,
    inputSize: Infinity,
    mapItem: child.mapItem,
    recordsHistory: options.recordsHistory ?? parent.recordsHistory,
    group,
  });

  const settle = (index: number, thread: Thread, outcome: { output?: unknown; thrown?: unknown }) => {
    const child = children[index]!;
    endTime = Math.max(endTime, thread.now);
    const ownLastEventId = thread.lastEventId;
    if (options.chain) chainEnd = ownLastEventId;
    if (outcome.thrown === undefined) {
      if (keepOutputs) outputs[index] = outcome.output;
      child.onSuccess?.(thread, outcome.output);
      if (thread.lastEventId > lastEventId) lastEventId = thread.lastEventId;
      return;
    }
    if (outcome.thrown instanceof ExecutionInterrupted) throw outcome.thrown;
    const error = toStatesError(outcome.thrown);
    failures++;
    child.onFailure?.(thread, error);
    if (thread.lastEventId > lastEventId) lastEventId = thread.lastEventId;
    if (keepOutputs) outputs[index] = errorOutputOf(error);
    if (!tolerate(failures) && !firstError) {
      firstError = error;
      failedAt = ownLastEventId;
    }
  };

  const finish = (): ChildrenOutcome => {
    parent.now = endTime;
    parent.lastEventId = firstError ? failedAt : lastEventId;
    return { outputs, failures, error: firstError };
  };

  if (parent.run.clock.kind === 'virtual') {
    const turns = (parent.run.turns ??= new TurnScheduler());
    const group = new ChildGroup(parent.group);
    // Children started and not yet ended, by index: those a failure aborts.
    const running = new Map<number, Thread>();
    let next = 0;
    let startAt = startTime;
    let starterQueued = false;
    let thrown: unknown;
    let done = false;
    let parentWaiting = true;
    let resume: ((outcome: ChildrenOutcome | Promise<never>) => void) | undefined;

    group.onAbort = (at) => {
      for (const index of [...running.keys()].sort((a, b) => a - b)) {
        const thread = running.get(index)!;
        // A parked thread's clock already reads the end of its wait; it is aborted at the failure's time.
        thread.now = Math.min(thread.now, at);
        children[index]!.onAbort?.(thread);
      }
    };
    // Starts the next child while a slot is free. It queues itself again before the child runs, so that what the
    // child queues in its own turn (its children) comes first.
    const starter = {
      group,
      run: () => {
        starterQueued = false;
        const index = next++;
        if (next < children.length && running.size + 1 < currentLimit()) queueStarter();
        start(index, startAt);
      },
    };
    const queueStarter = () => {
      starterQueued = true;
      turns.runNext(starter);
    };
    const start = (index: number, now: number): void => {
      const child = children[index]!;
      const thread = makeThread(child, now, group);
      running.set(index, thread);
      if (child.kept) return end(index, thread, { output: child.kept.output });
      child.onStart?.(thread);
      let result: unknown;
      try {
        result = runMachine(thread, child.machine, child.input);
      } catch (error) {
        return end(index, thread, { thrown: error });
      }
      if (isPromise(result)) {
        result.then(
          (output) => end(index, thread, { output }),
          (error) => end(index, thread, { thrown: error }),
        );
      } else {
        end(index, thread, { output: result });
      }
    };
    // Runs in the ending child's turn; the turn passes to the next child to start, or back to the parent.
    const end = (index: number, thread: Thread, outcome: { output?: unknown; thrown?: unknown }): void => {
      running.delete(index);
      try {
        settle(index, thread, outcome);
      } catch (error) {
        thrown = error;
      }
      if (thrown !== undefined || firstError) {
        group.abort(thrown === undefined ? thread.now : undefined);
        return finishGroup();
      }
      if (next < children.length) {
        // A slot is free: the next child starts at this one's end.
        startAt = thread.now;
        if (!starterQueued) queueStarter();
      } else if (running.size === 0) {
        return finishGroup();
      }
      turns.release();
    };
    const finishGroup = (): void => {
      group.close();
      done = true;
      // The parent takes the turn over; unless it is still starting its children, it goes on now.
      if (!parentWaiting) resume!(outcomeOrThrow());
    };
    const outcomeOrThrow = (): ChildrenOutcome | Promise<never> => (thrown === undefined ? finish() : Promise.reject(thrown));

    if (children.length === 0) return finish();
    queueStarter();
    turns.release();
    parentWaiting = false;
    if (done) {
      if (thrown !== undefined) throw thrown;
      return finish();
    }
    return new Promise<ChildrenOutcome>((resolve) => (resume = resolve));
  }

  // Real clock: up to the limit at once, each end starting the next; a raised limit starts more at once.
  return new Promise<ChildrenOutcome>((resolve, reject) => {
    let nextIndex = 0;
    let active = 0;
    let interrupted: unknown;
    const stopListening = controls?.onChange(() => pump());
    const launch = (index: number): void => {
      const child = children[index]!;
      const thread = makeThread(child, parent.run.clock.now(parent.now));
      if (child.kept) return settle(index, thread, { output: child.kept.output });
      active++;
      child.onStart?.(thread);
      const ran = (async () => {
        try {
          settle(index, thread, { output: await runMachine(thread, child.machine, child.input) });
        } catch (thrown) {
          settle(index, thread, { thrown });
        }
      })();
      ran.catch((error: unknown) => void (interrupted ??= error)).finally(() => {
        active--;
        pump();
      });
    };
    const pump = (): void => {
      // A failure the state does not tolerate, or the execution's end, starts no more children.
      const more = () => nextIndex < children.length && !firstError && interrupted === undefined;
      while (more() && active < currentLimit()) launch(nextIndex++);
      if (active > 0 || more()) return;
      stopListening?.();
      if (interrupted !== undefined) reject(interrupted);
      else resolve(finish());
    };
    pump();
  });
}
