import { Node, SyntaxKind, type ClassDeclaration, type NewExpression, type Project } from 'ts-morph';
import type { DiagnosticCollector } from '../../diagnostics/index.js';
import { dslNameOf } from './dsl-symbols.js';
import { staticValue } from './static-value.js';

/** What a class reference in `new X(…)`, `extends X` or `instanceof X` is: the dsl's WorkflowError, the global Error, or a class of the program. */
export type ErrorClassRef = { kind: 'workflow-error' } | { kind: 'error' } | { kind: 'class'; declaration: ClassDeclaration };

/**
 * A user error class, as the compiler reads it: it extends WorkflowError
 * (directly or through other such classes), and its constructor only passes
 * a name and a message on. `name` is the ASL error name every instance gets
 * (the literal it gives WorkflowError, or a `name` field or `this.name = …`
 * that overrides it); `base` is the class it extends.
 */
export interface ErrorClass {
  declaration: ClassDeclaration;
  name: string;
  base: ErrorClass | undefined;
}

/**
 * Resolves `expression` to WorkflowError, Error or a class declaration.
 *
 * @example
 * errorClassRef(`PaymentDeclined`) // { kind: 'class', declaration: <class PaymentDeclined …> }
 */
export function errorClassRef(expression: Node): ErrorClassRef | undefined {
  if (dslNameOf(expression) === 'WorkflowError') return { kind: 'workflow-error' };
  if (!Node.isIdentifier(expression)) return undefined;
  const symbol = expression.getSymbol();
  const declaration = (symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol)?.getDeclarations()[0];
  if (!declaration) return undefined;
  if (declaration.getSourceFile().isDeclarationFile()) return expression.getText() === 'Error' ? { kind: 'error' } : undefined;
  return Node.isClassDeclaration(declaration) ? { kind: 'class', declaration } : undefined;
}

/** Analyses made so far, by class (a class is analysed once), and the classes whose problem was reported. */
const analyzed = new WeakMap<ClassDeclaration, Analysis>();
const reported = new WeakMap<DiagnosticCollector, WeakSet<ClassDeclaration>>();

/** A class's analysis: the error class, or why it is not one the compiler can follow. */
type Analysis = { errorClass: ErrorClass } | { problem?: { node: Node; why: string } };

/**
 * The error class `declaration` declares, or undefined when it is not one
 * the compiler can follow (reported to `diagnostics`, once): it extends
 * `Error` rather than WorkflowError, has members other than its constructor
 * and a `name`, or does not give its errors a fixed name.
 *
 * @example
 * // class PaymentDeclined extends WorkflowError { constructor(message?: string) { super('PaymentDeclined', message); } }
 * errorClassOf(declaration, diagnostics) // { name: 'PaymentDeclined', base: undefined, declaration }
 */
export function errorClassOf(declaration: ClassDeclaration, diagnostics?: DiagnosticCollector): ErrorClass | undefined {
  let analysis = analyzed.get(declaration);
  if (!analysis) {
    analyzed.set(declaration, {});
    analysis = analyze(declaration);
    analyzed.set(declaration, analysis);
  }
  if ('errorClass' in analysis) return analysis.errorClass;
  const seen = diagnostics && (reported.get(diagnostics) ?? reported.set(diagnostics, new WeakSet()).get(diagnostics)!);
  if (analysis.problem && diagnostics && seen && !seen.has(declaration)) {
    seen.add(declaration);
    diagnostics.report('error_class_unsupported', analysis.problem.node, { name: declaration.getName() ?? 'this class', why: analysis.problem.why });
  }
  // A base class's own problem is reported for the base.
  const base = declaration.getExtends();
  const ref = base ? errorClassRef(base.getExpression()) : undefined;
  if (ref?.kind === 'class') errorClassOf(ref.declaration, diagnostics);
  return undefined;
}

