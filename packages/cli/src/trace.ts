import { existsSync, readFileSync } from 'node:fs';
import { codeFrame } from '@typestep/compiler';
import { errorOf, failureOrigin, StateVisitTracker, type EventThread, type HistoryEvent, type HistoryStateVisit, type SourceLocation } from '@typestep/runtime';

/** Where the trace writes, and whether it may colour and redraw a status line. */
export interface TraceOutput {
  write(text: string): void;
  /** A terminal: colours (unless NO_COLOR) and a status line redrawn in place. */
  tty: boolean;
  color: boolean;
}

/** How many iterations of each Map get their states printed; the rest show as a count. */
const ITERATIONS_SHOWN = 3;

/** A Map's progress: its iterations, counted as they end. */
interface MapProgress {
  length?: number;
  done: number;
  failed: number;
}

/**
 * `typestep run --trace`: one line per state as the execution runs, read from
 * its history events as they happen — the state's virtual time since the
 * start, how long it took, its type and name (inside a Map iteration or a
 * Parallel branch, with that prefix), retries, how it ended, and for a
 * compiled workflow the TypeScript `file:line`. Map iterations after the
 * first three are counted, not listed; on a terminal a status line shows the
 * state running and each Map's progress. Returns when the execution ends.
 * A recorded history traces the same way (`typestep inspect`): give an
 * object whose `events()` yields its events.
 *
 * @example
 * //   0.000s  +0.000s  Task    Price order          workflow.ts:35
 * //   0.000s  +4.000s  Task    Charge card          2 retries   workflow.ts:36
 */
export async function traceExecution(execution: { events(): AsyncIterable<HistoryEvent> }, sourceMap: Readonly<Record<string, SourceLocation>>, out: TraceOutput): Promise<void> {
  const tracker = new StateVisitTracker();
  const maps = new Map<HistoryStateVisit, MapProgress>();
  const printed = new Set<HistoryStateVisit>();
  let start = 0;
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
  const print = (visit: HistoryStateVisit, end: number, how: Ending) => {
    printed.add(visit);
    const progress = maps.get(visit);
    maps.delete(visit);
    if (hidden(visit.thread)) return;
    clearStatus();
    out.write(`${formatVisit(visit, progress, end, start, how, sourceMap, paint)}\n`);
  };
  /** Visits left open inside `thread` (a failed iteration or branch; all, at the end): they failed with it, or never finished. */
  const closeInside = (thread: EventThread | undefined, end: number) => {
    const inside = tracker.openVisits().filter((visit) => !printed.has(visit) && (thread === undefined || isInside(visit.thread, thread)));
    for (const visit of inside.sort((a, b) => b.entered.timestamp.getTime() - a.entered.timestamp.getTime())) {
      // The Map or Parallel around a failed visit fails with its error (their own failure events carry none).
      const around = visit.error && visit.thread.parent ? tracker.openOn(visit.thread.parent) : undefined;
      if (around && !around.error) around.error = visit.error;
      print(visit, end, visit.error ? 'failed' : 'unfinished');
    }
  };

  let last = 0;
  let executionError: string | undefined;
  for await (const event of execution.events()) {
    const visit = tracker.add(event);
    const thread = tracker.threads.threads.get(event.id)!;
    const time = event.timestamp.getTime();
    if (event.id === 1) start = time;
    last = time;
    const type = event.type;
    if (visit?.entered === event) {
      showStatus(`running ${thread.label}${visit.name} (+${seconds(time - start)})${mapProgress(maps)}`);
    } else if (visit?.exited === event) {
      print(visit, time, visit.error ? 'caught' : 'succeeded');
    } else if (type === 'MapStateStarted' && visit) {
      maps.set(visit, { length: (event.mapStateStartedEventDetails as { length?: number } | undefined)?.length, done: 0, failed: 0 });
    } else if (/^MapIteration(Succeeded|Failed|Aborted)$/.test(type)) {
      // The iteration's own events (and these) are on the iteration's thread; the Map's visit is on its parent.
      if (type !== 'MapIterationSucceeded') closeInside(thread, time);
      const map = thread.parent && tracker.openOn(thread.parent);
      const progress = map && maps.get(map);
      if (progress) {
        progress.done += 1;
        if (type !== 'MapIterationSucceeded') progress.failed += 1;
        showStatus(`running ${thread.parent!.label}${map.name}${mapProgress(maps)}`);
      }
    } else if (/^Execution(Failed|TimedOut|Aborted)$/.test(type)) {
      executionError = type === 'ExecutionFailed' ? errorOf(event) ?? 'an error' : type === 'ExecutionTimedOut' ? 'States.Timeout' : 'aborted';
    } else if (/^(Map|Parallel)StateFailed$/.test(type)) {
      // A Map or Parallel that fails ends what still runs inside it.
      for (const child of tracker.openVisits()) if (child !== visit && isInside(child.thread, thread)) closeInside(child.thread, time);
    }
  }
  // A Fail state ends the execution without an exit event of its own.
  for (const visit of tracker.openVisits()) if (visit.type === 'Fail' || (visit.thread.parent === undefined && !visit.error)) visit.error ??= executionError;
  closeInside(undefined, last);
  clearStatus();
}

