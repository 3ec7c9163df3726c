import { ExecutionInterrupted } from './execution-run.js';
import { detailsOf, PAYLOAD_FIELDS, type HistoryEvent } from './history.js';

/**
 * Raised (as `execution.result`'s rejection) when a resumed or redriven
 * execution does not reproduce its recorded history: the definition, the
 * handlers' recorded answers or the seed no longer lead to the same events.
 * `eventId` is the first recorded event that did not match.
 *
 * @example
 * try {
 *   await machine.start(input, { resumeFrom: events }).result;
 * } catch (error) {
 *   if (error instanceof ReplayMismatchError) console.error(`diverged at event #${error.eventId}`);
 * }
 */
export class ReplayMismatchError extends ExecutionInterrupted {
  override readonly name = 'ReplayMismatchError';
  constructor(
    readonly eventId: number,
    message: string,
  ) {
    super('FAILED', { error: 'Typestep.ReplayMismatch', cause: message });
    this.message = message;
  }
}

/** Events that begin a branch or iteration, or close a Map/Parallel beside its StateExited: several may share a `previousEventId`. */
const SIBLING_EVENT = /^(MapIteration|MapRun)|^(Map|Parallel)State(Started|Succeeded|Failed|Aborted)$/;

/**
 * The recorded events of an execution being resumed or redriven, and which of
 * them the replay has reproduced so far.
 *
 * The replay re-runs the interpreter from the start; each event it writes is
 * matched against the recorded event at the same place — the unreproduced
 * recorded event with the same `previousEventId`, type and details — instead
 * of being appended. Matching by place rather than by position keeps
 * concurrent branches and iterations (which may write in another order on the
 * real clock) aligned with their own records. An event with no recorded
 * event at its place is new: the record of that thread has ended.
 */
export class RecordedHistory {
  /** Recorded events not yet reproduced, by `previousEventId`, in id order. */
  private readonly pending = new Map<number, HistoryEvent[]>();
  private unmatched: number;

  /**
   * @param events the whole record (ids 1…n, as read back)
   * @param matchable the ids of those the replay must reproduce (default: all); a redrive re-runs the others' work
   */
  constructor(
    readonly events: readonly HistoryEvent[],
    matchable?: ReadonlySet<number>,
  ) {
    const reproduced = matchable ? events.filter((event) => matchable.has(event.id)) : events;
    this.unmatched = reproduced.length;
    for (const event of reproduced) {
      const list = this.pending.get(event.previousEventId);
      if (list) list.push(event);
      else this.pending.set(event.previousEventId, [event]);
      if (event.type === 'MapIterationStarted') {
        const { name, index } = (detailsOf(event) ?? {}) as { name?: unknown; index?: unknown };
        const key = iterationKey(name, index);
        const starts = this.iterationStarts.get(key);
        if (starts) starts.push(event);
        else this.iterationStarts.set(key, [event]);
      }
    }
  }

  /** Recorded MapIterationStarted events not yet reproduced, by Map name and index, in id order. */
  private readonly iterationStarts = new Map<string, HistoryEvent[]>();

  /** True while some recorded event is still to be reproduced. */
  get replaying(): boolean {
    return this.unmatched > 0;
  }

  /** The first recorded event, not yet reproduced, that follows `eventId` on its thread. */
  next(eventId: number): HistoryEvent | undefined {
    return this.pending.get(eventId)?.[0];
  }

  /**
   * The recorded event that `type`/`details` reproduce at `previousEventId`,
   * now reproduced; undefined when the record has nothing there (a new event).
   * Throws `ReplayMismatchError` when the record holds a different event there.
   */
  match(type: string, previousEventId: number, detailsKey: string, details: Record<string, unknown> | undefined): HistoryEvent | undefined {
    if (type === 'MapIterationStarted') return this.matchIterationStart(details!);
    const candidates = this.pending.get(previousEventId);
    if (!candidates) return undefined;
    // `details` come in text form (History's `textDetails`), as recorded ones do.
    const producedText = details === undefined ? undefined : JSON.stringify(details);
    let produced: string | undefined;
    for (let i = 0; i < candidates.length; i++) {
      const recorded = candidates[i]!;
      if (recorded.type !== type) continue;
      const recordedDetails = recorded[detailsKey];
      if (producedText !== undefined || recordedDetails !== undefined) {
        if (producedText === undefined || recordedDetails === undefined) continue;
        // A record this runtime wrote reads back the same, key for key: the exact text is the quick check.
        if (JSON.stringify(recordedDetails) !== producedText && canonical(recordedDetails) !== (produced ??= canonical(details!))) continue;
      }
      candidates.splice(i, 1);
      if (candidates.length === 0) this.pending.delete(previousEventId);
      this.unmatched--;
      this.noteReproduced(recorded);
      return recorded;
    }
    // Where threads fork (branches, iterations) or a Map/Parallel closes, another thread's record may sit at the same place.
    const previous = this.events[previousEventId - 1];
    if (SIBLING_EVENT.test(type) || (previous && SIBLING_EVENT.test(previous.type)) || candidates.every((c) => SIBLING_EVENT.test(c.type))) {
      return undefined;
    }
    const recorded = candidates[0]!;
    const recordedDetails = detailsOf(recorded);
    const difference = recorded.type === type ? ` (${firstDifference(recordedDetails, details)})` : '';
    throw new ReplayMismatchError(
      recorded.id,
      `The recorded history does not match this state machine: event #${recorded.id} was recorded as ${describe(recorded.type, recordedDetails)}, ` +
        `but the replay produced ${describe(type, details)} there (after event #${previousEventId})${difference}. ` +
        'Was the definition, the input, the identity or the seed changed since the execution was recorded?',
    );
  }

