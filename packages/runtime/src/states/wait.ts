import type { StateDefinition } from '../definition.js';
import { queryEvaluationError, runtimeError } from '../errors.js';
import { thenMaybe } from '../execution/maybe-async.js';
import type { PreparedState } from '../execution/prepared.js';
import { sleepThen } from '../execution/run-machine.js';
import type { StateVisit, Thread } from '../execution/thread.js';
import { compileJsonataTemplate } from '../jsonata/template.js';
import { compilePath } from '../jsonpath/path.js';
import { NOT_FOUND } from '../jsonpath/scope.js';
import { parseTimestamp } from '../timestamp.js';
import { PASSTHROUGH } from './succeed.js';
import { prepareDataFlow } from './data-flow.js';
import { languageOf, type PrepareContext } from './prepare-context.js';
import { jsonataScope, StatePathScope } from './state-scope.js';
import { continueTo } from './data-flow.js';

/** Wait: lets time pass (`Seconds`, `Timestamp`, their `…Path` forms, or JSONata) then hands on its input. */
export function prepareWait(name: string, def: StateDefinition, ctx: PrepareContext): PreparedState {
  const language = languageOf(def, ctx);
  const flow = prepareDataFlow(def, language, PASSTHROUGH);
  const next = ctx.ref(def.Next as string | undefined);
  const waitUntil = language === 'JSONata' ? prepareJsonataWait(def) : prepareJsonPathWait(def);

  return {
    name,
    type: 'Wait',
    queryLanguage: language,
    retriers: [],
    catchers: [],
    execute: (thread, input, visit) =>
      thenMaybe(flow.prepareInput(thread, visit, input), (effective) =>
        thenMaybe(waitUntil(thread, visit, effective, input), (until) => {
          const ms = until - thread.run.clock.now(thread.now);
          return sleepThen(thread, ms, () =>
            thenMaybe(flow.finish(thread, visit, input, effective), (finished) => continueTo(finished, next)),
          );
        }),
      ),
  };
}

/** Returns the instant (epoch ms) the wait ends. */
type WaitUntil = (thread: Thread, visit: StateVisit, effective: unknown, raw: unknown) => number | Promise<number>;

function prepareJsonPathWait(def: StateDefinition): WaitUntil {
  if (typeof def.Seconds === 'number') {
    const ms = def.Seconds * 1000;
    return (thread) => thread.run.clock.now(thread.now) + ms;
  }
  if (typeof def.Timestamp === 'string') {
    const at = parseTimestamp(def.Timestamp);
    return () => at ?? 0;
  }
  if (typeof def.SecondsPath === 'string') {
    const text = def.SecondsPath;
    const path = compilePath(text);
    return (thread, visit, effective) => {
      const value = path.select(new StatePathScope(thread, visit, effective));
      if (value === NOT_FOUND) throw runtimeError(`The SecondsPath parameter references a missing value: ${text}`);
      if (!Number.isInteger(value)) {
        throw runtimeError(`The SecondsPath parameter cannot be parsed as a long value: ${text} == ${show(value)}`);
      }
      if ((value as number) < 0) {
        throw runtimeError(`The SecondsPath parameter references a negative value: ${text} == ${show(value)}`);
      }
      return thread.run.clock.now(thread.now) + (value as number) * 1000;
    };
  }
  const text = def.TimestampPath as string;
  const path = compilePath(text);
  return (thread, visit, effective) => {
    const value = path.select(new StatePathScope(thread, visit, effective));
    const at = typeof value === 'string' ? parseTimestamp(value) : undefined;
    if (at === undefined) {
      throw runtimeError(
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${text} == ${show(value)}`,
      );
    }
    return at;
  };
}

function prepareJsonataWait(def: StateDefinition): WaitUntil {
  if (def.Seconds !== undefined) {
    const seconds = compileJsonataTemplate(def.Seconds, 'Seconds');
    return (thread, visit, _effective, raw) =>
      thenMaybe(seconds(jsonataScope(thread, visit, raw)), (value) => {
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
          throw queryEvaluationError(
            `The Seconds field must be a non-negative integer, but was: ${show(value)}`,
            'Seconds',
          );
        }
        return thread.run.clock.now(thread.now) + Math.floor(value) * 1000;
      });
  }
  const timestamp = compileJsonataTemplate(def.Timestamp, 'Timestamp');
  return (thread, visit, _effective, raw) =>
    thenMaybe(timestamp(jsonataScope(thread, visit, raw)), (value) => {
      const at = typeof value === 'string' ? parseTimestamp(value) : undefined;
      if (at === undefined) {
        throw queryEvaluationError(
          `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${typeof value === 'string' ? value : show(value)}`,
          'Timestamp',
        );
      }
      return at;
    });
}

function show(value: unknown): string {
  if (value === NOT_FOUND) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
