import { Node, type ForOfStatement } from '../../../ts-morph.js';
import { isPure } from '../../2-analyze/index.js';
import { hoistAwaits } from '../awaited/hoist.js';
import { bindingsOf } from '../awaited/result-binding.js';
import type { LoweringContext } from '../context.js';
import { lowerExpression } from '../expressions/index.js';
import { label, type Flow } from '../flow.js';
import { scopeOf } from '../pending.js';
import { sourceSnippet } from '../state-hints.js';
import { addConditionChoice } from '../condition-choice.js';
import { takeLabels } from './labeled-statement.js';
import { leaveLoop, lowerRoundBody } from './loop-jumps.js';

/**
 * `for (const x of items) body` with awaits → the items and an index in
 * variables of their own, a Choice on the index, the item bound at the top of
 * each round. Rounds run one after another (use `map` for concurrency).
 *
 * @example
 * // for (const item of order.items) await reserve(item);
 */
export function lowerForOfStatement(statement: ForOfStatement, flow: Flow, ctx: LoweringContext): void {
  const labels = takeLabels(ctx);
  if (statement.isAwaited()) {
    ctx.diagnostics.report('unsupported_statement', statement, { kind: 'for await…of' });
    return;
  }
  const iterable = statement.getExpression();
  hoistAwaits(iterable, flow, ctx);
  if (!flow.live) return;
  // Only the items were awaited (`for (const x of await list())`): the loop itself is pure.
  if (isPure(statement.getStatement())) {
    flow.pending.push({ kind: 'statements', statements: [statement], names: ctx.names });
    return;
  }
  const list = statement.getInitializer();
  const declaration = Node.isVariableDeclarationList(list) ? list.getDeclarations()[0] : undefined;
  if (!declaration) ctx.diagnostics.report('unsupported_loop_update', list);
  const base = declaration && Node.isIdentifier(declaration.getNameNode()) ? declaration.getName() : 'item';
  const items = ctx.names.fresh(`${base}_list`);
  // Registered as the statement's hoisted value: `xs.indexOf(x)` of the loop's own item reads it (iteration-index.ts).
  const index = ctx.names.hoist(statement, `${base}_index`);
  flow.pending.push({ kind: 'bind', variable: items, value: (read) => lowerExpression(iterable, scopeOf(read, ctx.names, ctx.diagnostics)) });
  flow.pending.push({ kind: 'bind', variable: index, value: () => '0' });
  const head = label();
  const after = label();
  flow.jump(head, statement);
  flow.resumeAt(head);
  const hint = `For each ${declaration ? sourceSnippet(declaration.getNameNode(), 20) : base} of ${sourceSnippet(iterable, 40)}`;
  const [enter, leave] = addConditionChoice(hint, statement, `\${${index}} < $count(\${${items}})`, flow, ctx);
  const body = flow.fork([enter]);
  // The round's item in parentheses: `$xs[$i][1]` would apply `[1]` to the filtered sequence, not to the item.
  for (const [variable, path] of declaration ? bindingsOf(declaration, `(\${${items}}[\${${index}}])`, ctx) : []) {
    body.pending.push({ kind: 'bind', variable, value: (read) => path.replace(/\$\{(\w+)\}/g, (_, name: string) => read(name)) });
  }
  lowerRoundBody(statement, body, after, ctx, labels);
  if (body.live) body.pending.push({ kind: 'bind', variable: index, value: (read) => `${read(index)} + 1` });
  body.jump(head, statement);
  leaveLoop(flow, leave, after, statement);
}
