import { Node, SyntaxKind, type ArrowFunction, type CallExpression, type FunctionExpression, type SourceFile } from '../../ts-morph.js';
import type { WorkflowOptions } from '@typestep/dsl';
import type { DiagnosticCollector } from '../../diagnostics/index.js';
import { dslNameOf } from './dsl-symbols.js';
import { NOT_STATIC, staticValue } from './static-value.js';

/** One `workflow(name, async (input) => …, options?)` call found in the sources. */
export interface DiscoveredWorkflow {
  name: string;
  call: CallExpression;
  body: ArrowFunction | FunctionExpression;
  options: WorkflowOptions;
}

/**
 * Every call of the dsl's `workflow` in `files` (resolved by symbol). Reports
 * a name or options that are not static, and a body that is not an async
 * function with at most one parameter.
 *
 * @example
 * findWorkflows([file], diagnostics) // [{ name: 'ProcessOrder', body: <arrow function>, … }]
 */
export function findWorkflows(files: SourceFile[], diagnostics: DiagnosticCollector): DiscoveredWorkflow[] {
  const found: DiscoveredWorkflow[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (dslNameOf(call.getExpression()) !== 'workflow') continue;
      const [nameNode, bodyNode, optionsNode] = call.getArguments();
      // Each problem is reported, then a placeholder stands in, so the body is still analyzed and lowered.
      const value = staticValue(nameNode);
      if (typeof value !== 'string') diagnostics.report('workflow_name_not_static', nameNode ?? call);
      const name = typeof value === 'string' ? value : `<workflow at line ${call.getStartLineNumber()}>`;
      let options = optionsNode === undefined ? {} : staticValue(optionsNode);
      if (options === NOT_STATIC || typeof options !== 'object' || options === null) {
        diagnostics.report('workflow_options_not_static', optionsNode!);
        options = {};
      }
      if (seen.has(name)) diagnostics.report('workflow_name_duplicate', call, { name });
      seen.add(name);
      if (!bodyNode || !(Node.isArrowFunction(bodyNode) || Node.isFunctionExpression(bodyNode)) || !bodyNode.isAsync()) {
        // Not an async function: there is no body whose awaits mean states, so nothing to lower.
        diagnostics.report('workflow_not_async', bodyNode ?? call);
        continue;
      }
      if (bodyNode.getParameters().length > 1) diagnostics.report('workflow_parameters', bodyNode.getParameters()[1]!);
      found.push({ name, call, body: bodyNode, options: options as WorkflowOptions });
    }
  }
  return found;
}
