import { Node, type NewExpression } from 'ts-morph';
import type { ErrorClass } from '../../1-discover/index.js';
import { lowerExpression, type ExpressionScope } from '../expressions/index.js';

/** A constructor argument: its JSONata value, and whether it may be `undefined` at run time (or is missing). */
type Argument = { text: string; mayBeMissing: boolean } | undefined;

/**
 * The ASL Cause of `new SomeError(…)`: the message the constructors pass on
 * to WorkflowError, followed through each class's `super(…)` call, with the
 * parameters replaced by what the `new` expression gives them.
 *
 * @example
 * // class PaymentDeclined extends WorkflowError { constructor(m?: string) { super('PaymentDeclined', m); } }
 * causeOfNew(`new PaymentDeclined(\`card ${id}\`)`, errorClass, scope) // { text: '("card " & $id)', mayBeMissing: false }
 */
export function causeOfNew(expression: NewExpression, errorClass: ErrorClass, scope: ExpressionScope): Argument {
  const args = expression.getArguments().map((node): Argument => ({ text: lowerExpression(node as never, scope), mayBeMissing: mayBeUndefined(node) }));
  return causeOf(errorClass, args, (node, parameterScope) => ({ text: lowerExpression(node as never, parameterScope(scope)), mayBeMissing: mayBeUndefined(node) }));
}

/** True when the Cause of `new SomeError(…)` may be missing at run time (then a Fail must do without one). */
export function causeMayBeMissing(expression: NewExpression, errorClass: ErrorClass): boolean {
  const args = expression.getArguments().map((node): Argument => ({ text: '', mayBeMissing: mayBeUndefined(node) }));
  const cause = causeOf(errorClass, args, (node) => ({ text: '', mayBeMissing: mayBeUndefined(node) }));
  return cause === undefined || cause.mayBeMissing;
}

/** Lowers a `super(…)` argument; `parameterScope` reads the constructor's parameters as the arguments given. */
type LowerArgument = (node: Node, parameterScope: (outer: ExpressionScope) => ExpressionScope) => Argument;

function causeOf(errorClass: ErrorClass, args: Argument[], lowerArgument: LowerArgument): Argument {
  const constructor = errorClass.declaration.getConstructors().find((c) => c.hasBody());
  // Without a constructor a class takes its base's: WorkflowError's `(name, cause)` or the base class's own.
  if (!constructor) return errorClass.base ? causeOf(errorClass.base, args, lowerArgument) : args[1];
  const parameters = constructor.getParameters();
  const first = constructor.getStatements()[0];
  const superCall = first && Node.isExpressionStatement(first) ? first.getExpression() : undefined;
  if (!superCall || !Node.isCallExpression(superCall)) return undefined;
  const indexOf = (node: Node): number => {
    const declaration = node.getSymbol()?.getDeclarations()[0];
    return declaration ? parameters.indexOf(declaration as never) : -1;
  };
  const parameterScope = (outer: ExpressionScope): ExpressionScope => ({
    diagnostics: outer.diagnostics,
    lookup: (_name, node) => {
      const index = indexOf(node);
      if (index < 0) return undefined;
      // A missing argument is `undefined`: JSONata's nothing.
      return args[index] === undefined ? '()' : `(${args[index]!.text})`;
    },
  });
  const superArgs = superCall.getArguments().map((node): Argument => {
    if (Node.isIdentifier(node) && indexOf(node) >= 0) return args[indexOf(node)];
    if (Node.isIdentifier(node) && node.getText() === 'undefined') return undefined;
    return lowerArgument(node, parameterScope);
  });
  return errorClass.base ? causeOf(errorClass.base, superArgs, lowerArgument) : superArgs[1];
}

function mayBeUndefined(node: Node): boolean {
  const type = node.getType();
  return type.isUndefined() || type.isAny() || type.isUnknown() || (type.isUnion() && type.getUnionTypes().some((part) => part.isUndefined()));
}
