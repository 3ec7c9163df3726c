import { AwsApiError, MapRunNotFoundError, type HistoryEvent, type MapRunUpdate } from '@typestep/runtime';
import { parseArn } from '../arns.js';
import { defined, epochSeconds, fieldError, readPage, requiredString } from '../request-fields.js';
import { requireExecution, type Operation, type ServerContext } from '../server-context.js';

/** One Distributed Map run, read back from its execution's history. */
interface MapRunSummary {
  mapRunArn: string;
  executionArn: string;
  stateMachineArn: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startDate: number;
  stopDate?: number;
  counts: { total: number; succeeded: number; failed: number; aborted: number; running: number };
}

const ENDS: Record<string, MapRunSummary['status']> = { MapRunSucceeded: 'SUCCEEDED', MapRunFailed: 'FAILED', MapRunAborted: 'ABORTED' };

/**
 * The map runs of an execution, from its history: MapRunStarted opens one
 * (its size is the MapStateStarted just before it), MapRun{Succeeded,Failed,
 * Aborted} ends it. The history does not hold the child executions, so
 * without kept children (`map_run_children`) the item counts are derived: all items count as succeeded when the run
 * succeeded, and those not otherwise accounted for as failed (aborted) when
 * it failed (was aborted).
 */
function mapRunsOf(executionArn: string, stateMachineArn: string, events: readonly HistoryEvent[]): MapRunSummary[] {
  const runs: MapRunSummary[] = [];
  let open: MapRunSummary | undefined;
  let size = 0;
  for (const event of events) {
    if (event.type === 'MapStateStarted') size = (event.mapStateStartedEventDetails as { length?: number } | undefined)?.length ?? 0;
    else if (event.type === 'MapRunStarted') {
      const arn = (event.mapRunStartedEventDetails as { mapRunArn: string }).mapRunArn;
      open = { mapRunArn: arn, executionArn, stateMachineArn, status: 'RUNNING', startDate: event.timestamp.getTime(), counts: { total: size, succeeded: 0, failed: 0, aborted: 0, running: 0 } };
      runs.push(open);
    } else if (open && event.type === 'MapIterationSucceeded') open.counts.succeeded++;
    else if (open && event.type === 'MapIterationFailed') open.counts.failed++;
    else if (open && event.type === 'MapIterationAborted') open.counts.aborted++;
    else if (open && ENDS[event.type]) {
      open.status = ENDS[event.type]!;
      // A Distributed Map's children are executions of their own, not events here: the end tells how they went.
      const { total, succeeded, failed, aborted } = open.counts;
      const unaccounted = Math.max(0, total - succeeded - failed - aborted);
      if (open.status === 'SUCCEEDED') open.counts.succeeded += unaccounted;
      else if (open.status === 'FAILED') open.counts.failed += unaccounted;
      else open.counts.aborted += unaccounted;
      open.stopDate = event.timestamp.getTime();
      open = undefined;
    }
  }
  for (const run of runs) run.counts.running = run.status === 'RUNNING' ? Math.max(0, run.counts.total - run.counts.succeeded - run.counts.failed - run.counts.aborted) : 0;
  return runs;
}

/** The Map Run of that ARN, read back from the history of the execution that started it; ResourceNotFound otherwise. */
export function findMapRun(context: ServerContext, mapRunArn: string): MapRunSummary {
  parseArn(mapRunArn, ['mapRun']);
  const found = context.store.db
    .prepare(`SELECT DISTINCT execution_arn FROM events WHERE body LIKE ? ESCAPE '\\' LIMIT 1`)
    .get(`%"mapRunArn":"${mapRunArn.replace(/[\\%_]/g, (c) => `\\${c}`)}"%`) as { execution_arn: string } | undefined;
  const execution = found && context.store.execution(found.execution_arn);
  const run = execution && mapRunsOf(execution.arn, execution.machine_arn, context.store.events(execution.arn)).find((r) => r.mapRunArn === mapRunArn);
  if (!run) throw new AwsApiError('ResourceNotFound', `Resource not found: '${mapRunArn}'`);
  // The children the runtime reported, where kept, count as they went (rather than as derived from the run's end).
  const kept = context.store.mapRunChildCounts(mapRunArn);
  if (Object.keys(kept).length > 0) {
    run.counts = { total: run.counts.total, succeeded: kept.SUCCEEDED ?? 0, failed: kept.FAILED ?? 0, aborted: kept.ABORTED ?? 0, running: kept.RUNNING ?? 0 };
  }
  return run;
}

