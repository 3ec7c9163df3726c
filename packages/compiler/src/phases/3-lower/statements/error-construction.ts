import { Node, type NewExpression } from '../../../ts-morph.js';
import { constructedError, staticValue, type Argument, type ConstructedError, type ErrorClass } from '../../1-discover/index.js';
import { lowerExpression, type ExpressionScope } from '../expressions/index.js';

/** A thrown error as JSONata: its name (and the literal, when it is one) and its cause (absent when there is none). */
export interface LoweredError {
  name: string;
  literalName?: string;
  cause?: string;
  /** For an instance of an `Error` subclass: its JavaScript `name` (`'Error'` unless a class sets it) and its class. */
  plain?: { name: string; className: string };
  /** Fields the constructors set from their parameters, as JSONata (a missing argument leaves the field out: `undefined` either way). */
  fields?: Array<[string, string]>;
}

/**
 * The ASL Error and Cause of `new SomeError(…)`: the arguments followed
 * through each class's `super(…)` call (see `constructedError`), with the
 * constructor parameters replaced by what the `new` expression gives them.
 *
 * @example
 * // class PaymentDeclined extends WorkflowError {}
 * errorOfNew(`new PaymentDeclined(\`card ${id}\`)`, errorClass, scope) // { name: '"PaymentDeclined"', literalName: 'PaymentDeclined', cause: '("card " & $id)' }
 */
export function errorOfNew(expression: NewExpression, errorClass: ErrorClass, scope: ExpressionScope): LoweredError {
  const made = construct(expression, errorClass, (node, inner) => lowerExpression(node as never, inner ?? scope), scope);
  const name = made.name;
  if ('literal' in name) {
    const lowered: LoweredError = { name: JSON.stringify(name.literal), literalName: name.literal };
    if (made.root === 'error') lowered.plain = { name: made.override ?? 'Error', className: errorClass.className };
    const fields = made.fields.flatMap(([field, argument]): Array<[string, string]> => (argument ? [[field, argument.text]] : []));
    if (fields.length > 0) lowered.fields = fields;
    const cause = causeText(made);
    return cause === undefined ? lowered : { ...lowered, cause };
  }
  // The first argument is the name only when it names a class of the chain, at run time.
  const chain = `[${name.chain.map((n) => JSON.stringify(n)).join(', ')}]`;
  const isName = `((${name.first.text}) in ${chain})`;
  const other = made.other === undefined ? '()' : `(${made.other.text})`;
  return {
    name: `(${isName} ? (${name.first.text}) : ${JSON.stringify(name.fallback)})`,
    cause: `(${isName} ? ${other} : (${name.first.text}))`,
  };
}

/** True when the Cause of `new SomeError(…)` may be missing at run time (then a Fail must do without one). */
export function causeMayBeMissing(expression: NewExpression, errorClass: ErrorClass): boolean {
  const made = construct(expression, errorClass, () => '');
  if (made.root === 'error') return false;
  if (!('literal' in made.name)) return true;
  return made.cause === undefined || made.cause.mayBeMissing;
}

/** Lowers an expression, in `scope` (for a `super(…)` argument, one reading the constructor's parameters). */
type LowerText = (node: Node, scope?: ExpressionScope) => string;

function construct(expression: NewExpression, errorClass: ErrorClass, lower: LowerText, scope?: ExpressionScope): ConstructedError {
  return constructedError(errorClass, argumentsOf(expression, lower), (node, bind) => {
    // A `super(…)` argument computed from the constructor's parameters: they read as the arguments given.
    const parameterScope: ExpressionScope | undefined = scope && {
      diagnostics: scope.diagnostics,
      lookup: (_name, identifier) => {
        const bound = bind(identifier);
        if (bound === null) return undefined;
        // A missing argument is `undefined`: JSONata's nothing.
        return bound === undefined ? '()' : `(${bound.text})`;
      },
    };
    return withLiteral(node, { text: lower(node, parameterScope), mayBeMissing: mayBeUndefined(node) });
  });
}

function argumentsOf(expression: NewExpression, lower: LowerText): Argument[] {
  return expression.getArguments().map((node) => withLiteral(node, { text: lower(node), mayBeMissing: mayBeUndefined(node) }));
}

/** `argument`, with the literal string `node` is (when it is one), or the text a template starts with. */
function withLiteral(node: Node, argument: NonNullable<Argument>): NonNullable<Argument> {
  const value = staticValue(node);
  if (typeof value === 'string') return { ...argument, literal: value };
  return Node.isTemplateExpression(node) ? { ...argument, prefix: node.getHead().getLiteralText() } : argument;
}

/** The Cause: for an `Error` root, the message (`''` when none is given); for WorkflowError, the cause, when there is one. */
function causeText(made: ConstructedError): string | undefined {
  const cause = made.cause;
  if (made.root !== 'error') return cause?.text;
  if (cause === undefined) return "''";
  return cause.mayBeMissing ? messageOrEmpty(cause.text) : cause.text;
}

/** An `Error`'s message: `''` when the argument is `undefined`. */
export function messageOrEmpty(text: string): string {
  return `($__message := (${text}); $exists($__message) ? $__message : '')`;
}

/** True when `node`'s value may be `undefined` at run time. */
export function mayBeUndefined(node: Node): boolean {
  const type = node.getType();
  return type.isUndefined() || type.isAny() || type.isUnknown() || (type.isUnion() && type.getUnionTypes().some((part) => part.isUndefined()));
}
