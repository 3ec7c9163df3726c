import { Node, SyntaxKind, type Statement } from 'ts-morph';
import { isPure } from '../../2-analyze/index.js';
import { contextBindings } from '../context-call.js';
import type { LoweringContext } from '../context.js';
import type { Flow } from '../flow.js';
import { lowerBreakStatement, lowerContinueStatement } from './jump-statements.js';
import { lowerDoStatement } from './do-statement.js';
import { lowerExpressionStatement } from './expression-statement.js';
import { lowerForOfStatement } from './for-of-statement.js';
import { lowerForStatement } from './for-statement.js';
import { lowerIfStatement } from './if-statement.js';
import { lowerLabeledStatement } from './labeled-statement.js';
import { lowerReturnStatement } from './return-statement.js';
import { lowerSwitchStatement } from './switch-statement.js';
import { lowerThrowStatement } from './throw-statement.js';
import { lowerTryStatement } from './try-statement.js';
import { lowerVariableStatement } from './variable-statement.js';
import { lowerWhileStatement } from './while-statement.js';

/**
 * Lowers a list of statements: await-free runs become pending work (carried
 * by a neighbouring state, see `Flow`), every other statement goes to the
 * visitor of its kind. Statements after control has left (a `return`) are
 * dead and skipped.
 *
 * @example
 * lowerStatements(body.getStatements(), flow, ctx);
 */
export function lowerStatements(statements: Statement[], flow: Flow, ctx: LoweringContext): void {
  let run: Statement[] = [];
  for (const statement of statements) {
    if (!flow.live) break;
    const bindings = contextBindings(statement, ctx);
    if (bindings) {
      if (run.length > 0) flow.pending.push({ kind: 'statements', statements: run, names: ctx.names });
      run = [];
      flow.pending.push(...bindings);
      continue;
    }
    if (isPure(statement)) {
      run.push(statement);
      continue;
    }
    if (run.length > 0) flow.pending.push({ kind: 'statements', statements: run, names: ctx.names });
    run = [];
    lowerStatement(statement, flow, ctx);
  }
  if (run.length > 0 && flow.live) flow.pending.push({ kind: 'statements', statements: run, names: ctx.names });
}

/** One statement that awaits or moves control: the visitor named after its syntax kind. */
function lowerStatement(statement: Statement, flow: Flow, ctx: LoweringContext): void {
  if (isPure(statement)) {
    flow.pending.push({ kind: 'statements', statements: [statement], names: ctx.names });
    return;
  }
  switch (statement.getKind()) {
    case SyntaxKind.Block:
      return lowerStatements((statement as Statement & { getStatements(): Statement[] }).getStatements(), flow, ctx);
    case SyntaxKind.VariableStatement:
      return lowerVariableStatement(statement.asKindOrThrow(SyntaxKind.VariableStatement), flow, ctx);
    case SyntaxKind.ExpressionStatement:
      return lowerExpressionStatement(statement.asKindOrThrow(SyntaxKind.ExpressionStatement), flow, ctx);
    case SyntaxKind.IfStatement:
      return lowerIfStatement(statement.asKindOrThrow(SyntaxKind.IfStatement), flow, ctx);
    case SyntaxKind.WhileStatement:
      return lowerWhileStatement(statement.asKindOrThrow(SyntaxKind.WhileStatement), flow, ctx);
    case SyntaxKind.DoStatement:
      return lowerDoStatement(statement.asKindOrThrow(SyntaxKind.DoStatement), flow, ctx);
    case SyntaxKind.ForStatement:
      return lowerForStatement(statement.asKindOrThrow(SyntaxKind.ForStatement), flow, ctx);
    case SyntaxKind.ForOfStatement:
      return lowerForOfStatement(statement.asKindOrThrow(SyntaxKind.ForOfStatement), flow, ctx);
    case SyntaxKind.SwitchStatement:
      return lowerSwitchStatement(statement.asKindOrThrow(SyntaxKind.SwitchStatement), flow, ctx);
    case SyntaxKind.TryStatement:
      return lowerTryStatement(statement.asKindOrThrow(SyntaxKind.TryStatement), flow, ctx);
    case SyntaxKind.ReturnStatement:
      return lowerReturnStatement(statement.asKindOrThrow(SyntaxKind.ReturnStatement), flow, ctx);
    case SyntaxKind.ThrowStatement:
      return lowerThrowStatement(statement.asKindOrThrow(SyntaxKind.ThrowStatement), flow, ctx);
    case SyntaxKind.LabeledStatement:
      return lowerLabeledStatement(statement.asKindOrThrow(SyntaxKind.LabeledStatement), flow, ctx);
    case SyntaxKind.BreakStatement:
      return lowerBreakStatement(statement.asKindOrThrow(SyntaxKind.BreakStatement), flow, ctx);
    case SyntaxKind.ContinueStatement:
      return lowerContinueStatement(statement.asKindOrThrow(SyntaxKind.ContinueStatement), flow, ctx);
    default:
      ctx.diagnostics.report('unsupported_statement', statement, { kind: statement.getKindName() });
  }
}

/** A statement that is not a block, as a one-element list (for `if (x) stmt;`). */
export function statementsOf(statement: Statement): Statement[] {
  return Node.isBlock(statement) ? statement.getStatements() : [statement];
}