  /**
   * An iteration's start points at whichever iteration ended last when it
   * began, which on the real clock depends on timing: it is matched by its
   * Map's name and index alone, in the latest visit of that Map started.
   */
  private matchIterationStart(details: Record<string, unknown>): HistoryEvent | undefined {
    const { name, index } = details as { name: string; index: number };
    const after = this.mapStarts.get(name) ?? 0;
    const starts = this.iterationStarts.get(iterationKey(name, index));
    const at = starts?.findIndex((event) => event.id > after) ?? -1;
    if (at < 0) return undefined;
    const [event] = starts!.splice(at, 1);
    const siblings = this.pending.get(event!.previousEventId)!;
    siblings.splice(siblings.indexOf(event!), 1);
    if (siblings.length === 0) this.pending.delete(event!.previousEventId);
    this.unmatched--;
    return event;
  }

  /** The id of the MapStateStarted last reproduced, by Map state name. */
  private readonly mapStarts = new Map<string, number>();

  private noteReproduced(event: HistoryEvent): void {
    if (event.type !== 'MapStateStarted') return;
    const entered = this.events[event.previousEventId - 1];
    const name = (entered?.stateEnteredEventDetails as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string') this.mapStarts.set(name, event.id);
  }

  /** Throws when the replay ended without reproducing every recorded event. */
  checkComplete(): void {
    if (this.unmatched === 0) return;
    let first: HistoryEvent | undefined;
    for (const list of this.pending.values()) if (!first || list[0]!.id < first.id) first = list[0];
    if (!first) return;
    throw new ReplayMismatchError(
      first.id,
      `The recorded history does not match this state machine: event #${first.id} (${describe(first.type, detailsOf(first))}) ` +
        'was never reproduced by the replay. Was the definition, the input or the seed changed since the execution was recorded?',
    );
  }
}

/** The first detail field whose recorded and produced values differ, for the mismatch message. */
function firstDifference(recorded: unknown, produced: unknown): string {
  const a = (sortKeys(JSON.parse(JSON.stringify(textOf(recorded) ?? {}))) ?? {}) as Record<string, unknown>;
  const b = (sortKeys(JSON.parse(JSON.stringify(textOf(produced) ?? {}))) ?? {}) as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const left = JSON.stringify(a[key]);
    const right = JSON.stringify(b[key]);
    if (left !== right) return `${key}: recorded ${clip(left)}, produced ${clip(right)}`;
  }
  return 'details differ';
}

function clip(text: string | undefined): string {
  if (text === undefined) return 'nothing';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function iterationKey(name: unknown, index: unknown): string {
  return `${String(name)}\u0000${String(index)}`;
}

/** `TaskStateEntered 'Charge card'`, or the type alone. */
function describe(type: string, details: unknown): string {
  const name = (details as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? `${type} '${name}'` : type;
}

/**
 * Details as comparable text: the recorded side may have been read back from
 * a database (keys in another order, undefined fields dropped, payloads as
 * JSON text), the produced side holds payloads as values.
 */
function canonical(details: unknown): string {
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(textOf(details)))));
}

function textOf(details: unknown): unknown {
  if (details === null || typeof details !== 'object') return details;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (PAYLOAD_FIELDS.has(key)) out[key] = typeof value === 'string' ? normalizeText(value) : JSON.stringify(value);
    else if (key === 'assignedVariables' && value && typeof value === 'object') {
      const texts: Record<string, string> = {};
      for (const [name, assigned] of Object.entries(value)) texts[name] = typeof assigned === 'string' ? normalizeText(assigned) : JSON.stringify(assigned);
      out[key] = texts;
    } else out[key] = value;
  }
  return out;
}

/** A payload already in text form, rewritten the way the interpreter writes it (a database may have reformatted it). */
function normalizeText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}
