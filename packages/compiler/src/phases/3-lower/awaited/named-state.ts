import type { Node } from 'ts-morph';
import type { LoweringContext } from '../context.js';

/**
 * The state name of a task call with a `name` option. A name belongs to one
 * call: another call with the same name is reported (`task_name_reused`).
 * The same call lowered again (a `finally` block runs on every path that
 * leaves its `try`) gets its name with the copy's reason in parentheses:
 * `Release lock`, `Release lock (on error)`, `Release lock (on return 2)`;
 * an async helper inlined at a second call gives `Reserve stock (2)`.
 * Handlers registered by the task's name still answer every copy: the
 * runtime's `HandlerRegistry.find` tries a state's name without its trailing
 * `(…)` after the exact name, as native runs look up the `name` option.
 *
 * @example
 * namedStateOf('Release lock', call, { ...ctx, copy: 'on error' }) // 'Release lock (on error)'
 */
export function namedStateOf(name: string, call: Node, ctx: LoweringContext): string {
  const owner = ctx.namedStates.get(name);
  if (owner !== undefined && owner !== call) {
    ctx.diagnostics.report('task_name_reused', call, { name });
    return name;
  }
  ctx.namedStates.set(name, call);
  let stateName = name;
  if (ctx.copy !== undefined) {
    stateName = `${name} (${ctx.copy})`;
    for (let n = 2; ctx.namedStateNames.has(stateName); n++) stateName = `${name} (${ctx.copy} ${n})`;
  } else if (ctx.namedStateNames.has(name)) {
    // The same call met again outside a `finally` copy: an async helper inlined at a second call site.
    for (let n = 2; ctx.namedStateNames.has(stateName); n++) stateName = `${name} (${n})`;
  }
  ctx.namedStateNames.add(stateName);
  return stateName;
}