function analyze(declaration: ClassDeclaration): Analysis {
  const className = declaration.getName() ?? 'this class';
  const report = (node: Node, why: string): Analysis => ({ problem: { node, why } });
  const heritage = declaration.getExtends();
  const baseRef = heritage ? errorClassRef(heritage.getExpression()) : undefined;
  if (!heritage || !baseRef) return report(declaration.getNameNode() ?? declaration, 'it does not extend WorkflowError');
  if (baseRef.kind === 'error') {
    return report(heritage, "it extends Error: natively a caught instance keeps JavaScript's `name` ('Error' unless set) and has no `cause`, while the compiled workflow sees every error as a WorkflowError `{ name, message, cause }`");
  }
  const base = baseRef.kind === 'class' ? errorClassOf(baseRef.declaration) : undefined;
  if (baseRef.kind === 'class' && !base) return {};
  let fieldName: string | undefined;
  for (const member of declaration.getMembers()) {
    if (Node.isConstructorDeclaration(member)) continue;
    const value = Node.isPropertyDeclaration(member) && member.getName() === 'name' && !member.isStatic() ? staticValue(member.getInitializer()) : undefined;
    if (typeof value !== 'string') return report(member, `\`${member.getText().split('\n')[0]}\` is more than a name: an ASL error is only a name and a cause`);
    fieldName = value;
  }
  const constructor = declaration.getConstructors().find((c) => c.hasBody());
  let name: string | undefined = base?.name;
  if (constructor) {
    const parameter = constructor.getParameters().find((p) => p.getScope() !== undefined || p.isReadonly() || p.hasInitializer() || p.isRestParameter());
    if (parameter) return report(parameter, 'its constructor parameters must be plain parameters (no fields, defaults or rest)');
    const [first, ...rest] = constructor.getStatements();
    const superCall = first && Node.isExpressionStatement(first) ? first.getExpression() : undefined;
    if (!superCall || !Node.isCallExpression(superCall) || superCall.getExpression().getText() !== 'super') {
      return report(first ?? constructor, 'its constructor must start with `super(…)`');
    }
    if (baseRef.kind === 'workflow-error') {
      const given = staticValue(superCall.getArguments()[0]);
      if (typeof given !== 'string') return report(superCall, "the name it gives WorkflowError is not a string literal, so `instanceof` could not be decided by the error's name");
      name = given;
    }
    for (const statement of rest) {
      const assigned = nameAssignment(statement);
      if (assigned === undefined) return report(statement, 'its constructor may only call `super(…)` and set `this.name`');
      name = assigned;
    }
  } else if (baseRef.kind === 'workflow-error' && fieldName === undefined) {
    return report(declaration.getNameNode() ?? declaration, "it has WorkflowError's constructor `(name, cause)`, so `new " + className + "('card refused')` would name the error 'card refused'");
  }
  // A `this.name = …` in the constructor runs after the field initializers, which run after `super(…)`.
  if (fieldName !== undefined && !(constructor && constructor.getStatements().slice(1).length > 0)) name = fieldName;
  return { errorClass: { declaration, name: name!, base } };
}

/** `this.name = 'Literal';` → the literal. */
function nameAssignment(statement: Node): string | undefined {
  if (!Node.isExpressionStatement(statement)) return undefined;
  const expression = statement.getExpression();
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getText() !== '=') return undefined;
  const target = expression.getLeft();
  if (!Node.isPropertyAccessExpression(target) || target.getName() !== 'name' || !Node.isThisExpression(target.getExpression())) return undefined;
  const value = staticValue(expression.getRight());
  return typeof value === 'string' ? value : undefined;
}

/**
 * The ASL error names `e instanceof declaration` accepts: its own and those
 * of every error class of the program that extends it. Another class outside
 * that family with one of those names would make `instanceof` ambiguous
 * (reported at `at`).
 *
 * @example
 * errorNamesOf(PaymentDeclined, node, diagnostics) // ['PaymentDeclined', 'CardExpired']
 */
export function errorNamesOf(declaration: ClassDeclaration, at: Node, diagnostics: DiagnosticCollector): string[] | undefined {
  const target = errorClassOf(declaration, diagnostics);
  if (!target) return undefined;
  const all = programErrorClasses(declaration.getProject());
  const family = all.filter((known) => descendsFrom(known, target));
  const names = [...new Set(family.map((known) => known.name))];
  const stranger = all.find((known) => !descendsFrom(known, target) && names.includes(known.name));
  if (stranger) {
    diagnostics.report('error_class_ambiguous', at, { name: declaration.getName() ?? '', other: stranger.declaration.getName() ?? '', error: stranger.name });
    return undefined;
  }
  return names;
}

function descendsFrom(known: ErrorClass, ancestor: ErrorClass): boolean {
  for (let at: ErrorClass | undefined = known; at; at = at.base) if (at.declaration === ancestor.declaration) return true;
  return false;
}

/** Every class of the program's own files that extends WorkflowError, directly or not (others are not reported). */
function programErrorClasses(project: Project): ErrorClass[] {
  const out: ErrorClass[] = [];
  for (const file of project.getSourceFiles()) {
    if (file.isDeclarationFile() || file.isFromExternalLibrary()) continue;
    for (const declaration of file.getDescendantsOfKind(SyntaxKind.ClassDeclaration)) {
      if (!extendsWorkflowError(declaration)) continue;
      const known = errorClassOf(declaration);
      if (known) out.push(known);
    }
  }
  return out;
}

function extendsWorkflowError(declaration: ClassDeclaration, depth = 0): boolean {
  const heritage = declaration.getExtends();
  const ref = heritage ? errorClassRef(heritage.getExpression()) : undefined;
  if (!ref || depth > 20) return false;
  return ref.kind === 'workflow-error' || (ref.kind === 'class' && extendsWorkflowError(ref.declaration, depth + 1));
}

/** The class a `new` expression constructs, when it is a user error class. */
export function constructedErrorClass(expression: NewExpression): ClassDeclaration | undefined {
  const ref = errorClassRef(expression.getExpression());
  return ref?.kind === 'class' ? ref.declaration : undefined;
}
