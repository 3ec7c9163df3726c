import type { VariableStatement } from 'ts-morph';
import { containsAwait } from '../../2-analyze/index.js';
import { lowerValue } from '../awaited/value.js';
import type { LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';

/**
 * `const x = await task(…)` (also destructuring, and `c ? await a() : b`):
 * the awaited value is bound by the state that produces it (its Assign).
 *
 * @example
 * // const { chargeId } = await chargeCard(req) → Assign: { chargeId: '{% $states.result.Payload.chargeId %}' }
 */
export function lowerVariableStatement(statement: VariableStatement, flow: Flow, ctx: LoweringContext): void {
  const declarations = statement.getDeclarations();
  if (declarations.length !== 1) {
    ctx.diagnostics.report('await_in_declaration_list', statement);
    // The awaited values are still lowered, so their own problems are reported in the same run.
    for (const declaration of declarations) {
      const initializer = declaration.getInitializer();
      if (initializer && containsAwait(initializer)) lowerValue(initializer, { kind: 'bind', target: declaration }, flow, ctx);
    }
    return;
  }
  const declaration = declarations[0]!;
  const initializer = declaration.getInitializer();
  if (!initializer || !containsAwait(initializer)) {
    flow.pending.push({ kind: 'statements', statements: [statement] });
    return;
  }
  lowerValue(initializer, { kind: 'bind', target: declaration }, flow, ctx);
}
