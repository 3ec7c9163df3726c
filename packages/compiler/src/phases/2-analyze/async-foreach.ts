import { Node, SyntaxKind, type ArrowFunction, type FunctionExpression } from '../../ts-morph.js';
import type { DiagnosticCollector } from '../../diagnostics/index.js';

/**
 * Reports `xs.forEach(async (x) => …)`: forEach does not wait for the promises
 * its callback returns, so in JavaScript the workflow would go on (and may end)
 * before the items are done; no state machine can reproduce that race.
 *
 * @example
 * reportAsyncForEach(workflow.body, diagnostics); // flags `items.forEach(async (i) => { await t(i) })`
 */
export function reportAsyncForEach(body: ArrowFunction | FunctionExpression, diagnostics: DiagnosticCollector): void {
  for (const call of body.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'forEach') continue;
    const callback = call.getArguments()[0];
    if ((Node.isArrowFunction(callback) || Node.isFunctionExpression(callback)) && callback.isAsync()) diagnostics.report('expression_foreach_async', callback);
  }
}