function counts(run: MapRunSummary) {
  const { total, succeeded, failed, aborted, running } = run.counts;
  const pending = Math.max(0, total - succeeded - failed - aborted - running);
  return { pending, running, succeeded, failed, timedOut: 0, aborted, total, resultsWritten: succeeded + failed, failuresNotRedrivable: 0, pendingRedrive: 0 };
}

/** An optional number field of UpdateMapRun, checked as AWS does. */
function limitField(body: Record<string, unknown>, field: string, whole: boolean, max?: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new AwsApiError('SerializationException', `'${field}' must be a number`);
  if (value < 0 || (whole && !Number.isInteger(value)) || (max !== undefined && value > max)) {
    throw fieldError(field, String(value), max === undefined ? 'Member must have value greater than or equal to 0' : `Member must have value between 0 and ${max}`);
  }
  return value;
}

/**
 * UpdateMapRun: changes a running Map Run's MaxConcurrency and failure
 * tolerances in its execution (the runtime's `Execution.updateMapRun`),
 * and keeps them for DescribeMapRun.
 */
const updateMapRun: Operation = (body, context) => {
  const mapRunArn = requiredString(body, 'mapRunArn');
  const update: MapRunUpdate = {
    maxConcurrency: limitField(body, 'maxConcurrency', true),
    toleratedFailureCount: limitField(body, 'toleratedFailureCount', true),
    toleratedFailurePercentage: limitField(body, 'toleratedFailurePercentage', false, 100),
  };
  context.store.flush();
  const run = findMapRun(context, mapRunArn);
  const execution = context.host.execution(run.executionArn);
  if (run.status !== 'RUNNING' || !execution) throw new AwsApiError('ValidationException', `The Map Run '${mapRunArn}' is not running`);
  try {
    execution.updateMapRun(mapRunArn, update);
  } catch (error) {
    if (error instanceof MapRunNotFoundError) throw new AwsApiError('ValidationException', `The Map Run '${mapRunArn}' is not running`);
    throw error;
  }
  const before = context.store.mapRunLimits(mapRunArn) ?? { maxConcurrency: 0, toleratedFailureCount: 0, toleratedFailurePercentage: 0 };
  context.store.putMapRunLimits(mapRunArn, { ...before, ...Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined)) });
  return {};
};

/** DescribeMapRun, ListMapRuns and UpdateMapRun. */
export const mapRunOperations: Record<string, Operation> = {
  UpdateMapRun: updateMapRun,
  DescribeMapRun: (body, context) => {
    context.store.flush();
    const run = findMapRun(context, requiredString(body, 'mapRunArn'));
    return defined({
      mapRunArn: run.mapRunArn,
      executionArn: run.executionArn,
      status: run.status,
      startDate: epochSeconds(run.startDate),
      stopDate: run.stopDate === undefined ? undefined : epochSeconds(run.stopDate),
      // The limits of the last UpdateMapRun; the Map's own are not in its history.
      maxConcurrency: 0,
      toleratedFailurePercentage: 0,
      toleratedFailureCount: 0,
      ...context.store.mapRunLimits(run.mapRunArn),
      itemCounts: counts(run),
      executionCounts: counts(run),
      redriveCount: 0,
    });
  },
  ListMapRuns: (body, context) => {
    const execution = requireExecution(context, requiredString(body, 'executionArn'));
    const runs = mapRunsOf(execution.arn, execution.machine_arn, context.store.events(execution.arn));
    const page = readPage(body, `ListMapRuns:${execution.arn}`, (limit, offset) => runs.slice(offset, offset + limit));
    return defined({
      mapRuns: page.items.map((run) =>
        defined({ mapRunArn: run.mapRunArn, executionArn: run.executionArn, stateMachineArn: run.stateMachineArn, startDate: epochSeconds(run.startDate), stopDate: run.stopDate === undefined ? undefined : epochSeconds(run.stopDate) }),
      ),
      nextToken: page.nextToken,
    });
  },
};
