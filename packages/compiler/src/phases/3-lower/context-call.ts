import { Node, type Statement } from 'ts-morph';
import { dslNameOf } from '../1-discover/index.js';
import type { LoweringContext } from './context.js';
import type { PendingItem } from './pending.js';

/**
 * The dsl's `context()` as JSONata over `$states.context`, read where the
 * carrying state runs (so `state.name` is that state's name).
 */
const CONTEXT_OBJECT =
  "{'execution': {'id': $states.context.Execution.Id, 'name': $states.context.Execution.Name, 'startTime': $states.context.Execution.StartTime}, " +
  "'state': {'name': $states.context.State.Name, 'enteredTime': $states.context.State.EnteredTime, 'retryCount': $states.context.State.RetryCount}}";

/**
 * `const ctx = context();` as a binding of the context object (the
 * expression lowering does not know the dsl's `context`). Returns undefined
 * for any other statement.
 *
 * @example
 * contextBinding(`const ctx = context();`, ctx) // { kind: 'bind', variable: 'ctx', value: () => CONTEXT_OBJECT }
 */
export function contextBinding(statement: Statement, ctx: LoweringContext): PendingItem | undefined {
  if (!Node.isVariableStatement(statement)) return undefined;
  const [declaration, ...others] = statement.getDeclarations();
  if (!declaration || others.length > 0) return undefined;
  const initializer = declaration.getInitializer();
  if (!initializer || !Node.isCallExpression(initializer) || dslNameOf(initializer.getExpression()) !== 'context') return undefined;
  const variable = ctx.names.of(declaration);
  if (variable === undefined || !Node.isIdentifier(declaration.getNameNode())) return undefined;
  return { kind: 'bind', variable, value: () => CONTEXT_OBJECT };
}
