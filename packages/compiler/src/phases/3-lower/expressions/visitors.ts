import { lowerCallbackFold } from './callback-folds.js';
import type { ExpressionVisitors } from './lower-context.js';
import { lowerExpressionNode } from './lower-expression.js';
import { lowerForEach } from './statements.js';

/**
 * The expression lowering's visitor table, the one module that imports the
 * files which recurse into each other; `index.ts` gives it to every
 * `LowerContext` (`ctx.visit`). A new expression kind goes into
 * `lowerExpressionNode`'s dispatch, next to the other kinds.
 */
export const expressionVisitors: ExpressionVisitors = {
  expression: lowerExpressionNode,
  forEach: lowerForEach,
  callbackFold: lowerCallbackFold,
};
