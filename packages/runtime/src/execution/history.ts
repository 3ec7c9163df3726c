import { stringifyJson } from '../json-value.js';
import { RecordedHistory } from './recorded-history.js';

/**
 * Execution history in the shape of Step Functions' GetExecutionHistory:
 * every event has an `id`, the `previousEventId` of the event that led to it
 * on the same thread (branch or iteration), a `timestamp`, a `type` and one
 * `<camelType>EventDetails` object.
 */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: string;
  [details: string]: unknown;
}

export type HistoryListener = (event: HistoryEvent) => void;

/**
 * Detail fields that AWS writes as JSON text. The interpreter records the
 * values themselves and turns them into text only when the history is read:
 * serializing every state's input and output eagerly was most of the cost of
 * a run. This relies on payloads never being mutated once recorded, which
 * holds: states build new values, and handlers get and return copies.
 */
export const PAYLOAD_FIELDS: ReadonlySet<string> = new Set(['input', 'output', 'parameters']);

/** AWS writes state input/output into history as JSON text (of any depth). */
export function payloadText(value: unknown): string {
  return stringifyJson(value);
}

/** The detail-field name AWS uses for an event type, e.g. `PassStateEntered` → `stateEnteredEventDetails`. */
export function detailsKeyOf(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return type[0]!.toLowerCase() + type.slice(1) + 'EventDetails';
}

/** The key of an event's details object as the event holds it (one read back may name it as AWS does). */
export function detailsKeyIn(event: HistoryEvent): string | undefined {
  return Object.keys(event).find((key) => key.endsWith('EventDetails'));
}

/** An event's details object, if it has one. */
export function detailsOf(event: HistoryEvent): Record<string, unknown> | undefined {
  const key = detailsKeyIn(event);
  return key === undefined ? undefined : (event[key] as Record<string, unknown> | undefined);
}

interface EventRecord {
  type: string;
  previousEventId: number;
  time: number;
  detailsKey: string;
  details: Record<string, unknown> | undefined;
  event?: HistoryEvent;
}

/**
 * The event log of one execution. Event ids are global to the execution;
 * `previousEventId` chains are kept by each thread (see `Thread.lastEventId`).
 * Events are stored compactly and materialized in AWS's shape when read.
 */
export class History {
  private readonly records: EventRecord[] = [];
  private readonly listeners: HistoryListener[] = [];
  /** The record being replayed, for a resumed or redriven execution. */
  readonly recorded: RecordedHistory | undefined;
  /** The newest event written or reproduced so far (while replaying, recorded events ahead of the replay do not count). */
  private latestId = 0;
  private live = false;

  /**
   * @param recorded the events of the execution so far (resume, redrive): they
   *   are the history's first events, and the interpreter's run reproduces
   *   them (those in `matchable`, when given) instead of appending (`RecordedHistory`).
   */
  constructor(recorded?: readonly HistoryEvent[], matchable?: ReadonlySet<number>) {
    if (!recorded) return;
    for (const event of recorded) {
      const detailsKey = detailsKeyIn(event) ?? detailsKeyOf(event.type);
      this.records.push({ type: event.type, previousEventId: event.previousEventId, time: event.timestamp.getTime(), detailsKey, details: undefined, event });
    }
    this.recorded = new RecordedHistory(recorded, matchable);
  }

  onEvent(listener: HistoryListener): void {
    this.listeners.push(listener);
  }

  /**
   * Appends an event; `detailsKey` defaults to AWS's name for the type's
   * details. While replaying, an event the record holds at its place is
   * reproduced instead: its recorded id is returned (see `replayedAt`).
   */
  append(type: string, previousEventId: number, time: number, details?: Record<string, unknown>, detailsKey?: string): number {
    const key = detailsKey ?? detailsKeyOf(type);
    if (this.recorded?.replaying) {
      const reproduced = this.recorded.match(type, previousEventId, key, details && textDetails(details));
      if (reproduced) {
        this.latestId = Math.max(this.latestId, reproduced.id);
        return reproduced.id;
      }
    }
    // ExecutionRedriven opens a redrive before its replay; the replayed part is not new.
    if (this.recorded && type !== 'ExecutionRedriven') this.live = true;
    const record: EventRecord = { type, previousEventId, time, detailsKey: key, details };
    this.records.push(record);
    this.latestId = this.records.length;
    if (this.listeners.length > 0) {
      const event = this.materialize(record, this.records.length);
      for (const listener of this.listeners) listener(event);
    }
    return this.records.length;
  }

  /** True once the execution writes events the record does not hold. */
  get isLive(): boolean {
    return this.live;
  }

  /** The recorded time (epoch ms) of event `id` when it is a reproduced one, else undefined. */
  replayedAt(id: number): number | undefined {
    return this.recorded && id <= this.recorded.events.length ? this.records[id - 1]!.time : undefined;
  }

  get lastId(): number {
    return this.latestId;
  }

  /** The `previousEventId` of the event with id `id`. */
  previousEventIdOf(id: number): number {
    return this.records[id - 1]?.previousEventId ?? 0;
  }

  get length(): number {
    return this.records.length;
  }

  /** The event with 0-based position `index`, in GetExecutionHistory's shape. */
  at(index: number): HistoryEvent | undefined {
    const record = this.records[index];
    return record && this.materialize(record, index + 1);
  }

  /** Every event so far, in GetExecutionHistory's shape. */
  get events(): HistoryEvent[] {
    const out = new Array<HistoryEvent>(this.records.length);
    for (let i = 0; i < this.records.length; i++) out[i] = this.materialize(this.records[i]!, i + 1);
    return out;
  }

  private materialize(record: EventRecord, id: number): HistoryEvent {
    if (record.event) return record.event;
    const event: HistoryEvent = {
      id,
      previousEventId: record.previousEventId,
      timestamp: new Date(record.time),
      type: record.type,
    };
    if (record.details !== undefined) event[record.detailsKey] = textDetails(record.details);
    record.event = event;
    return event;
  }
}

export function textDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(details)) {
    const value = details[key];
    if (PAYLOAD_FIELDS.has(key)) out[key] = payloadText(value);
    else if (key === 'assignedVariables') {
      const texts: Record<string, string> = {};
      for (const name of Object.keys(value as object)) texts[name] = payloadText((value as Record<string, unknown>)[name]);
      out[key] = texts;
    } else out[key] = value;
  }
  return out;
}
