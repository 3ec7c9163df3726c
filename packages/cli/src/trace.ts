import { existsSync, readFileSync } from 'node:fs';
import { codeFrame } from '@typestep/compiler';
import { EventThreadTracker, type Execution, type EventThread, type HistoryEvent, type SourceLocation } from '@typestep/runtime';

/** Where the trace writes, and whether it may colour and redraw a status line. */
export interface TraceOutput {
  write(text: string): void;
  /** A terminal: colours (unless NO_COLOR) and a status line redrawn in place. */
  tty: boolean;
  color: boolean;
}

/** How many iterations of each Map get their states printed; the rest show as a count. */
const ITERATIONS_SHOWN = 3;

/** One state visit being traced: from its `…StateEntered` event to its exit or failure. */
interface Visit {
  name: string;
  type: string;
  thread: EventThread;
  entered: number;
  attempts: number;
  mapLength?: number;
  mapDone: number;
  mapFailed: number;
  /** The error of its last failed attempt, until it is retried. */
  error?: string;
}

/**
 * `typestep run --trace`: one line per state as the execution runs, read from
 * its history events as they happen — the state's virtual time since the
 * start, how long it took, its type and name (inside a Map iteration or a
 * Parallel branch, with that prefix), retries, how it ended, and for a
 * compiled workflow the TypeScript `file:line`. Map iterations after the
 * first three are counted, not listed; on a terminal a status line shows the
 * state running and each Map's progress. Returns when the execution ends.
 *
 * @example
 * //   0.000s  +0.000s  Task    Price order          workflow.ts:35
 * //   0.000s  +4.000s  Task    Charge card          2 retries   workflow.ts:36
 */
