import { Node, type ThrowStatement } from 'ts-morph';
import { dslNameOf, staticValue } from '../../1-discover/index.js';
import { containsAwait } from '../../2-analyze/index.js';
import type { LoweringContext } from '../context.js';
import { lowerExpression } from '../expressions/index.js';
import type { Flow } from '../flow.js';
import type { IrFail, IrPass } from '../ir.js';
import { scopeOf, type Reader } from '../pending.js';

/**
 * `throw new WorkflowError(name, cause?)`, or `throw e` of a caught error:
 * inside a `try`, a Pass that sets the catch variable and jumps to the
 * handler; outside, a Fail with that Error and Cause.
 *
 * @example
 * // throw new WorkflowError('OutOfStock', `sku ${sku}`) → { Type: 'Fail', Error: 'OutOfStock', Cause: '{% … %}' }
 */
export function lowerThrowStatement(statement: ThrowStatement, flow: Flow, ctx: LoweringContext): void {
  const thrown = statement.getExpression();
  if (containsAwait(thrown)) {
    ctx.diagnostics.report('await_in_expression', thrown);
    return;
  }
  let error: (read: Reader) => { name: string; cause?: string; literalName?: string; whole?: string };
  let hint: string;
  if (Node.isNewExpression(thrown) && dslNameOf(thrown.getExpression()) === 'WorkflowError') {
    const [nameNode, causeNode] = thrown.getArguments();
    const literal = staticValue(nameNode);
    hint = typeof literal === 'string' ? `Throw ${literal}` : 'Throw';
    error = (read) => {
      const scope = scopeOf(read, ctx.names, ctx.diagnostics);
      const name = nameNode ? lowerExpression(nameNode as never, scope) : "''";
      return causeNode ? { name, cause: lowerExpression(causeNode as never, scope), ...(typeof literal === 'string' ? { literalName: literal } : {}) } : { name, ...(typeof literal === 'string' ? { literalName: literal } : {}) };
    };
  } else if (Node.isIdentifier(thrown) && ctx.catchVariables.has(ctx.names.ofReference(thrown) ?? '')) {
    const variable = ctx.names.ofReference(thrown)!;
    hint = 'Rethrow';
    error = (read) => ({ name: `${read(variable)}.name`, cause: `${read(variable)}.cause`, whole: read(variable) });
  } else {
    ctx.diagnostics.report('throw_not_workflow_error', thrown);
    return;
  }
  raise(hint, statement, error, flow, ctx);
}

/**
 * Sends an error to the innermost handler (a Pass setting its variable, then
 * a jump), or fails the execution (a Fail) when no `try` encloses this point.
 */
export function raise(hint: string, statement: Node, error: (read: Reader) => { name: string; cause?: string; literalName?: string; whole?: string }, flow: Flow, ctx: LoweringContext): void {
  const target = ctx.catches.at(-1);
  if (target) {
    const pass: IrPass = { kind: 'pass', hint, node: statement, assign: new Map() };
    flow.add(pass, (read) => {
      const { name, cause, whole } = error(read);
      if (target.variable === undefined) return;
      if (whole !== undefined) pass.assign.set(target.variable, whole);
      else pass.assign.set(target.variable, `{'name': ${name}, 'message': ${cause === undefined ? "''" : `(${cause})`}${cause === undefined ? '' : `, 'cause': ${cause}`}}`);
    });
    flow.jump(target.handler, statement);
    return;
  }
  const fail: IrFail = { kind: 'fail', hint, node: statement, assign: new Map(), error: "''" };
  flow.add(fail, (read) => {
    const { name, cause, literalName } = error(read);
    fail.error = name;
    if (literalName !== undefined) fail.errorLiteral = literalName;
    if (cause !== undefined) fail.cause = cause;
  });
}
