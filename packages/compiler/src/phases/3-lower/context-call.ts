import { Node, type Statement } from '../../ts-morph.js';
import { dslNameOf } from '../1-discover/index.js';
import type { LoweringContext } from './context.js';
import type { PendingItem } from './pending.js';
import { bindingsOf } from './awaited/result-binding.js';
import { CONTEXT_OBJECT } from './expressions/index.js';

/**
 * `const ctx = context();` (or `const { execution } = context();`) as
 * bindings of the context object, each of its own. Returns undefined for any
 * other statement.
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
