import { Node, type ThrowStatement } from '../../../ts-morph.js';
import { constructedErrorClass, dslNameOf, ERROR_CLASS_FIELD, errorClassOf, errorClassRef, rethrownError, staticValue, type ErrorClass } from '../../1-discover/index.js';
import { containsAwait } from '../../2-analyze/index.js';
import { hoistAwaits } from '../awaited/hoist.js';
import type { LoweringContext } from '../context.js';
import { lowerExpression } from '../expressions/index.js';
import type { Flow } from '../flow.js';
import type { IrChoice, IrFail, IrPass } from '../ir.js';
import { scopeOf, type Reader } from '../pending.js';
import { causeMayBeMissing as mayMissCause, errorOfNew, mayBeUndefined, messageOrEmpty } from './error-construction.js';

/**
 * `throw new WorkflowError(name, cause?)`, `throw new PaymentDeclined(message)`
 * of an error class (extending WorkflowError or Error) (see `errorClassOf`), or `throw e` of a caught error:
 * inside a `try`, a Pass that sets the catch variable and jumps to the
 * handler; outside, a Fail with that Error and Cause.
 *
 * @example
 * // throw new WorkflowError('OutOfStock', `sku ${sku}`) → { Type: 'Fail', Error: 'OutOfStock', Cause: '{% … %}' }
 */
export function lowerThrowStatement(statement: ThrowStatement, flow: Flow, ctx: LoweringContext): void {
  const thrown = statement.getExpression();
  if (containsAwait(thrown)) {
    // The awaits in the value (`throw new Failed(\`${(await describe(id)).text}\`)`) and calls of plain helpers that may throw
    // (`throw new Error(describe(x))`) run first, as JavaScript evaluates the value before throwing it.
    hoistAwaits(thrown, flow, ctx);
    if (!flow.live) return;
  }
  let error: (read: Reader) => ThrownError;
  let causeMayBeMissing = false;
  let hint: string;
  if (Node.isNewExpression(thrown) && dslNameOf(thrown.getExpression()) === 'WorkflowError') {
    const [nameNode, causeNode] = thrown.getArguments();
    const literal = staticValue(nameNode);
    hint = typeof literal === 'string' ? `Throw ${literal}` : 'Throw';
    // A cause typed `string | undefined` may be missing at run time: the Fail then has no Cause.
    const causeType = causeNode?.getType();
    causeMayBeMissing = causeType !== undefined && (causeType.isUndefined() || (causeType.isUnion() && causeType.getUnionTypes().some((part) => part.isUndefined())));
    error = (read) => {
      const scope = scopeOf(read, ctx.names, ctx.diagnostics);
      const name = nameNode ? lowerExpression(nameNode as never, scope) : "''";
      const literalName = typeof literal === 'string' ? { literalName: literal } : {};
      if (!causeNode) return { name, ...literalName };
      return { name, cause: lowerExpression(causeNode as never, scope), ...literalName };
    };
  } else if (Node.isNewExpression(thrown) && errorClassRef(thrown.getExpression())?.kind === 'error' && thrown.getArguments().length <= 1) {
    // `new Error(message?)`: natively the execution fails with Error `Error` and the message as cause.
    const [messageNode] = thrown.getArguments();
    hint = 'Throw Error';
    error = (read) => {
      const message = messageNode ? lowerExpression(messageNode as never, scopeOf(read, ctx.names, ctx.diagnostics)) : undefined;
      const cause = message === undefined ? "''" : mayBeUndefined(messageNode!) ? messageOrEmpty(message) : message;
      return { name: '"Error"', literalName: 'Error', cause, plain: { name: 'Error', className: 'Error' } };
    };
  } else if (Node.isNewExpression(thrown) && constructedErrorClass(thrown)) {
    const errorClass = errorClassOf(constructedErrorClass(thrown)!, ctx.diagnostics);
    if (!errorClass) return;
    hint = `Throw ${errorClass.name}`;
    // The message may be an optional parameter that the call leaves out: then the Fail has no Cause.
    causeMayBeMissing = mayMissCause(thrown, errorClass);
    error = (read) => errorOfNew(thrown, errorClass, scopeOf(read, ctx.names, ctx.diagnostics));
    // Fields reach a `catch` in the same state graph (the catch variable is set directly); an ASL error carries only Error and Cause.
    if (hasFields(errorClass) && ctx.catches.length === 0 && ctx.nested) {
      ctx.diagnostics.report('error_class_unsupported', thrown, { name: errorClass.className, why: 'its fields would be lost leaving a Map iteration or Parallel branch (an ASL error is only a name and a cause); catch it inside the iteration, or keep the data in the message' });
      return;
    }
  } else if (Node.isIdentifier(thrown) && ctx.catchVariables.has(ctx.names.ofReference(thrown) ?? '')) {
    const variable = ctx.names.ofReference(thrown)!;
    hint = 'Rethrow';
    error = (read) => ({ ...rethrownError(read(variable), statement), whole: read(variable) });
    causeMayBeMissing = true;
  } else {
    ctx.diagnostics.report('throw_not_workflow_error', thrown);
    return;
  }
  raise(hint, statement, error, causeMayBeMissing, flow, ctx);
}

