import { errorOf, StateVisitTracker, type HistoryEvent, type HistoryStateVisit } from '@typestep/runtime';
import { payloadText, type PayloadText } from './payload-text.js';

/**
 * How a state fared in one execution, in the order a reader cares about:
 * `failed` (the error was not caught), `caught` (a Catch took it), `retried`
 * (it failed, was retried and then succeeded), `succeeded`, `unfinished`
 * (entered, never left: cancelled with its branch, or still running), and
 * `not-reached`.
 */
export type StateOutcome = 'failed' | 'caught' | 'retried' | 'succeeded' | 'unfinished' | 'not-reached';

/** The outcomes from most to least telling: a state's colour is its most telling visit's. */
export const STATE_OUTCOMES: readonly StateOutcome[] = ['failed', 'caught', 'retried', 'succeeded', 'unfinished', 'not-reached'];

/** One attempt of a Task (or other scheduling state): its error and cause when it failed. */
export interface VisitAttempt {
  error?: string;
  cause?: string;
}

/** One visit of a state, kept in detail. */
export interface VisitDetail {
  /** The id of its `…StateEntered` event. */
  enteredEventId: number;
  exitedEventId?: number;
  /** The Map iteration or Parallel branch it ran in (`Ship each[2] › `), empty at the top level. */
  where: string;
  outcome: Exclude<StateOutcome, 'not-reached'>;
  input?: PayloadText;
  output?: PayloadText;
  /** The variables its `Assign` set, as JSON texts; undefined when the history does not record them. */
  assignedVariables?: Record<string, PayloadText>;
  attempts: VisitAttempt[];
  error?: string;
  cause?: string;
  /** Milliseconds from the execution's start to its entry, and how long it took. */
  startedAt: number;
  duration: number;
  /** A Map visit's iterations. */
  iterations?: { total?: number; succeeded: number; failed: number };
  /** A Parallel visit's branches, by index. */
  branches?: Array<{ index: number; outcome: 'succeeded' | 'failed' | 'unfinished' }>;
}

/** Everything the execution did in one state, over all its visits (every Map iteration's included). */
export interface StateSummary {
  name: string;
  type: string;
  outcome: StateOutcome;
  /** How many visits ended each way. */
  counts: Partial<Record<Exclude<StateOutcome, 'not-reached'>, number>>;
  visits: number;
  /** Whether the definition gives the state an `Assign` (its own, or a Choice rule's or a Catch's). */
  assigns: boolean;
  /** Attempts beyond the first, over all visits. */
  retries: number;
  /** The first few visits, and the first few that failed or were caught, in detail. */
  detailed: VisitDetail[];
}

/** The execution as a whole, read from its last event. */
export interface ExecutionStatus {
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'RUNNING';
  input?: PayloadText;
  output?: PayloadText;
  error?: string;
  cause?: string;
  /** Milliseconds from the first event to the last. */
  duration: number;
  startedAt?: Date;
}

/** One history event as the report's table shows it. */
export interface EventRow {
  id: number;
  type: string;
  /** Milliseconds since the execution started. */
  time: number;
  /** The state the event belongs to, when it belongs to one. */
  state?: string;
  where: string;
  /** The event's details as compact JSON (cut when long). */
  details: string;
}

/** {@link summarizeExecution}'s answer. */
export interface ExecutionSummary {
  execution: ExecutionStatus;
  /** Every state of the definition (nested ones included), by name; unvisited ones `not-reached`. */
  states: Map<string, StateSummary>;
  events: EventRow[];
  /** Events left out of `events` (a long history keeps its start and its end). */
  eventsOmitted: number;
}

/** Visits kept in detail per state, and again as many failed or caught ones. */
const DETAILED_VISITS = 5;
/** Event rows kept from the start and from the end of a long history. */
const EVENTS_HEAD = 1000;
const EVENTS_TAIL = 200;
/** Longest details text in an event row. */
const DETAILS_LIMIT = 400;

interface VisitRecord {
  visit: HistoryStateVisit;
  around?: VisitRecord;
  attempts: VisitAttempt[];
  failure?: VisitAttempt;
  last: HistoryEvent;
  iterations?: { total?: number; succeeded: number; failed: number };
  branches?: Map<number, 'succeeded' | 'failed' | 'unfinished'>;
}

/**
 * Reads an execution's history into what its report shows: each state's
 * outcome and visits (aggregated, so a 10,000-iteration Map keeps a count and
 * a few visits, not 10,000), the execution's status and the event rows. The
 * history is read with the runtime's {@link StateVisitTracker}, as
 * `typestep run --trace` reads it.
 *
 * @example
 * const execution = machine.start({ orderId: 7 });
 * await execution.result;
 * summarizeExecution(definition, execution.history).states.get('Charge card')?.outcome // 'retried'
 */
