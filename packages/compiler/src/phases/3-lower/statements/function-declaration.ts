import type { FunctionDeclaration } from '../../../ts-morph.js';
import type { LoweringContext } from '../context.js';
import { isLocalAsyncHelper } from '../expressions/index.js';
import type { Flow } from '../flow.js';

/**
 * `async function reserve(…) { … await … }` inside the workflow's body: no
 * state here, since the helper is inlined at each awaited call
 * (`helper-call.ts`, which reports a helper that cannot be inlined: see
 * `local-helpers.ts`). A declaration is hoisted, so a call may come before it
 * or after a `return` that leaves it unreached. A plain function declaration
 * that awaits cannot be written; one that leaves the body is not supported.
 *
 * @example
 * // async function reserve(sku: string) { return (await stock({ sku })).left; }  → nothing until `await reserve(…)`
 */
export function lowerFunctionDeclaration(statement: FunctionDeclaration, _flow: Flow, ctx: LoweringContext): void {
  if (!isLocalAsyncHelper(statement)) ctx.diagnostics.report('unsupported_statement', statement, { kind: (statement as FunctionDeclaration).getKindName() });
}
