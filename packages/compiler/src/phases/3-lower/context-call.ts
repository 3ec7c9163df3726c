import { Node, type Statement } from '../../ts-morph.js';
import { dslNameOf } from '../1-discover/index.js';
import type { LoweringContext } from './context.js';
import type { PendingItem } from './pending.js';
import { bindingsOf } from './awaited/result-binding.js';

/**
 * The dsl's `context()` as JSONata over `$states.context`, read where the
 * carrying state runs (so `state.name` is that state's name).
 */
const CONTEXT_OBJECT =
  "{'execution': {'id': $states.context.Execution.Id, 'name': $states.context.Execution.Name, 'startTime': $states.context.Execution.StartTime}, " +
  "'state': {'name': $states.context.State.Name, 'enteredTime': $states.context.State.EnteredTime, 'retryCount': $states.context.State.RetryCount}}";

/**
 * `const ctx = context();` (or `const { execution } = context();`) as
 * bindings of the context object (the expression lowering does not know the
 * dsl's `context`). Returns undefined for any other statement.
 *
 * @example
 * contextBindings(`const ctx = context();`, ctx) // [{ kind: 'bind', variable: 'ctx', value: () => CONTEXT_OBJECT }]
 */
export function contextBindings(statement: Statement, ctx: LoweringContext): PendingItem[] | undefined {
  if (!Node.isVariableStatement(statement)) return undefined;
  const [declaration, ...others] = statement.getDeclarations();
  if (!declaration || others.length > 0) return undefined;
  const initializer = declaration.getInitializer();
  if (!initializer || !Node.isCallExpression(initializer) || dslNameOf(initializer.getExpression()) !== 'context') return undefined;
  return bindingsOf(declaration, `(${CONTEXT_OBJECT})`, ctx).map(([variable, value]) => ({ kind: 'bind', variable, value: () => value }));
}