type Ending = 'succeeded' | 'caught' | 'failed' | 'unfinished';

/** True when `thread` is `ancestor` or runs inside it. */
function isInside(thread: EventThread, ancestor: EventThread): boolean {
  for (let current: EventThread | undefined = thread; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** A line of the trace for a state visit that ended at `end`. */
function formatVisit(
  visit: HistoryStateVisit,
  progress: MapProgress | undefined,
  end: number,
  start: number,
  how: Ending,
  sourceMap: Readonly<Record<string, SourceLocation>>,
  paint: (code: string, text: string) => string,
): string {
  const entered = visit.entered.timestamp.getTime();
  const retries = visit.attempts > 1 ? `${visit.attempts - 1} ${visit.attempts === 2 ? 'retry' : 'retries'}` : '';
  const iterations = progress ? `${progress.done} iterations${progress.failed ? `, ${progress.failed} failed` : ''}` : '';
  const location = Object.hasOwn(sourceMap, visit.name) ? `${sourceMap[visit.name]!.file}:${sourceMap[visit.name]!.line}` : '';
  const mark = { succeeded: paint('32', '✓'), caught: paint('33', '↷'), failed: paint('31', '✗'), unfinished: paint('2', '·') }[how];
  const ending = { succeeded: '', caught: paint('33', `caught ${visit.error}`), failed: paint('31', `failed: ${visit.error ?? 'an error'}`), unfinished: paint('2', 'did not finish') }[how];
  const notes = [retries && paint('33', retries), iterations, ending].filter(Boolean).join('  ');
  const name = `${visit.thread.label}${visit.name}`;
  const columns = [`${mark} ${seconds(entered - start).padStart(9)}`, `+${seconds(end - entered)}`.padStart(9), visit.type.padEnd(8), name.padEnd(32), notes, location && paint('2', location)];
  return columns.filter((column) => column !== '').join('  ').trimEnd();
}

/** A Map iteration past the first few of its Map: counted on the Map's line, not listed. */
function hidden(thread: EventThread): boolean {
  for (let current: EventThread | undefined = thread; current; current = current.parent) {
    if (current.mapIndex !== undefined && current.mapIndex >= ITERATIONS_SHOWN) return true;
  }
  return false;
}

function mapProgress(maps: Map<HistoryStateVisit, MapProgress>): string {
  return [...maps].map(([visit, progress]) => `  ${visit.name}: ${progress.done}/${progress.length ?? '?'}${progress.failed ? ` (${progress.failed} failed)` : ''}`).join('');
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


/**
 * After a failed run: where the failure began and the code frame of its
 * TypeScript line, as text ending in a newline; undefined when the state
 * has no source line or its file cannot be read.
 *
 * @example
 * const frame = failureFrameText(execution.history, sourceMap);
 * if (frame) process.stderr.write(frame);
 */
export function failureFrameText(history: readonly HistoryEvent[], sourceMap: Readonly<Record<string, SourceLocation>>): string | undefined {
  const origin = failureOrigin(history);
  const location = origin && Object.hasOwn(sourceMap, origin.stateName) ? sourceMap[origin.stateName] : undefined;
  const frame = location && failureCodeFrame(location);
  return frame ? `the failure began in '${origin!.stateName}', ${location!.file}:${location!.line}:${location!.column}:\n${frame}\n` : undefined;
}
