import type { HistoryEvent } from '@typestep/runtime';
import { STANDARD_STREAM, parseJsonText, readText } from './standard-streams.js';

/**
 * An execution history read from a file for `typestep inspect`, in any of
 * the shapes one is found in:
 *
 * - `{ "events": [...] }`: `aws stepfunctions get-execution-history` and the
 *   SDK's `GetExecutionHistory` (also with `--reverse-order`);
 * - `[...]`: a bare array of events;
 * - one event per line: what `typestep run --history` prints (the history
 *   ends at the first line that is not an event: the status and output).
 *
 * Timestamps may be ISO text (`2026-12-06T10:00:00.123000+00:00`) or epoch
 * seconds (AWS's JSON protocol) or milliseconds. Events come back sorted by
 * id. Returns a message naming the first thing that is wrong.
 *
 * @example
 * const read = readHistoryFile('history.json');
 * if ('problem' in read) fail(read.problem); else traceHistory(read.events);
 */
export function readHistoryFile(file: string): { events: HistoryEvent[] } | { problem: string } {
  const named = file === STANDARD_STREAM ? 'the history (stdin)' : `the history ${file}`;
  const read = readText(file);
  if ('problem' in read) return { problem: `cannot read ${named}: ${read.problem}` };
  const text = read.text.trim();
  let raw: unknown[];
  if (text.startsWith('{') && !/^\{[^\n]*\}\s*\n\s*\{/.test(text)) {
    const parsed = parseJsonText(text, named);
    if ('problem' in parsed) return parsed;
    const events = (parsed.value as { events?: unknown }).events;
    if (!Array.isArray(events)) return { problem: `${named} has no "events" array (expected GetExecutionHistory's output, an array of events, or one event per line)` };
    raw = events;
  } else if (text.startsWith('[')) {
    const parsed = parseJsonText(text, named);
    if ('problem' in parsed) return parsed;
    raw = parsed.value as unknown[];
  } else if (text.startsWith('{')) {
    raw = [];
    for (const [index, line] of text.split('\n').entries()) {
      if (line.trim() === '') continue;
      // `typestep run --history` prints the status and the output after the events: the history ends there.
      if (!line.trimStart().startsWith('{')) break;
      const parsed = parseJsonText(line, `line ${index + 1} of ${named}`);
      if ('problem' in parsed) return parsed;
      raw.push(parsed.value);
    }
  } else {
    return { problem: `${named} is empty or not JSON (expected GetExecutionHistory's output, an array of events, or one event per line)` };
  }
  const events: HistoryEvent[] = [];
  for (const [index, value] of raw.entries()) {
    const event = toEvent(value);
    if (typeof event === 'string') return { problem: `${named}: event ${index + 1} ${event}` };
    events.push(event);
  }
  if (events.length === 0) return { problem: `${named} holds no events` };
  events.sort((a, b) => a.id - b.id);
  if (events[0]!.type !== 'ExecutionStarted') return { problem: `${named} does not start with ExecutionStarted (its first event is ${events[0]!.type} #${events[0]!.id}): give the whole history` };
  return { events };
}

/** One event with its timestamp as a Date, or what is wrong with it. */
function toEvent(value: unknown): HistoryEvent | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'is not an object';
  const event = value as Record<string, unknown>;
  if (typeof event.id !== 'number' || !Number.isInteger(event.id)) return 'has no numeric "id"';
  if (typeof event.type !== 'string') return `(id ${event.id}) has no "type"`;
  const timestamp = toDate(event.timestamp);
  if (!timestamp) return `(id ${event.id}) has no readable "timestamp" (ISO text or epoch seconds): ${JSON.stringify(event.timestamp)}`;
  return { ...event, id: event.id, type: event.type, previousEventId: typeof event.previousEventId === 'number' ? event.previousEventId : 0, timestamp };
}

function toDate(value: unknown): Date | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value < 1e11 ? value * 1000 : value);
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
