import { SyntaxKind, onFirstUse } from '../../ts-morph.js';
import { hoistAwaits } from './awaited/hoist.js';
import { lowerReturnedValue, lowerValue } from './awaited/value.js';
import { lowerBody } from './body.js';
import type { LoweringVisitors } from './context.js';
import { lowerDoStatement } from './statements/do-statement.js';
import { lowerExpressionStatement } from './statements/expression-statement.js';
import { lowerForOfStatement } from './statements/for-of-statement.js';
import { lowerForStatement } from './statements/for-statement.js';
import { lowerFunctionDeclaration } from './statements/function-declaration.js';
import { lowerIfStatement } from './statements/if-statement.js';
import { lowerBreakStatement, lowerContinueStatement } from './statements/jump-statements.js';
import { lowerLabeledStatement } from './statements/labeled-statement.js';
import { lowerReturnStatement } from './statements/return-statement.js';
import { lowerBlock, lowerStatements } from './statements/statements.js';
import { lowerSwitchStatement } from './statements/switch-statement.js';
import { lowerThrowStatement, raise } from './statements/throw-statement.js';
import { lowerTryStatement } from './statements/try-statement.js';
import { lowerVariableStatement } from './statements/variable-statement.js';
import { lowerWhileStatement } from './statements/while-statement.js';

/** One visitor per statement kind, keyed by `SyntaxKind` (built on first use: see `onFirstUse`). */
const statementVisitors = onFirstUse((): LoweringVisitors['statement'] => ({
  [SyntaxKind.Block]: lowerBlock,
  [SyntaxKind.VariableStatement]: lowerVariableStatement,
  [SyntaxKind.ExpressionStatement]: lowerExpressionStatement,
  [SyntaxKind.IfStatement]: lowerIfStatement,
  [SyntaxKind.WhileStatement]: lowerWhileStatement,
  [SyntaxKind.DoStatement]: lowerDoStatement,
  [SyntaxKind.ForStatement]: lowerForStatement,
  [SyntaxKind.ForOfStatement]: lowerForOfStatement,
  [SyntaxKind.SwitchStatement]: lowerSwitchStatement,
  [SyntaxKind.TryStatement]: lowerTryStatement,
  [SyntaxKind.ReturnStatement]: lowerReturnStatement,
  [SyntaxKind.ThrowStatement]: lowerThrowStatement,
  [SyntaxKind.LabeledStatement]: lowerLabeledStatement,
  [SyntaxKind.BreakStatement]: lowerBreakStatement,
  [SyntaxKind.ContinueStatement]: lowerContinueStatement,
  [SyntaxKind.FunctionDeclaration]: lowerFunctionDeclaration,
}));

/**
 * The lowering's visitor table, the one module that imports every visitor.
 * It rides on the context (`ctx.visit`), so a visitor that recurses into
 * another folder (an inlined helper's body, a Map callback, an awaited value
 * inside a statement) calls through it rather than importing that folder.
 * A statement kind goes here, next to its `lower<Kind>` visitor in
 * `statements/<kind>.ts`; a kind missing from the table is reported as
 * `unsupported_statement`.
 */
export const visitors: LoweringVisitors = {
  get statement() {
    return statementVisitors();
  },
  statements: lowerStatements,
  value: lowerValue,
  returnedValue: lowerReturnedValue,
  hoistAwaits,
  raise,
  body: lowerBody,
};
