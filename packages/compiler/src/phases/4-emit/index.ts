import type { IrMachine } from '../3-lower/index.js';
import { emitGraph, type SourceMapEntry } from './asl-state.js';
import { StateNames } from './state-names.js';

export type { SourceMapEntry } from './asl-state.js';
export { formatJson } from './format-json.js';

/** A definition and where each state came from. */
export interface EmittedMachine {
  definition: Record<string, unknown>;
  sourceMap: Record<string, SourceMapEntry>;
}

/**
 * Phase 4: the IR as an ASL definition with `QueryLanguage: "JSONata"` at
 * the top, and its source map (state name → span).
 *
 * @example
 * const { definition, sourceMap } = emit(machine);
 */
export function emit(machine: IrMachine): EmittedMachine {
  const sourceMap: Record<string, SourceMapEntry> = {};
  const graph = emitGraph(machine.graph, new StateNames(), sourceMap, machine.boxed);
  const definition: Record<string, unknown> = { QueryLanguage: 'JSONata' };
  if (machine.comment !== undefined) definition.Comment = machine.comment;
  if (machine.timeoutSeconds !== undefined) definition.TimeoutSeconds = machine.timeoutSeconds;
  definition.StartAt = graph.StartAt;
  definition.States = graph.States;
  return { definition, sourceMap };
}