export function summarizeExecution(definition: object, history: readonly HistoryEvent[]): ExecutionSummary {
  const tracker = new StateVisitTracker();
  const records = new Map<HistoryStateVisit, VisitRecord>();
  const rows: EventRow[] = [];
  const start = history[0]?.timestamp.getTime() ?? 0;
  let execution: ExecutionStatus = { status: 'RUNNING', duration: 0 };

  for (const event of history) {
    const visit = tracker.add(event);
    const thread = tracker.threads.threads.get(event.id)!;
    const type = event.type;
    let record = visit && records.get(visit);
    if (visit && !record) {
      const around = thread.parent && tracker.openOn(thread.parent);
      record = { visit, around: around ? records.get(around) : undefined, attempts: [], last: event };
      records.set(visit, record);
    }
    if (record) record.last = event;
    // A branch's outcome is its last state's: unfinished while one runs, succeeded once the last one left.
    if (record?.around && thread.branch !== undefined && (visit!.entered === event || visit!.exited === event)) {
      (record.around.branches ??= new Map()).set(thread.branch, visit!.exited === event ? 'succeeded' : 'unfinished');
    }
    if (record && type.endsWith('Scheduled')) record.attempts.push({});
    else if (record && /(Failed|TimedOut)$/.test(type) && !/^(Execution|MapIteration)/.test(type)) {
      const failure = failureOf(event);
      if (record.attempts.length > 0) Object.assign(record.attempts.at(-1)!, failure);
      if (failure.error) record.failure = failure;
    }
    if (type === 'MapStateStarted' && record) {
      record.iterations = { total: (event.mapStateStartedEventDetails as { length?: number } | undefined)?.length, succeeded: 0, failed: 0 };
    } else if (/^MapIteration(Succeeded|Failed|Aborted)$/.test(type)) {
      const map = thread.parent && tracker.openOn(thread.parent);
      const iterations = map && records.get(map)?.iterations;
      if (iterations) iterations[type === 'MapIterationSucceeded' ? 'succeeded' : 'failed'] += 1;
    } else if (type === 'ExecutionStarted') {
      execution.input = payloadOf(event, 'input');
      execution.startedAt = event.timestamp;
    } else if (type === 'ExecutionSucceeded') {
      execution = { ...execution, status: 'SUCCEEDED', output: payloadOf(event, 'output') };
    } else if (/^Execution(Failed|TimedOut|Aborted)$/.test(type)) {
      const status = type === 'ExecutionFailed' ? 'FAILED' : type === 'ExecutionTimedOut' ? 'TIMED_OUT' : 'ABORTED';
      execution = { ...execution, status, ...failureOf(event) };
    }
    const owner = visit ?? (thread.parent && tracker.openOn(thread.parent));
    rows.push({ id: event.id, type, time: event.timestamp.getTime() - start, state: owner?.name, where: (owner?.thread ?? thread).label, details: detailsText(event) });
  }
  execution.duration = history.length > 0 ? history.at(-1)!.timestamp.getTime() - start : 0;

  const states = new Map<string, StateSummary>();
  for (const [name, type, assigns] of definedStates(definition)) {
    if (!states.has(name)) states.set(name, { name, type, outcome: 'not-reached', counts: {}, visits: 0, assigns, retries: 0, detailed: [] });
  }
  const ended = execution.status !== 'RUNNING' && execution.status !== 'SUCCEEDED';
  const details: Array<[VisitRecord, VisitDetail]> = [];
  for (const record of records.values()) details.push([record, visitDetail(record, execution, ended, start)]);
  // A failure that ends an iteration or branch fails the Map or Parallel around it, whose own failure event names no error;
  // innermost first, so that a failure passes out through nested Maps and Parallels.
  const detailOf = new Map(details);
  for (const [record, detail] of [...details].reverse()) {
    if (detail.outcome !== 'failed' || !record.around) continue;
    const around = detailOf.get(record.around);
    if (around && !around.error) Object.assign(around, { error: detail.error, cause: detail.cause });
    if (record.around.branches && record.visit.thread.branch !== undefined) record.around.branches.set(record.visit.thread.branch, 'failed');
  }
  for (const [record, detail] of details) {
    if (record.branches) detail.branches = [...record.branches].map(([index, outcome]) => ({ index, outcome })).sort((a, b) => a.index - b.index);
    const name = record.visit.name;
    const summary = states.get(name) ?? { name, type: record.visit.type, outcome: 'not-reached' as StateOutcome, counts: {}, visits: 0, assigns: false, retries: 0, detailed: [] };
    states.set(name, summary);
    summary.visits += 1;
    summary.retries += Math.max(0, detail.attempts.length - 1);
    summary.counts[detail.outcome] = (summary.counts[detail.outcome] ?? 0) + 1;
    if (STATE_OUTCOMES.indexOf(detail.outcome) < STATE_OUTCOMES.indexOf(summary.outcome)) summary.outcome = detail.outcome;
    const notable = detail.outcome === 'failed' || detail.outcome === 'caught';
    const kept = summary.detailed.length;
    if (kept < DETAILED_VISITS || (notable && kept < DETAILED_VISITS * 2)) summary.detailed.push(detail);
  }
  const omitted = Math.max(0, rows.length - EVENTS_HEAD - EVENTS_TAIL);
  const events = omitted > 0 ? [...rows.slice(0, EVENTS_HEAD), ...rows.slice(-EVENTS_TAIL)] : rows;
  return { execution, states, events, eventsOmitted: omitted };
}

