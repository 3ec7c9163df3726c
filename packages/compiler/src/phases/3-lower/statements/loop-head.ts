import type { Expression, Node } from 'ts-morph';
import { containsAwait } from '../../2-analyze/index.js';
import type { LoweringContext } from '../context.js';
import { lowerCondition } from '../expressions/index.js';
import type { Exit, Flow } from '../flow.js';
import type { IrChoice } from '../ir.js';
import { scopeOf } from '../pending.js';

/**
 * A loop's test: a Choice whose rule (the condition holds) enters the body
 * and whose default leaves the loop. `condition` may be a TypeScript
 * expression (truthiness) or JSONata text the loop built itself.
 * Returns the exits: [enter body, leave loop].
 */
export function addLoopTest(hint: string, node: Node, condition: Expression | string | undefined, flow: Flow, ctx: LoweringContext): [Exit, Exit] {
  if (typeof condition === 'object' && containsAwait(condition)) ctx.diagnostics.report('await_in_condition', condition);
  const choice: IrChoice = { kind: 'choice', hint, node, assign: new Map(), rules: [{ condition: 'true' }] };
  flow.add(choice, (read) => {
    if (typeof condition === 'string') choice.rules[0]!.condition = condition.replace(/\$\{(\w+)\}/g, (_, variable: string) => read(variable));
    else if (condition !== undefined) choice.rules[0]!.condition = lowerCondition(condition, scopeOf(read, ctx.names, ctx.diagnostics));
  });
  const [enter, leave] = flow.exits;
  return [enter!, leave!];
}
