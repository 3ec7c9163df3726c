import type { QueryLanguage, StateDefinition } from '../definition.js';
import { runtimeError } from '../errors.js';
import { thenMaybe } from '../execution/maybe-async.js';
import type { StateVisit, Thread } from '../execution/thread.js';
import { compileJsonataTemplate, type JsonataTemplate } from '../jsonata/template.js';
import { compilePath } from '../jsonpath/path.js';
import { compilePayloadTemplate, type PayloadEvaluator } from '../jsonpath/payload-template.js';
import { compileReferencePath } from '../jsonpath/reference-path.js';
import { NOT_FOUND } from '../jsonpath/scope.js';
import { payloadSizeBound } from '../execution/payload-limit.js';
import { invalidPath } from '../jsonpath/messages.js';
import { jsonataScope, StatePathScope } from './state-scope.js';
import type { StateRef } from './prepare-context.js';
import type { StateResult } from '../execution/prepared.js';

/**
 * How data moves through a state, in either query language:
 * `prepareInput` turns the raw state input into what the state works on
 * (JSONPath: InputPath then Parameters; JSONata: Arguments), and `finish`
 * turns the work's result into the state's output (JSONPath: ResultSelector,
 * ResultPath, OutputPath; JSONata: Output), evaluating `Assign` against the
 * variables as they were on entry and applying it last.
 */
export interface DataFlow {
  prepareInput(thread: Thread, visit: StateVisit, input: unknown): unknown | Promise<unknown>;
  finish(thread: Thread, visit: StateVisit, input: unknown, result: unknown): Finished | Promise<Finished>;
}

export interface Finished {
  output: unknown;
  assigned?: Record<string, unknown>;
}

/**
 * Which fields a state type reads. `parameters`: the field that builds the
 * work's input (`Parameters`; none for Map, whose ItemSelector is per item);
 * `resultSelector`: whether ResultSelector applies; `resultPath`: whether
 * ResultPath applies (Choice, Wait and Succeed have none).
 */
export interface DataFlowShape {
  parameters: boolean;
  resultSelector: boolean;
  resultPath: boolean;
  /** The name of JSONata's input-building field (`Arguments`), if any. */
  arguments: boolean;
  /** Whether `$states.result` exists (Task, Map, Parallel). */
  hasResult: boolean;
}

export function prepareDataFlow(def: StateDefinition, language: QueryLanguage, shape: DataFlowShape): DataFlow {
  return language === 'JSONata' ? prepareJsonataFlow(def, shape) : prepareJsonPathFlow(def, shape);
}

function prepareJsonPathFlow(def: StateDefinition, shape: DataFlowShape): DataFlow {
  const inputPath = compileIoPath(def.InputPath, 'InputPath');
  const parameters = shape.parameters && def.Parameters !== undefined ? compilePayloadTemplate(def.Parameters) : undefined;
  const resultSelector =
    shape.resultSelector && def.ResultSelector !== undefined ? compilePayloadTemplate(def.ResultSelector) : undefined;
  const resultPath = shape.resultPath ? compileResultPath(def.ResultPath) : undefined;
  const outputPath = compileIoPath(def.OutputPath, 'OutputPath');
  const assign = def.Assign !== undefined ? compilePayloadTemplate(def.Assign) : undefined;

  return {
    prepareInput(thread, visit, input) {
      const effective = inputPath(thread, visit, input);
      return parameters ? parameters(new StatePathScope(thread, visit, effective)) : effective;
    },
    finish(thread, visit, input, result) {
      const selected = resultSelector ? resultSelector(new StatePathScope(thread, visit, result)) : result;
      const assigned = assign
        ? (assign(new StatePathScope(thread, visit, selected)) as Record<string, unknown>)
        : undefined;
      const combined = resultPath ? resultPath(input, selected) : selected;
      const output = outputPath(thread, visit, combined);
      if (assigned) applyAssignments(thread, assigned);
      // Merging into the input: the output is at most the input plus the result and the new keys.
      const sizeBound =
        resultPath?.kind === 'merge' && thread.inputSize !== Infinity
          ? thread.inputSize + payloadSizeBound(selected) + resultPath.overhead
          : undefined;
      return { output, assigned, sizeBound };
    },
  };
}

