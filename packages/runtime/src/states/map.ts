import type { QueryLanguage, StateDefinition } from '../definition.js';
import { queryEvaluationError, runtimeError, StatesError } from '../errors.js';
import { thenMaybe } from '../execution/maybe-async.js';
import type { PreparedState } from '../execution/prepared.js';
import { recordEvent, recordSideEvent, type StateVisit, type Thread } from '../execution/thread.js';
import { compileJsonataTemplate } from '../jsonata/template.js';
import { compilePath } from '../jsonpath/path.js';
import { compilePayloadTemplate } from '../jsonpath/payload-template.js';
import { NOT_FOUND } from '../jsonpath/scope.js';
import { invalidPath } from '../jsonpath/messages.js';
import { runChildren, type ChildRun } from './branches.js';
import { jsonTypeOf } from './choice.js';
import { compileIoPath, prepareDataFlow } from './data-flow.js';
import { languageOf, type PrepareContext } from './prepare-context.js';
import { jsonataScope, StatePathScope } from './state-scope.js';
import { continueTo } from './data-flow.js';
import { prepareItemReader } from './distributed-map/item-reader.js';
import { MapRunControls } from './distributed-map/map-run-controls.js';
import { MapRunIdentity } from './distributed-map/map-run-identity.js';
import { prepareResultWriter } from './distributed-map/result-writer.js';
import type { MapRunChild } from '../state-machine.js';

const MAP_FLOW = { parameters: false, resultSelector: true, resultPath: true, arguments: false, hasResult: true };

type Evaluate<T> = (thread: Thread, visit: StateVisit, input: unknown, effective: unknown) => T | Promise<T>;

/**
 * Map: runs its ItemProcessor once per item (ItemsPath / Items, or an S3
 * ItemReader), each iteration with its own variable scope and `$$.Map.Item`.
 * Inline and Distributed modes run in-process; Distributed children keep
 * their events out of the parent history and do not see outer variables, as
 * on AWS. A ResultWriter takes a Distributed Map's results as they come.
 */