/**
 * Sends an error to the innermost handler (a Pass setting its variable, then
 * a jump), or fails the execution (a Fail) when no `try` encloses this point.
 */
export function raise(hint: string, statement: Node, error: (read: Reader) => ThrownError, causeMayBeMissing: boolean, flow: Flow, ctx: LoweringContext): void {
  const target = ctx.catches.at(-1);
  if (target) {
    const pass: IrPass = { kind: 'pass', hint, node: statement, assign: new Map() };
    flow.add(pass, (read) => {
      const { whole } = error(read);
      if (target.variable === undefined) return;
      if (whole !== undefined) pass.assign.set(target.variable, whole);
      else pass.assign.set(target.variable, caughtError(error(read), causeMayBeMissing));
    });
    flow.jump(target.handler, statement);
    return;
  }
  let thrown: ThrownError | undefined;
  const fail: IrFail = { kind: 'fail', hint, node: statement, assign: new Map(), error: "''" };
  const fill = (read: Reader) => {
    thrown = error(read);
    fail.error = thrown.name;
    if (thrown.literalName !== undefined) fail.errorLiteral = thrown.literalName;
    if (thrown.cause !== undefined) fail.cause = thrown.cause;
  };
  // When the cause may be missing, a Choice picks a Fail with or without Cause (a Cause of nothing is an error in ASL).
  if (!causeMayBeMissing) {
    flow.add(fail, fill);
    return;
  }
  const guard: IrChoice = { kind: 'choice', hint: `${hint}: has a cause`, node: statement, assign: new Map(), rules: [{ condition: 'false' }] };
  flow.add(guard, (read) => {
    fill(read);
    guard.rules[0]!.condition = `$exists(${thrown!.cause})`;
  });
  const [withCause, withoutCause] = flow.exits;
  flow.fork([withCause!]).add(fail);
  const bare: IrFail = { kind: 'fail', hint, node: statement, assign: new Map(), error: fail.error };
  if (fail.errorLiteral !== undefined) bare.errorLiteral = fail.errorLiteral;
  flow.fork([withoutCause!]).add(bare);
  flow.exits = [];
}

/**
 * The catch variable `e` for a thrown error: a WorkflowError's
 * `{ name, message, cause }`, or for an instance of an `Error` subclass what
 * natively reads from it: `name` as JavaScript has it, the message, and no
 * cause, with the class kept for `instanceof` and a re-throw.
 */
function caughtError({ name, cause, plain, fields = [] }: ThrownError, causeMayBeMissing: boolean): string {
  const message = messageOf(cause, causeMayBeMissing);
  const own = fields.map(([field, text]) => `, ${JSON.stringify(field)}: ${text}`).join('');
  if (plain) return `{'name': ${JSON.stringify(plain.name)}, 'message': ${message}, '${ERROR_CLASS_FIELD}': ${JSON.stringify(plain.className)}${own}}`;
  return `{'name': ${name}, 'message': ${message}${cause === undefined ? '' : `, 'cause': ${cause}`}${own}}`;
}

/** True when `errorClass` or a class it extends sets fields from its constructor's parameters. */
function hasFields(errorClass: ErrorClass): boolean {
  for (let at: ErrorClass | undefined = errorClass; at; at = at.base) if (at.fields.length > 0) return true;
  return false;
}

/** WorkflowError's `message`: the cause, or `''` when there is none (also when a cause that may be missing is). */
function messageOf(cause: string | undefined, mayBeMissing: boolean): string {
  if (cause === undefined) return "''";
  return mayBeMissing ? `($__cause := ${cause}; $exists($__cause) ? $__cause : '')` : `(${cause})`;
}

/** What a `throw` raises: Error and Cause as JSONata (or the whole caught error, for a re-throw into a handler). */
export interface ThrownError {
  name: string;
  cause?: string;
  literalName?: string;
  whole?: string;
  /** For an instance of an `Error` subclass: its JavaScript `name` and its class. */
  plain?: { name: string; className: string };
  /** Fields set from the constructor's parameters (JSONata), kept by a catch in the same graph. */
  fields?: Array<[string, string]>;
}
