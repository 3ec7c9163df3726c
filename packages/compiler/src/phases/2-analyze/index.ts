import type { DiagnosticCollector } from '../../diagnostics/index.js';
import type { DiscoveredWorkflow } from '../1-discover/index.js';
import { reportAsyncForEach } from './async-foreach.js';
import { reportStaleClosures } from './stale-closures.js';
import { nameVariables, reportOuterAssignments, type VariableNames } from './variable-names.js';

export { isAssignmentTarget, VariableNames, nameVariables, reportOuterAssignments } from './variable-names.js';
export { containsAwait, escapesRun, isPure } from './await-analysis.js';
export { helperFunctionOf, throwingHelperOf, type HelperFunction } from './throwing-helpers.js';
export { mayBeUndefined } from './may-be-undefined.js';

/** What analysis knows about one workflow. */
export interface Analysis {
  names: VariableNames;
}

/**
 * Phase 2: the ASL variable of every local (unique, valid names) and the
 * scoping rules AWS enforces. Which statements await is asked per statement
 * (`isPure`), as lowering walks them.
 *
 * @example
 * const { names } = analyze(workflow, diagnostics);
 */
export function analyze(workflow: DiscoveredWorkflow, diagnostics: DiagnosticCollector): Analysis {
  const names = nameVariables(workflow.body, diagnostics);
  reportOuterAssignments(workflow.body, names, diagnostics);
  reportAsyncForEach(workflow.body, diagnostics);
  reportStaleClosures(workflow.body, diagnostics);
  return { names };
}