function visitDetail(record: VisitRecord, execution: ExecutionStatus, ended: boolean, start: number): VisitDetail {
  const { visit } = record;
  const exited = visit.exited;
  let outcome: VisitDetail['outcome'];
  if (exited) outcome = visit.failed ? 'caught' : record.attempts.length > 1 ? 'retried' : 'succeeded';
  // A Fail state, and the top-level state the execution ended in, end without an exit event.
  else if (visit.failed || visit.type === 'Fail' || (ended && !visit.thread.parent)) outcome = 'failed';
  else outcome = 'unfinished';
  const failure = record.failure ?? (outcome === 'failed' && (visit.type === 'Fail' || !visit.thread.parent) ? { error: execution.error, cause: execution.cause } : {});
  const assigned = exited && (exited.stateExitedEventDetails as { assignedVariables?: Record<string, string> } | undefined)?.assignedVariables;
  return {
    enteredEventId: visit.id,
    ...(exited ? { exitedEventId: exited.id } : {}),
    where: visit.thread.label,
    outcome,
    input: payloadOf(visit.entered, 'input'),
    ...(exited ? { output: payloadOf(exited, 'output') } : {}),
    ...(assigned ? { assignedVariables: Object.fromEntries(Object.entries(assigned).map(([name, text]) => [name, payloadText(text)])) } : {}),
    attempts: record.attempts,
    ...(outcome === 'failed' || outcome === 'caught' ? { error: failure.error ?? visit.error, cause: failure.cause } : {}),
    startedAt: visit.entered.timestamp.getTime() - start,
    duration: (exited ?? record.last).timestamp.getTime() - visit.entered.timestamp.getTime(),
    ...(record.iterations ? { iterations: record.iterations } : {}),
  };
}

/** The error and cause a failure event carries (its details' `error` and `cause`). */
function failureOf(event: HistoryEvent): VisitAttempt {
  const error = errorOf(event);
  for (const value of Object.values(event)) {
    if (value && typeof value === 'object' && typeof (value as { cause?: unknown }).cause === 'string') return { error, cause: (value as { cause: string }).cause };
  }
  return error === undefined ? {} : { error };
}

function payloadOf(event: HistoryEvent, field: 'input' | 'output'): PayloadText | undefined {
  for (const value of Object.values(event)) {
    if (value && typeof value === 'object' && typeof (value as Record<string, unknown>)[field] === 'string') return payloadText((value as Record<string, string>)[field]!);
  }
  return undefined;
}

function detailsText(event: HistoryEvent): string {
  const key = Object.keys(event).find((candidate) => candidate.endsWith('EventDetails'));
  if (!key) return '';
  const text = JSON.stringify(event[key]) ?? '';
  return text.length > DETAILS_LIMIT ? `${text.slice(0, DETAILS_LIMIT - 1)}…` : text;
}

/** Every state of a definition, nested ones included: name, type and whether it assigns variables. */
function* definedStates(scope: unknown): Generator<[string, string, boolean]> {
  const states = (scope as { States?: Record<string, unknown> } | null)?.States;
  if (!states || typeof states !== 'object') return;
  for (const [name, state] of Object.entries(states)) {
    const { Type, Branches, ItemProcessor, Iterator, Assign, Choices, Catch } = (state ?? {}) as Record<string, unknown>;
    const rules = [...(Array.isArray(Choices) ? Choices : []), ...(Array.isArray(Catch) ? Catch : [])];
    const assigns = Assign !== undefined || rules.some((rule) => rule && typeof rule === 'object' && 'Assign' in rule);
    yield [name, typeof Type === 'string' ? Type : '?', assigns];
    for (const branch of Array.isArray(Branches) ? Branches : []) yield* definedStates(branch);
    yield* definedStates(ItemProcessor ?? Iterator);
  }
}
