import type { DiagnosticCollector } from '../../diagnostics/index.js';
import type { Discovery, DiscoveredWorkflow } from '../1-discover/index.js';
import type { Analysis } from '../2-analyze/index.js';
import type { LoweringContext } from './context.js';
import type { IrMachine } from './ir.js';
import { visitors } from './visitors.js';

export type * from './ir.js';

/**
 * Phase 3: a workflow body as a state graph (the IR). Statements that await
 * become states; everything between them is carried by those states'
 * Assign and inputs (see `Flow`).
 *
 * @example
 * const machine = lower(workflow, discovery, analysis, diagnostics);
 */
export function lower(workflow: DiscoveredWorkflow, discovery: Discovery, analysis: Analysis, diagnostics: DiagnosticCollector): IrMachine {
  const ctx: LoweringContext = {
    visit: visitors,
    names: analysis.names,
    tasks: discovery.tasks,
    diagnostics,
    overrides: new Map(),
    loops: [],
    catches: [],
    catchVariables: new Set(),
    finallies: [],
    namedStateNames: new Set(),
    inlining: [],
  };
  const [parameter] = workflow.body.getParameters();
  const graph = ctx.visit.body(workflow.body, parameter ? [[parameter, '$states.input']] : [], ctx);
  const machine: IrMachine = { name: workflow.name, graph, boxed: analysis.names.boxed };
  if (workflow.options.comment !== undefined) machine.comment = workflow.options.comment;
  if (workflow.options.timeoutSeconds !== undefined) machine.timeoutSeconds = workflow.options.timeoutSeconds;
  return machine;
}
