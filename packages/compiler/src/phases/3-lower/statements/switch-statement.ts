import { Node, type SwitchStatement } from '../../../ts-morph.js';
import { containsAwait } from '../../2-analyze/index.js';
import { hoistAwaits } from '../awaited/hoist.js';
import type { LoweringContext } from '../context.js';
import { lowerExpression } from '../expressions/index.js';
import { label, type Flow } from '../flow.js';
import type { IrChoice, IrLabel } from '../ir.js';
import { scopeOf } from '../pending.js';
import { sourceSnippet } from '../state-hints.js';
import { takeLabels } from './labeled-statement.js';
import { lowerStatements } from './statements.js';

/**
 * `switch (d) { case a: … }` with awaits → one Choice with a rule per case
 * (`d = a`, strict for primitives) and the `default` clause as Default.
 * Clauses without `break` fall through into the next one, as in JavaScript.
 *
 * @example
 * // switch (order.kind) { case 'gift': await wrap(order); case 'normal': await ship(order); break; }
 */
export function lowerSwitchStatement(statement: SwitchStatement, flow: Flow, ctx: LoweringContext): void {
  const labels = takeLabels(ctx);
  const discriminant = statement.getExpression();
  hoistAwaits(discriminant, flow, ctx);
  if (!flow.live) return;
  const clauses = statement.getClauses();
  const entries: IrLabel[] = clauses.map(() => label());
  const after = label();
  const cases = clauses.flatMap((clause, index) => (Node.isCaseClause(clause) ? [{ clause, index }] : []));
  const defaultIndex = clauses.findIndex((clause) => Node.isDefaultClause(clause));
  const choice: IrChoice = { kind: 'choice', hint: `Switch on ${sourceSnippet(discriminant)}`, node: statement, assign: new Map(), rules: cases.map(() => ({ condition: 'false' })) };
  flow.add(choice, (read) => {
    const scope = scopeOf(read, ctx.names, ctx.diagnostics);
    const value = lowerExpression(discriminant, scope);
    cases.forEach(({ clause }, rule) => {
      const test = clause.getExpression();
      if (containsAwait(test)) ctx.diagnostics.report('await_in_condition', test);
      else choice.rules[rule]!.condition = `(${value}) = (${lowerExpression(test, scope)})`;
    });
  });
  const exits = flow.exits;
  cases.forEach(({ index }, rule) => {
    exits[rule]!.set(entries[index]!);
    entries[index]!.incoming += 1;
  });
  const otherwise = exits[cases.length]!;
  if (defaultIndex >= 0) {
    otherwise.set(entries[defaultIndex]!);
    entries[defaultIndex]!.incoming += 1;
  } else {
    otherwise.set(after);
    after.incoming += 1;
  }
  ctx.loops.push({ breakTo: after, continueTo: after, isSwitch: true, ...labels });
  clauses.forEach((clause, index) => {
    const body = flow.fork([]);
    body.continueAfter(entries[index]!);
    lowerStatements(clause.getStatements(), body, ctx);
    // No break: fall through into the next clause (or out of the switch after the last).
    body.jump(entries[index + 1] ?? after, clause);
  });
  ctx.loops.pop();
  flow.continueAfter(after);
}
