import type { LoweringContext } from '../context.js';

/**
 * The state name of a task call with a `name` option: the name itself for
 * the first state, numbered for other calls with that name (a named task
 * called in two places: `Revoke token`, `Revoke token (2)`). The same call lowered again (a `finally` block runs on every path that
 * leaves its `try`) gets its name with the copy's reason in parentheses:
 * `Release lock`, `Release lock (on error)`, `Release lock (on return 2)`;
 * an async helper inlined at a second call gives `Reserve stock (2)`.
 * Handlers registered by the task's name still answer every copy: the
 * runtime's `HandlerRegistry.find` tries a state's name without its trailing
 * `(…)` after the exact name, as native runs look up the `name` option.
 *
 * @example
 * namedStateOf('Release lock', { ...ctx, copy: 'on error' }) // 'Release lock (on error)'
 */
export function namedStateOf(name: string, ctx: LoweringContext): string {
  let stateName = name;
  if (ctx.copy !== undefined) {
    stateName = `${name} (${ctx.copy})`;
    for (let n = 2; ctx.namedStateNames.has(stateName); n++) stateName = `${name} (${ctx.copy} ${n})`;
  } else if (ctx.namedStateNames.has(name)) {
    // Another call with the same name (a task declared with a name and called twice), or the same call met again
    // outside a `finally` copy (an async helper inlined at a second call site).
    for (let n = 2; ctx.namedStateNames.has(stateName); n++) stateName = `${name} (${n})`;
  }
  ctx.namedStateNames.add(stateName);
  return stateName;
}