export function prepareMap(name: string, def: StateDefinition, ctx: PrepareContext): PreparedState {
  const language = languageOf(def, ctx);
  const flow = prepareDataFlow(def, language, MAP_FLOW);
  const next = ctx.ref(def.Next as string | undefined);
  const processorDef = (def.ItemProcessor ?? def.Iterator) as Record<string, unknown>;
  const processor = ctx.prepareMachine(processorDef, language);
  const distributed = (processorDef.ProcessorConfig as { Mode?: string } | undefined)?.Mode === 'DISTRIBUTED';

  const inputPath = language === 'JSONPath' ? compileIoPath(def.InputPath, 'InputPath') : undefined;
  // An ItemReader replaces ItemsPath/Items as the source of a Distributed Map's items.
  const items = def.ItemReader === undefined ? prepareItems(def, language) : prepareItemReader(def.ItemReader as StateDefinition, language);
  const writer = def.ResultWriter === undefined ? undefined : prepareResultWriter(def.ResultWriter as StateDefinition, language);
  const executionType = (processorDef.ProcessorConfig as { ExecutionType?: string } | undefined)?.ExecutionType === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
  const selector = prepareItemSelector(def, language);
  const maxConcurrency = prepareInteger(def, 'MaxConcurrency', language, 0);
  const toleratedCount = prepareInteger(def, 'ToleratedFailureCount', language, 0);
  const toleratedPercentage = prepareInteger(def, 'ToleratedFailurePercentage', language, 0);
  const batcher = def.ItemBatcher === undefined ? undefined : prepareBatcher(def.ItemBatcher as StateDefinition, language);

  return {
    name,
    type: 'Map',
    queryLanguage: language,
    retriers: ctx.prepareRetriers(def),
    catchers: ctx.prepareCatchers(def, language),
    execute(thread, input, visit) {
      const effective = inputPath ? inputPath(thread, visit, input) : input;
      return thenMaybe(items(thread, visit, input, effective), (list) =>
        thenMaybe(maxConcurrency(thread, visit, input, effective), (limit) =>
          thenMaybe(batcher ? batcher(thread, visit, input, effective, list) : list, (units) =>
            runIterations(thread, visit, input, effective, units, limit),
          ),
        ),
      );
    },
  };

  function runIterations(thread: Thread, visit: StateVisit, input: unknown, effective: unknown, units: unknown[], limit: number) {
    recordEvent(thread, 'MapStateStarted', { length: units.length });
    // The tolerated-failure thresholds configure the map run: AWS evaluates them after MapStateStarted.
    return thenMaybe(toleratedCount(thread, visit, input, effective), (count) =>
      thenMaybe(toleratedPercentage(thread, visit, input, effective), (percentage) =>
        startIterations(thread, visit, input, effective, units, limit, count, percentage),
      ),
    );
  }

  function startIterations(
    thread: Thread,
    visit: StateVisit,
    input: unknown,
    effective: unknown,
    units: unknown[],
    limit: number,
    toleratedFailures: number,
    toleratedPercent: number,
  ) {
    const mapRun = distributed ? new MapRunIdentity(thread.run, (def.Label as string | undefined) ?? name, executionType) : undefined;
    if (mapRun) recordEvent(thread, 'MapRunStarted', { mapRunArn: mapRun.arn });
    const selectorInputs = units.map((value, index) => ({ Index: index, Value: value }));
    const opening = writer && mapRun ? writer.start(thread, visit, input, effective, mapRun) : undefined;
    // A redrive runs again only the iterations that did not succeed before.
    const kept = distributed ? undefined : thread.run.redrive?.kept.get(visit.enteredEventId);
    return thenMaybe(opening, (results) => thenMaybe(selectAll(thread, visit, input, effective, selectorInputs), (selected) => {
      const children: ChildRun[] = selected.map((itemInput, index) => ({
        kept: kept?.has(index) ? { output: kept.get(index) } : undefined,
        machine: processor,
        input: itemInput,
        // A Distributed Map child is an execution of its own: no $$.Map, its own $$.Execution.
        mapItem: distributed ? undefined : selectorInputs[index],
        onStart: mapRun
          ? (child) => {
              const childName = mapRun.childName(index);
              child.executionContext = {
                Id: mapRun.childExecutionArn(childName),
                Input: itemInput,
                StartTime: new Date(thread.run.clock.now(child.now)).toISOString(),
                Name: childName,
                RoleArn: thread.run.identity.roleArn,
                ...(executionType === 'STANDARD' ? { RedriveCount: 0 } : {}),
              };
              child.stateMachineContext = { Id: mapRun.childStateMachineArn, Name: mapRun.childStateMachineArn.split(':').pop() };
            }
          : (child) => {
              recordEvent(child, 'MapIterationStarted', { index, name });
            },
        onSuccess: distributed ? undefined : (child) => {
          recordEvent(child, 'MapIterationSucceeded', { index, name });
        },
        onFailure: distributed ? undefined : (child) => {
          recordEvent(child, 'MapIterationFailed', { index, name });
        },
        // An iteration still running when another fails is aborted, as on AWS.
        onAbort: distributed ? undefined : (child) => {
          recordEvent(child, 'MapIterationAborted', { index, name });
        },
      }));
      // With a ResultWriter, each result goes to it as the child ends instead of into an array.
      results?.attach(children);
      if (mapRun && thread.run.onMapRunChild) reportChildren(thread, children, mapRun, thread.run.onMapRunChild);
      // UpdateMapRun changes these while the run goes on.
      const controls = mapRun ? new MapRunControls(limit, toleratedFailures, toleratedPercent) : undefined;
      if (mapRun && controls) thread.run.mapRuns.set(mapRun.arn, controls);
      const tolerate = (failures: number) => controls!.tolerates(failures, units.length);
      return thenMaybe(
        runChildren(thread, children, limit, {
          isolatedVariables: distributed,
          recordsHistory: distributed ? false : thread.recordsHistory,
          chain: true,
          tolerate: distributed ? tolerate : undefined,
          keepOutputs: results === undefined,
          controls,
        }),
        (outcome) => {
          if (mapRun) thread.run.mapRuns.delete(mapRun.arn);
          if (outcome.error) {
            // MapStateFailed is the run loop's to write: AWS leaves it out when the state is retried.
            if (distributed) {
              results?.finish(children);
              recordEvent(thread, 'MapRunFailed');
              throw new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
            }
            throw outcome.error;
          }
          const result = results ? results.finish(children) : outcome.outputs;
          // Since late 2024 AWS points MapStateExited at MapRunStarted, past MapRunSucceeded and MapStateSucceeded.
          const succeededAfter = distributed ? recordSideEvent(thread, 'MapRunSucceeded') : thread.lastEventId;
          recordSideEvent(thread, 'MapStateSucceeded', succeededAfter);
          return thenMaybe(flow.finish(thread, visit, input, result), (finished) => continueTo(finished, next));
        },
      );
    }));
  }

  /** Each iteration's input: the item, or ItemSelector evaluated with `$$.Map.Item`. */
  function selectAll(
    thread: Thread,
    visit: StateVisit,
    input: unknown,
    effective: unknown,
    entries: Array<{ Index: number; Value: unknown }>,
  ): unknown[] | Promise<unknown[]> {
    if (!selector) return entries.map((entry) => entry.Value);
    const out: unknown[] = [];
    const step = (index: number): unknown[] | Promise<unknown[]> => {
      for (; index < entries.length; index++) {
        const itemVisit = withMapItem(visit, entries[index]!);
        const value = selector(thread, itemVisit, input, effective);
        if (value instanceof Promise) {
          const current = index;
          return value.then((resolved) => {
            out[current] = resolved;
            return step(current + 1);
          });
        }
        out[index] = value;
      }
      return out;
    };
    return step(0);
  }
}

