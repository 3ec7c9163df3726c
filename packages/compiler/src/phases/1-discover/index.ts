import type { Project, SourceFile } from 'ts-morph';
import type { DiagnosticCollector } from '../../diagnostics/index.js';
import { TaskTable } from './task-declarations.js';
import { reportTypeErrors } from './type-errors.js';
import { findWorkflows, type DiscoveredWorkflow } from './workflows.js';

export type { DiscoveredWorkflow } from './workflows.js';
export { TaskTable } from './task-declarations.js';
export { dslNameOf } from './dsl-symbols.js';
export { staticValue, NOT_STATIC } from './static-value.js';
export { classNamesOf, constructedError, constructedErrorClass, ERROR_CLASS_FIELD, errorClassOf, errorClassRef, errorNamesOf, hasPlainErrorClasses, rethrownError, type Argument, type ConstructedError, type ErrorClass, type LowerArgument } from './error-classes.js';

/** What discovery hands to the later phases. */
export interface Discovery {
  workflows: DiscoveredWorkflow[];
  tasks: TaskTable;
}

/**
 * Phase 1: TypeScript's own errors, the workflows of `files`, and a table
 * that resolves task calls to their declarations.
 *
 * @example
 * const { workflows, tasks } = discover(project, files, diagnostics);
 */
export function discover(project: Project, files: SourceFile[], diagnostics: DiagnosticCollector): Discovery {
  reportTypeErrors(project, files, diagnostics);
  return { workflows: findWorkflows(files, diagnostics), tasks: new TaskTable(diagnostics) };
}
