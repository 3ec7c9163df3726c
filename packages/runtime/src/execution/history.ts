import { stringifyJson } from '../json-value.js';
import { ChunkedList } from './chunked-list.js';
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

/** The details of a StateEntered or StateExited event without assigned variables: all the interpreter writes for most events. */
export type StateDetailsKey = 'stateEnteredEventDetails' | 'stateExitedEventDetails';

/** The `inputDetails`/`outputDetails` of every payload the interpreter records: one object shared by all events (payloads are never truncated). */
export const NOT_TRUNCATED = { truncated: false };

/**
 * `{ name, input, inputDetails }` (entered) or `{ name, output, outputDetails }`
 * (exited), the details the interpreter writes when a state is entered or exits.
 *
 * @example
 * stateDetails('stateEnteredEventDetails', 'Charge', { amount: 3 }); // { name: 'Charge', input: { amount: 3 }, inputDetails: { truncated: false } }
 */
export function stateDetails(key: StateDetailsKey, name: string, payload: unknown): Record<string, unknown> {
  return key === 'stateEnteredEventDetails'
    ? { name, input: payload, inputDetails: NOT_TRUNCATED }
    : { name, output: payload, outputDetails: NOT_TRUNCATED };
}

/**
 * The event log of one execution. Event ids are global to the execution;
 * `previousEventId` chains are kept by each thread (see `Thread.lastEventId`).
 * Events are stored compactly and materialized in AWS's shape when read.
 */
export class History {
  // One array per field rather than an object per event, and a state's name
  // and payload rather than a details object: an execution keeps every event
  // to its end (a 10,000-iteration loop writes 40,000), and each object of
  // theirs would be copied by every young-generation GC it lived through.
  private readonly types = new ChunkedList<string>();
  private readonly previousIds = new ChunkedList<number>();
  /** Epoch ms. */
  private readonly times = new ChunkedList<number>();
  private readonly detailsKeys = new ChunkedList<string>();
  /** The details as written (payloads as values); for an `appendState` event, the state's name; undefined without details. */
  private readonly detailValues = new ChunkedList<Record<string, unknown> | string | undefined>();
  /** The payload of an `appendState` event. */
  private readonly payloads = new ChunkedList<unknown>();
  /** Events in GetExecutionHistory's shape, by index, once read (recorded events from the start). */
  private readonly materialized: HistoryEvent[] = [];
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
      this.push(event.type, event.previousEventId, event.timestamp.getTime(), detailsKeyIn(event) ?? detailsKeyOf(event.type), undefined, undefined);
      this.materialized.push(event);
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
    this.push(type, previousEventId, time, key, details, undefined);
    return this.appended();
  }

  /**
   * Appends a StateEntered or StateExited event whose details are
   * `stateDetails(detailsKey, name, payload)`, without building them until
   * the event is read. Not for replays: `append` matches those against the record.
   */
  appendState(type: string, previousEventId: number, time: number, detailsKey: StateDetailsKey, name: string, payload: unknown): number {
    if (this.recorded) return this.append(type, previousEventId, time, stateDetails(detailsKey, name, payload), detailsKey);
    this.push(type, previousEventId, time, detailsKey, name, payload);
    return this.appended();
  }

  private push(
    type: string,
    previousEventId: number,
    time: number,
    detailsKey: string,
    details: Record<string, unknown> | string | undefined,
    payload: unknown,
  ): void {
    this.types.push(type);
    this.previousIds.push(previousEventId);
    this.times.push(time);
    this.detailsKeys.push(detailsKey);
    this.detailValues.push(details);
    this.payloads.push(payload);
  }

  /** Tells the listeners of the event just pushed; returns its id. */
  private appended(): number {
    const id = this.types.length;
    this.latestId = id;
    if (this.listeners.length > 0) {
      const event = this.materialize(id - 1);
      for (const listener of this.listeners) listener(event);
    }
    return id;
  }

  /** True once the execution writes events the record does not hold. */
  get isLive(): boolean {
    return this.live;
  }

  /** The recorded time (epoch ms) of event `id` when it is a reproduced one, else undefined. */
  replayedAt(id: number): number | undefined {
    return this.recorded && id <= this.recorded.events.length ? this.times.at(id - 1)! : undefined;
  }

  get lastId(): number {
    return this.latestId;
  }

  /** The `previousEventId` of the event with id `id`. */
  previousEventIdOf(id: number): number {
    return this.previousIds.at(id - 1) ?? 0;
  }

  get length(): number {
    return this.types.length;
  }

  /** The event with 0-based position `index`, in GetExecutionHistory's shape. */
  at(index: number): HistoryEvent | undefined {
    return index >= 0 && index < this.types.length ? this.materialize(index) : undefined;
  }

  /** Every event so far, in GetExecutionHistory's shape. */
  get events(): HistoryEvent[] {
    const out = new Array<HistoryEvent>(this.types.length);
    for (let i = 0; i < this.types.length; i++) out[i] = this.materialize(i);
    return out;
  }

  /** The event at 0-based `index` in AWS's shape: built when first read, then the same object for every reader. */
  private materialize(index: number): HistoryEvent {
    const existing = this.materialized[index];
    if (existing) return existing;
    const event: HistoryEvent = {
      id: index + 1,
      previousEventId: this.previousIds.at(index)!,
      timestamp: new Date(this.times.at(index)!),
      type: this.types.at(index)!,
    };
    const key = this.detailsKeys.at(index)!;
    const details = this.detailValues.at(index);
    if (typeof details === 'string') event[key] = textDetails(stateDetails(key as StateDetailsKey, details, this.payloads.at(index)));
    else if (details !== undefined) event[key] = textDetails(details);
    this.materialized[index] = event;
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
