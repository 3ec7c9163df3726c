import type { VariableStatement } from 'ts-morph';
import { containsAwait } from '../../2-analyze/index.js';
import { hoistAwaits } from '../awaited/hoist.js';
import { hasDefaultsOrRest } from '../awaited/result-binding.js';
import { lowerValue } from '../awaited/value.js';
import type { LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';
import { editAt, type DiagnosticFix } from '../../../diagnostics/index.js';

/**
 * `const x = await task(…)` (also destructuring, and `c ? await a() : b`):
 * the awaited value is bound by the state that produces it (its Assign). A
 * pattern with defaults or rest elements (`const { a = 1, ...rest } = await
 * t()`) awaits into a variable first; the declaration is then pure and
 * lowered like any other (defaults apply to `undefined` only).
 *
 * @example
 * // const { chargeId } = await chargeCard(req) → Assign: { chargeId: '{% $states.result.Payload.chargeId %}' }
 */
export function lowerVariableStatement(statement: VariableStatement, flow: Flow, ctx: LoweringContext): void {
  const declarations = statement.getDeclarations();
  if (declarations.length !== 1) {
    ctx.diagnostics.report('await_in_declaration_list', statement, {}, splitDeclarationsFix(statement));
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
    flow.pending.push({ kind: 'statements', statements: [statement], names: ctx.names });
    return;
  }
  if (hasDefaultsOrRest(declaration.getNameNode())) {
    hoistAwaits(initializer, flow, ctx);
    if (flow.live) flow.pending.push({ kind: 'statements', statements: [statement], names: ctx.names });
    return;
  }
  lowerValue(initializer, { kind: 'bind', target: declaration }, flow, ctx);
}

/** `await_in_declaration_list`'s rewrite: one statement per declaration, each with the list's keyword, at the list's indentation. */
function splitDeclarationsFix(statement: VariableStatement): DiagnosticFix {
  const keyword = statement.getDeclarationKind();
  const start = statement.getStart();
  const full = statement.getSourceFile().getFullText();
  // The text before the statement on its line (ts-morph's getIndentationText reports its own setting, not the file's).
  const indentation = /^[ \t]*/.exec(full.slice(full.lastIndexOf('\n', start - 1) + 1, start))![0];
  const text = statement.getDeclarations().map((declaration) => `${keyword} ${declaration.getText()};`).join(`\n${indentation}`);
  return { description: 'Declare one variable per statement', edits: [editAt(statement, start, statement.getEnd(), text)] };
}
