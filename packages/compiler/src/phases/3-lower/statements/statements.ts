import { Node, type Block, type Statement } from '../../../ts-morph.js';
import { isPure } from '../../2-analyze/index.js';
import { contextBindings } from '../context-call.js';
import type { LoweringContext, StatementVisitor } from '../context.js';
import type { Flow } from '../flow.js';

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

/**
 * One statement that awaits or moves control: the visitor the table
 * (`ctx.visit.statement`, see `visitors.ts`) holds for its syntax kind.
 */
function lowerStatement(statement: Statement, flow: Flow, ctx: LoweringContext): void {
  if (isPure(statement)) {
    flow.pending.push({ kind: 'statements', statements: [statement], names: ctx.names });
    return;
  }
  // The table is keyed by kind, so its visitor takes this very node type.
  const visitor = ctx.visit.statement[statement.getKind()] as StatementVisitor | undefined;
  if (visitor) visitor(statement, flow, ctx);
  else ctx.diagnostics.report('unsupported_statement', statement, { kind: statement.getKindName() });
}

/** `{ … }` as a statement of its own: its statements, in the same scope of control. */
export function lowerBlock(block: Block, flow: Flow, ctx: LoweringContext): void {
  lowerStatements(block.getStatements(), flow, ctx);
}

/** A statement that is not a block, as a one-element list (for `if (x) stmt;`). */
export function statementsOf(statement: Statement): Statement[] {
  return Node.isBlock(statement) ? statement.getStatements() : [statement];
}