function prepareJsonataFlow(def: StateDefinition, shape: DataFlowShape): DataFlow {
  const args = shape.arguments && def.Arguments !== undefined ? compileJsonataTemplate(def.Arguments, 'Arguments') : undefined;
  const output = def.Output !== undefined ? compileJsonataTemplate(def.Output, 'Output') : undefined;
  const assign = def.Assign !== undefined ? compileJsonataTemplate(def.Assign, 'Assign') : undefined;

  return {
    prepareInput(thread, visit, input) {
      return args ? args(jsonataScope(thread, visit, input)) : input;
    },
    finish(thread, visit, input, result) {
      if (!output && !assign) return { output: shape.hasResult ? result : input };
      const scope = jsonataScope(thread, visit, input, shape.hasResult ? { result } : undefined);
      return finishJsonata(thread, scope, assign, output, shape.hasResult ? result : input);
    },
  };
}

/**
 * Evaluates a JSONata `Assign` and `Output` against one scope (both see the
 * variables as they were on entry) and applies the assignments afterwards.
 */
export function finishJsonata(
  thread: Thread,
  scope: Parameters<JsonataTemplate>[0],
  assign: JsonataTemplate | undefined,
  output: JsonataTemplate | undefined,
  defaultOutput: unknown,
): Finished | Promise<Finished> {
  return thenMaybe(assign ? assign(scope) : undefined, (assigned) =>
    thenMaybe(output ? output(scope) : defaultOutput, (value) => {
      if (assigned) applyAssignments(thread, assigned as Record<string, unknown>);
      return { output: value, assigned: assigned as Record<string, unknown> | undefined };
    }),
  );
}

/**
 * Completes a state's result with its transition. `finished` is always a
 * fresh object, so it is completed in place rather than copied: this runs
 * once per state.
 */
export function continueTo(finished: Finished, next: StateRef): StateResult {
  (finished as StateResult).next = next.state;
  return finished as StateResult;
}

export function applyAssignments(thread: Thread, assigned: Record<string, unknown>): void {
  for (const name of Object.keys(assigned)) thread.variables.set(name, assigned[name]);
}

/** InputPath / OutputPath: absent or `$` → unchanged, `null` → `{}`, a path → the selection or States.Runtime. */
export function compileIoPath(
  text: unknown,
  _field: string,
): (thread: Thread, visit: StateVisit, data: unknown) => unknown {
  if (text === undefined || text === '$') return (_thread, _visit, data) => data;
  if (text === null) return () => ({});
  const path = compilePath(text as string);
  return (thread, visit, data) => {
    const scope = new StatePathScope(thread, visit, data);
    const value = path.select(scope);
    if (value === NOT_FOUND) throw runtimeError(invalidPath(path.text, path.describeMiss(scope)));
    return value;
  };
}

/**
 * ResultPath: absent or `$` → the result, `null` → the input, a reference
 * path → the result merged into the input. `overhead` bounds the bytes the
 * merge adds besides the result (keys, braces).
 */
export interface ResultPathApplier {
  (input: unknown, result: unknown): unknown;
  kind: 'result' | 'input' | 'merge';
  overhead: number;
}

export function compileResultPath(text: unknown): ResultPathApplier {
  if (text === undefined || text === '$') return Object.assign((_input: unknown, result: unknown) => result, { kind: 'result' as const, overhead: 0 });
  if (text === null) return Object.assign((input: unknown) => input, { kind: 'input' as const, overhead: 0 });
  const path = compileReferencePath(text as string);
  return Object.assign((input: unknown, result: unknown) => path.assign(input, result), {
    kind: 'merge' as const,
    overhead: (text as string).length * 6 + 16,
  });
}

/** Assign in a JSONPath state, with `$` bound as the state type prescribes. */
export function compileJsonPathAssign(assign: unknown): PayloadEvaluator | undefined {
  return assign === undefined ? undefined : compilePayloadTemplate(assign);
}