function withMapItem(visit: StateVisit, item: { Index: number; Value: unknown }): StateVisit {
  let context: Record<string, unknown> | undefined;
  return {
    enteredEventId: visit.enteredEventId,
    enteredTime: visit.enteredTime,
    retryCount: visit.retryCount,
    context() {
      // Object.assign, not a spread: V8 copies far faster this way when a key is added.
      context ??= Object.assign({}, visit.context(), { Map: { Item: item } });
      return context;
    },
  };
}

function prepareItems(def: StateDefinition, language: QueryLanguage): Evaluate<unknown[]> {
  if (language === 'JSONata') {
    if (def.Items === undefined) {
      return (_thread, _visit, input) => {
        if (!Array.isArray(input)) throw queryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(input)}`);
        return input;
      };
    }
    const template = compileJsonataTemplate(def.Items, 'Items');
    const text = typeof def.Items === 'string' ? def.Items.slice(2, -2).trim() : JSON.stringify(def.Items);
    return (thread, visit, input) =>
      thenMaybe(template(jsonataScope(thread, visit, input)), (value) => {
        if (!Array.isArray(value)) {
          throw queryEvaluationError(
            `The JSONata expression '${text}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${jsonTypeOf(value)}' for value: ${JSON.stringify(value)}`,
            'Items',
          );
        }
        return value;
      });
  }
  const itemsPath = def.ItemsPath === undefined ? undefined : compilePath(def.ItemsPath as string);
  return (thread, visit, _input, effective) => {
    const value = itemsPath ? itemsPath.select(new StatePathScope(thread, visit, effective)) : effective;
    if (value === NOT_FOUND) {
      throw runtimeError(invalidPath(itemsPath!.text, itemsPath!.describeMiss(new StatePathScope(thread, visit, effective))));
    }
    if (!Array.isArray(value)) {
      throw queryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(value)}`);
    }
    return value;
  };
}

function prepareItemSelector(def: StateDefinition, language: QueryLanguage): Evaluate<unknown> | undefined {
  const raw = def.ItemSelector ?? def.Parameters;
  if (raw === undefined) return undefined;
  if (language === 'JSONata') {
    const template = compileJsonataTemplate(raw, 'ItemSelector');
    return (thread, visit, input) => template(jsonataScope(thread, visit, input));
  }
  const template = compilePayloadTemplate(raw);
  return (thread, visit, _input, effective) => template(new StatePathScope(thread, visit, effective));
}

