import type { Expression, Node } from 'ts-morph';
import { containsAwait } from '../2-analyze/index.js';
import type { LoweringContext } from './context.js';
import { lowerCondition } from './expressions/index.js';
import type { Exit, Flow } from './flow.js';
import type { IrChoice } from './ir.js';
import { scopeOf } from './pending.js';

/**
 * A two-way Choice (an `if`, a `? :`, a loop's test): its rule (the condition
 * holds) is the first exit, its default the second. `condition` may be a
 * TypeScript expression (truthiness) or JSONata text the caller built itself;
 * without one (`for (;;)`) the rule always holds.
 * Returns the exits: [condition holds, otherwise].
 */
export function addConditionChoice(hint: string, node: Node, condition: Expression | string | undefined, flow: Flow, ctx: LoweringContext): [Exit, Exit] {
  if (typeof condition === 'object' && containsAwait(condition)) {
    // Reported once; the branches are still lowered (with a placeholder test), so their problems are reported too.
    ctx.diagnostics.report('await_in_condition', condition);
    condition = 'true';
  }
  const choice: IrChoice = { kind: 'choice', hint, node, assign: new Map(), rules: [{ condition: 'true' }] };
  flow.add(choice, (read) => {
    if (typeof condition === 'string') choice.rules[0]!.condition = condition.replace(/\$\{(\w+)\}/g, (_, variable: string) => read(variable));
    else if (condition !== undefined) choice.rules[0]!.condition = lowerCondition(condition, scopeOf(read, ctx.names, ctx.diagnostics));
  });
  const [holds, otherwise] = flow.exits;
  return [holds!, otherwise!];
}