export async function traceExecution(execution: Execution, sourceMap: Readonly<Record<string, SourceLocation>>, out: TraceOutput): Promise<void> {
  const tracker = new EventThreadTracker();
  const open = new Map<string, Visit>();
  const maps: Visit[] = [];
  let start: number | undefined;
  let status = '';
  const paint = (code: string, text: string) => (out.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const clearStatus = () => {
    if (status) out.write('\r\x1b[K');
    status = '';
  };
  const showStatus = (text: string) => {
    if (!out.tty) return;
    clearStatus();
    status = text.slice(0, 150);
    out.write(paint('2', status));
  };
  const key = (thread: EventThread) => thread.label;

  const close = (visit: Visit, end: number, how: Ending) => {
    open.delete(key(visit.thread));
    const index = maps.indexOf(visit);
    if (index >= 0) maps.splice(index, 1);
    if (hidden(visit.thread)) return;
    clearStatus();
    out.write(`${formatVisit(visit, end, start!, how, sourceMap, paint)}\n`);
  };
  /** Visits left open inside `thread` (a failed iteration or branch): they failed with it, or never finished. */
  const closeInside = (thread: EventThread | undefined, end: number) => {
    const inside = [...open.values()].filter((visit) => thread === undefined || isInside(visit.thread, thread)).sort((a, b) => b.entered - a.entered);
    for (const visit of inside) {
      // The Map or Parallel around a failed visit fails with its error (their own failure events carry none).
      const around = visit.error && visit.thread.parent ? open.get(key(visit.thread.parent)) : undefined;
      if (around && !around.error) around.error = visit.error;
      close(visit, end, visit.error ? 'failed' : 'unfinished');
    }
  };

  let last = 0;
  let executionError: string | undefined;
  for await (const event of execution.events()) {
    const thread = tracker.add(event);
    const time = event.timestamp.getTime();
    start ??= time;
    last = time;
    const type = event.type;
    if (type.endsWith('StateEntered')) {
      const details = event.stateEnteredEventDetails as { name: string };
      const visit: Visit = { name: details.name, type: type.slice(0, -'StateEntered'.length), thread, entered: time, attempts: 0, mapDone: 0, mapFailed: 0 };
      open.set(key(thread), visit);
      showStatus(`running ${thread.label}${visit.name} (+${seconds(time - start)})${mapProgress(maps)}`);
    } else if (/(Task|LambdaFunction|Activity)Scheduled$/.test(type)) {
      const visit = open.get(key(thread));
      if (visit) {
        visit.attempts += 1;
        visit.error = undefined;
      }
    } else if (type === 'MapStateStarted') {
      const visit = open.get(key(thread));
      if (visit) {
        visit.mapLength = (event.mapStateStartedEventDetails as { length?: number } | undefined)?.length;
        maps.push(visit);
      }
    } else if (/^MapIteration(Succeeded|Failed|Aborted)$/.test(type)) {
      // The iteration's own events (and these) are on the iteration's thread; the Map's visit is on its parent.
      const visit = thread.parent && open.get(key(thread.parent));
      if (type !== 'MapIterationSucceeded') closeInside(thread, time);
      if (visit) {
        visit.mapDone += 1;
        if (type !== 'MapIterationSucceeded') visit.mapFailed += 1;
        showStatus(`running ${thread.parent!.label}${visit.name}${mapProgress(maps)}`);
      }
    } else if (type.endsWith('StateExited')) {
      const visit = open.get(key(thread));
      if (visit) close(visit, time, visit.error ? 'caught' : 'succeeded');
    } else if (/^Execution(Failed|TimedOut|Aborted)$/.test(type)) {
      executionError = type === 'ExecutionFailed' ? errorOf(event) ?? 'an error' : type === 'ExecutionTimedOut' ? 'States.Timeout' : 'aborted';
    } else if (/(Failed|TimedOut)$/.test(type)) {
      const visit = open.get(key(thread));
      if (visit) visit.error = errorOf(event) ?? visit.error;
      // A Map or Parallel that fails ends what still runs inside it.
      if (/^(Map|Parallel)StateFailed$/.test(type)) for (const child of open.values()) if (child !== visit && isInside(child.thread, thread)) closeInside(child.thread, time);
    }
  }
  // A Fail state ends the execution without an exit event of its own.
  for (const visit of open.values()) if (visit.type === 'Fail' || (visit.thread.parent === undefined && !visit.error)) visit.error ??= executionError;
  closeInside(undefined, last);
  clearStatus();
}

type Ending = 'succeeded' | 'caught' | 'failed' | 'unfinished';

/** True when `thread` is `ancestor` or runs inside it. */
function isInside(thread: EventThread, ancestor: EventThread): boolean {
  for (let current: EventThread | undefined = thread; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** The error name a failure event carries (a Map's or Parallel's own failure event carries none). */
function errorOf(event: HistoryEvent): string | undefined {
  for (const value of Object.values(event)) {
    if (value && typeof value === 'object' && typeof (value as { error?: unknown }).error === 'string') return (value as { error: string }).error;
  }
  return undefined;
}

/** A line of the trace for a state visit that ended at `end`. */
function formatVisit(visit: Visit, end: number, start: number, how: Ending, sourceMap: Readonly<Record<string, SourceLocation>>, paint: (code: string, text: string) => string): string {
  const retries = visit.attempts > 1 ? `${visit.attempts - 1} ${visit.attempts === 2 ? 'retry' : 'retries'}` : '';
  const iterations = visit.mapLength !== undefined || visit.mapDone > 0 ? `${visit.mapDone} iterations${visit.mapFailed ? `, ${visit.mapFailed} failed` : ''}` : '';
  const location = Object.hasOwn(sourceMap, visit.name) ? `${sourceMap[visit.name]!.file}:${sourceMap[visit.name]!.line}` : '';
  const mark = { succeeded: paint('32', '✓'), caught: paint('33', '↷'), failed: paint('31', '✗'), unfinished: paint('2', '·') }[how];
  const ending = { succeeded: '', caught: paint('33', `caught ${visit.error}`), failed: paint('31', `failed: ${visit.error ?? 'an error'}`), unfinished: paint('2', 'did not finish') }[how];
  const notes = [retries && paint('33', retries), iterations, ending].filter(Boolean).join('  ');
  const name = `${visit.thread.label}${visit.name}`;
  const columns = [`${mark} ${seconds(visit.entered - start).padStart(9)}`, `+${seconds(end - visit.entered)}`.padStart(9), visit.type.padEnd(8), name.padEnd(32), notes, location && paint('2', location)];
  return columns.filter((column) => column !== '').join('  ').trimEnd();
}

/** A Map iteration past the first few of its Map: counted on the Map's line, not listed. */
function hidden(thread: EventThread): boolean {
  for (let current: EventThread | undefined = thread; current; current = current.parent) {
    if (current.mapIndex !== undefined && current.mapIndex >= ITERATIONS_SHOWN) return true;
  }
  return false;
}

function mapProgress(maps: Visit[]): string {
  return maps.map((visit) => `  ${visit.name}: ${visit.mapDone}/${visit.mapLength ?? '?'}${visit.mapFailed ? ` (${visit.mapFailed} failed)` : ''}`).join('');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

/**
 * The code frame of a failure's TypeScript line, when the source map names a
 * file that can be read (paths are relative to the working directory).
 */
export function failureCodeFrame(location: SourceLocation & { endLine?: number; endColumn?: number }): string | undefined {
  if (!existsSync(location.file)) return undefined;
  const text = readFileSync(location.file, 'utf8');
  return codeFrame(text, location.line, location.column, location.endLine ?? location.line, location.endColumn ?? location.column + 1);
}

