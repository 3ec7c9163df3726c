import type { DiagnosticCollector } from '../../diagnostics/index.js';
import type { TaskTable } from '../1-discover/index.js';
import type { VariableNames } from '../2-analyze/index.js';
import type { IrLabel } from './ir.js';
import type { Override } from './pending.js';

/** A loop's jump targets. */
export interface LoopTargets {
  breakTo: IrLabel;
  continueTo: IrLabel;
  /** `switch` takes `break` but not `continue`. */
  isSwitch?: boolean;
}

/** A `finally` block, with the stacks as they are outside its `try` (where its own code runs). */
export interface FinallyFrame {
  block: import('ts-morph').Block;
  catches: number;
  loops: number;
}

/** The innermost `try`'s handler: where errors go, and the variable that receives them. */
export interface CatchTarget {
  handler: IrLabel;
  /** The `catch (e)` variable, or undefined for `catch {}`. */
  variable: string | undefined;
}

/**
 * What lowering one workflow (or one Map iteration, which starts with empty
 * loop and catch stacks) shares across visitors.
 */
export interface LoweringContext {
  names: VariableNames;
  tasks: TaskTable;
  diagnostics: DiagnosticCollector;
  /** Variables read as something else (a callback's token parameter, a local function). */
  overrides: Map<string, Override>;
  loops: LoopTargets[];
  catches: CatchTarget[];
  /** Catch variables: a `throw e` of one of them re-throws the caught error. */
  catchVariables: Set<string>;
  /** The `finally` blocks around the current point, innermost last: a jump out of one runs it first. */
  finallies: FinallyFrame[];
  /** State names given by a task's `name` option, and the call that took each (a name is one state). */
  namedStates: Map<string, import('ts-morph').Node>;
}

/** The context of a nested machine (Map iteration): same names, fresh control stacks. */
export function nestedContext(ctx: LoweringContext): LoweringContext {
  return { ...ctx, loops: [], catches: [], finallies: [] };
}