/** An integer field given literally, by `…Path`, or by JSONata (rounded down). */
export function prepareInteger(
  def: StateDefinition,
  field: string,
  language: QueryLanguage,
  fallback: number,
): Evaluate<number> {
  const literal = def[field];
  const pathText = def[`${field}Path`];
  if (language === 'JSONata' && typeof literal === 'string') {
    const template = compileJsonataTemplate(literal, field);
    return (thread, visit, input) =>
      thenMaybe(template(jsonataScope(thread, visit, input)), (value) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw queryEvaluationError(`The ${field} field must evaluate to a number, but was: ${JSON.stringify(value)}`);
        }
        return Math.floor(value);
      });
  }
  if (typeof pathText === 'string') {
    const path = compilePath(pathText);
    return (thread, visit, _input, effective) => {
      const selected = path.select(new StatePathScope(thread, visit, effective));
      // AWS reads the value as an integer, so integer text such as "1" is accepted too.
      const value = typeof selected === 'string' && /^\d+$/.test(selected) ? Number(selected) : selected;
      if (!Number.isInteger(value) || (value as number) < 0) {
        const shown = selected === NOT_FOUND ? 'null' : typeof selected === 'string' ? selected : JSON.stringify(selected);
        throw runtimeError(`The ${field}Path field refers to value "${shown}" which is not a valid integer: ${pathText}`);
      }
      return value as number;
    };
  }
  return () => (typeof literal === 'number' ? literal : fallback);
}

/**
 * ItemBatcher: groups items into `{ Items, BatchInput }` batches by count and
 * by size; the limits may be literal, `…Path` or JSONata, and BatchInput a
 * template (JSONPath) or JSONata value.
 */
function prepareBatcher(
  batcher: StateDefinition,
  language: QueryLanguage,
): (thread: Thread, visit: StateVisit, input: unknown, effective: unknown, items: unknown[]) => unknown[] | Promise<unknown[]> {
  const maxItems = prepareInteger(batcher, 'MaxItemsPerBatch', language, 0);
  const maxBytes = prepareInteger(batcher, 'MaxInputBytesPerBatch', language, 0);
  const batchInput =
    batcher.BatchInput === undefined
      ? undefined
      : language === 'JSONata'
        ? ((template) => (thread: Thread, visit: StateVisit, input: unknown) => template(jsonataScope(thread, visit, input)))(
            compileJsonataTemplate(batcher.BatchInput, 'ItemBatcher/BatchInput'),
          )
        : ((template) => (thread: Thread, visit: StateVisit, _input: unknown, effective: unknown) =>
            template(new StatePathScope(thread, visit, effective)))(compilePayloadTemplate(batcher.BatchInput));
  return (thread, visit, input, effective, items) =>
    thenMaybe(maxItems(thread, visit, input, effective), (count) =>
      thenMaybe(maxBytes(thread, visit, input, effective), (bytes) =>
        thenMaybe(batchInput ? batchInput(thread, visit, input, effective) : undefined, (shared) =>
          batchItems(items, count || Infinity, bytes || Infinity, shared),
        ),
      ),
    );
}

function batchItems(items: unknown[], maxItems: number, maxBytes: number, batchInput: unknown): unknown[] {
  const batches: unknown[] = [];
  let current: unknown[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item) ?? 'null');
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches.map((batch) => (batchInput === undefined ? { Items: batch } : { BatchInput: batchInput, Items: batch }));
}

/**
 * Tells `StartOptions.onMapRunChild` when each Map Run child starts and
 * ends, around the callbacks the children already have (a ResultWriter's).
 */
function reportChildren(thread: Thread, children: ChildRun[], mapRun: MapRunIdentity, report: (child: MapRunChild) => void): void {
  const { clock } = thread.run;
  children.forEach((child, index) => {
    const name = mapRun.childName(index);
    const base = { mapRunArn: mapRun.arn, executionArn: mapRun.childExecutionArn(name), name, stateMachineArn: mapRun.childStateMachineArn, index };
    let startDate = 0;
    const { onStart, onSuccess, onFailure, onAbort } = child;
    const ended = (at: Thread, status: MapRunChild['status']) => report({ ...base, status, startDate, stopDate: clock.now(at.now) });
    child.onStart = (at) => {
      onStart?.(at);
      startDate = clock.now(at.now);
      report({ ...base, status: 'RUNNING', startDate });
    };
    child.onSuccess = (at, output) => {
      onSuccess?.(at, output);
      ended(at, 'SUCCEEDED');
    };
    child.onFailure = (at, error) => {
      onFailure?.(at, error);
      ended(at, 'FAILED');
    };
    child.onAbort = (at) => {
      onAbort?.(at);
      ended(at, 'ABORTED');
    };
  });
}
