import { Node, SyntaxKind, type ClassDeclaration, type ConstructorDeclaration, type NewExpression, type SourceFile } from '../../ts-morph.js';
import type { DiagnosticCollector } from '../../diagnostics/index.js';
import { dslNameOf } from './dsl-symbols.js';
import { staticValue } from './static-value.js';

/** What a class reference in `new X(…)`, `extends X` or `instanceof X` is: the dsl's WorkflowError, the global Error, or a class of the program. */
export type ErrorClassRef = { kind: 'workflow-error' } | { kind: 'error' } | { kind: 'class'; declaration: ClassDeclaration };

/**
 * A user error class, as the compiler reads it: it extends WorkflowError or
 * `Error` (directly or through other such classes), and its constructor only
 * passes arguments on and sets `this.name`. `name` is the ASL error name an
 * instance constructed without arguments gets (what `instanceof` matches by,
 * natively and compiled); `override` the name the class itself sets
 * (`this.name = …` or a `name` field); `root` the built-in class at the top
 * of the chain; `base` the class it extends.
 */
export interface ErrorClass {
  declaration: ClassDeclaration;
  className: string;
  name: string;
  override: string | undefined;
  root: 'workflow-error' | 'error';
  base: ErrorClass | undefined;
  /** Fields the constructor sets from its parameters (`readonly sku: string`, `this.sku = sku`), by the parameter's index. */
  fields: Array<{ name: string; parameter: number }>;
}

/** Names a field of an error class may not take: the error's own, and the compiled catch variable's class marker. */
const RESERVED_FIELDS = new Set(['name', 'message', 'cause', 'stack', '__class']);

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
 * neither WorkflowError nor `Error`, has members other than its constructor
 * and a `name`, or its constructor does more than `super(…)` and `this.name = '…'`.
 *
 * @example
 * // class PaymentDeclined extends WorkflowError {}
 * errorClassOf(declaration, diagnostics) // { name: 'PaymentDeclined', root: 'workflow-error', base: undefined, … }
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
  if (!heritage || !baseRef) return report(declaration.getNameNode() ?? declaration, 'it extends neither WorkflowError nor Error');
  const base = baseRef.kind === 'class' ? errorClassOf(baseRef.declaration) : undefined;
  if (baseRef.kind === 'class' && !base) return {};
  const root = base ? base.root : (baseRef.kind as ErrorClass['root']);
  let fieldName: string | undefined;
  const constructor = declaration.getConstructors().find((c) => c.hasBody());
  const parameters = constructor?.getParameters() ?? [];
  const fields: ErrorClass['fields'] = [];
  for (const member of declaration.getMembers()) {
    if (Node.isConstructorDeclaration(member)) continue;
    // `sku: string;` declared for a `this.sku = sku` of the constructor.
    if (Node.isPropertyDeclaration(member) && !member.isStatic() && !member.hasInitializer() && member.getName() !== 'name') continue;
    const value = Node.isPropertyDeclaration(member) && member.getName() === 'name' && !member.isStatic() ? staticValue(member.getInitializer()) : undefined;
    if (typeof value !== 'string') return report(member, `\`${member.getText().split('\n')[0]}\` is more than a name and fields set from the constructor's parameters`);
    fieldName = value;
  }
  let assignedName: string | undefined;
  if (constructor) {
    const parameter = parameters.find((p) => p.hasInitializer() || p.isRestParameter() || !Node.isIdentifier(p.getNameNode()));
    if (parameter) return report(parameter, 'its constructor parameters must be plain names (no defaults, rest or destructuring)');
    // Parameter properties are set right after `super(…)`, in order.
    parameters.forEach((p, index) => {
      if (p.getScope() !== undefined || p.isReadonly()) fields.push({ name: p.getName(), parameter: index });
    });
    const [first, ...rest] = constructor.getStatements();
    const superCall = first && Node.isExpressionStatement(first) ? first.getExpression() : undefined;
    if (!superCall || !Node.isCallExpression(superCall) || superCall.getExpression().getText() !== 'super') {
      return report(first ?? constructor, 'its constructor must start with `super(…)`');
    }
    const given = staticValue(superCall.getArguments()[0]);
    if (baseRef.kind === 'workflow-error' && typeof given === 'string' && given !== className) {
      return report(
        superCall,
        `'${given}' is not the name of ${className}, so WorkflowError reads it as the message and names the error '${className}'; to name the errors '${given}', write \`super('${className}', message); this.name = '${given}';\``,
      );
    }
    for (const statement of rest) {
      const field = fieldAssignment(statement, parameters);
      if (field) {
        fields.push(field);
        continue;
      }
      const assigned = nameAssignment(statement);
      if (assigned === undefined) return report(statement, 'its constructor may only call `super(…)`, set `this.name` and set fields to its parameters (`this.sku = sku`)');
      assignedName = assigned;
    }
  }
  const reserved = fields.find((field) => RESERVED_FIELDS.has(field.name));
  if (reserved) return report(constructor ?? declaration, `its field \`${reserved.name}\` would stand for the error's own \`${reserved.name}\``);
  for (const member of declaration.getMembers()) {
    if (Node.isPropertyDeclaration(member) && !member.hasInitializer() && member.getName() !== 'name' && !fields.some((field) => field.name === member.getName())) {
      return report(member, `\`${member.getName()}\` is not set from a constructor parameter`);
    }
  }
  // A `this.name = …` in the constructor runs after the field initializers, which run after `super(…)`.
  const override = assignedName ?? fieldName;
  const errorClass: ErrorClass = { declaration, className, name: '', override, root, base, fields };
  errorClass.name = nameOfBare(errorClass);
  return { errorClass };
}

/** The names of `errorClass` and of the classes it extends. */
function namesAbove(errorClass: ErrorClass | undefined): string[] {
  const names: string[] = [];
  for (let at = errorClass; at; at = at.base) names.push(at.className);
  return names;
}

/** A constructor argument: its JSONata value (its literal value, when it is one; the text it starts with, for a template), and whether it may be `undefined` at run time. Undefined when missing. */
export type Argument = { text: string; literal?: string; prefix?: string; mayBeMissing: boolean } | undefined;

/** Lowers a `super(…)` argument; `bind` gives a constructor parameter's argument (`null` for another identifier). */
export type LowerArgument = (node: Node, bind: (identifier: Node) => Argument | null) => Argument;

/** The error's name: a literal, or (a first argument known only at run time) that argument when it names a class of `chain`, else `fallback`. */
export type ErrorName = { literal: string } | { chain: string[]; fallback: string; first: NonNullable<Argument> };

/**
 * What `new C(…)` makes: its name and its cause. `dynamic`: the name is
 * decided at run time, and the cause is the second argument when the first
 * is the name, else the first. `root`: for `'error'` the cause is the
 * message, `''` when none is given.
 */
export interface ConstructedError {
  name: ErrorName;
  cause: Argument;
  other?: Argument;
  root: ErrorClass['root'];
  /** The name a class of the chain sets, when one does. */
  override?: string;
  /** Fields set from constructor parameters, base classes' first, each with its argument. */
  fields: Array<[string, Argument]>;
}

/**
 * The error a `new C(…)` of error class `newTarget` constructs, with
 * `args` its arguments: each constructor's `super(…)` arguments are followed
 * up the chain (`lower` turns one that is not a forwarded parameter into an
 * Argument). At the top, `Error(message)` takes the message and the class
 * names the error; WorkflowError takes `(name, cause?)` when the first
 * argument is the name of a class of the chain, else `(message?)` (see the
 * dsl's WorkflowError). The nearest class that sets `name` overrides it.
 *
 * @example
 * // class PaymentDeclined extends WorkflowError {}
 * constructedError(PaymentDeclined, [{ text: '$m', mayBeMissing: false }], lower) // { name: { literal: 'PaymentDeclined' }, cause: { text: '$m', … } }
 */
export function constructedError(newTarget: ErrorClass, args: Argument[], lower: LowerArgument): ConstructedError {
  const levels: Array<Array<[string, Argument]>> = [];
  for (let at: ErrorClass | undefined = newTarget; at; at = at.base) {
    const given = args;
    levels.unshift(at.fields.map((field) => [field.name, given[field.parameter]]));
    const constructor = at.declaration.getConstructors().find((c) => c.hasBody());
    if (constructor) args = superArguments(constructor, args, lower);
  }
  const fields = levels.flat();
  const chain = namesAbove(newTarget);
  const own: ErrorName = { literal: newTarget.className };
  const [first, second] = args;
  let made: ConstructedError;
  if (newTarget.root === 'error' || first === undefined) made = { name: own, cause: first, root: newTarget.root, fields: [] };
  else if (first.literal !== undefined) made = { name: chain.includes(first.literal) ? { literal: first.literal } : own, cause: chain.includes(first.literal) ? second : first, root: newTarget.root, fields: [] };
  // A template starting with text no class name starts with is a message.
  else if (first.prefix && !chain.some((name) => name.startsWith(first.prefix!))) made = { name: own, cause: first, root: newTarget.root, fields: [] };
  else made = { name: { chain, fallback: newTarget.className, first }, cause: first, other: second, root: newTarget.root, fields: [] };
  let override: string | undefined;
  for (let at: ErrorClass | undefined = newTarget; at && override === undefined; at = at.base) override = at.override;
  made.fields = fields;
  return override === undefined ? made : { ...made, name: { literal: override }, override };
}

function superArguments(constructor: ConstructorDeclaration, args: Argument[], lower: LowerArgument): Argument[] {
  const parameters = constructor.getParameters();
  const first = constructor.getStatements()[0];
  const superCall = first && Node.isExpressionStatement(first) ? first.getExpression() : undefined;
  if (!superCall || !Node.isCallExpression(superCall)) return [];
  const bind = (identifier: Node): Argument | null => {
    const declaration = identifier.getSymbol()?.getDeclarations()[0];
    const index = declaration ? parameters.indexOf(declaration as never) : -1;
    return index < 0 ? null : args[index];
  };
  return superCall.getArguments().map((node): Argument => {
    if (Node.isIdentifier(node)) {
      const bound = bind(node);
      if (bound !== null) return bound;
      if (node.getText() === 'undefined') return undefined;
    }
    return lower(node, bind);
  });
}

/** The name of an error constructed without arguments: what `instanceof` tests by, natively and so compiled. */
function nameOfBare(errorClass: ErrorClass): string {
  const made = constructedError(errorClass, [], (node) => {
    const value = staticValue(node);
    return { text: '', ...(typeof value === 'string' ? { literal: value } : {}), mayBeMissing: true };
  });
  return 'literal' in made.name ? made.name.literal : errorClass.className;
}

/** `this.sku = sku;` of a constructor parameter → the field and the parameter's index. */
function fieldAssignment(statement: Node, parameters: Node[]): { name: string; parameter: number } | undefined {
  if (!Node.isExpressionStatement(statement)) return undefined;
  const expression = statement.getExpression();
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getText() !== '=') return undefined;
  const target = expression.getLeft();
  const value = expression.getRight();
  if (!Node.isPropertyAccessExpression(target) || !Node.isThisExpression(target.getExpression()) || !Node.isIdentifier(value)) return undefined;
  const parameter = parameters.indexOf(value.getSymbol()?.getDeclarations()[0] as never);
  return parameter < 0 ? undefined : { name: target.getName(), parameter };
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
  // Only classes of the same root can be confused: an `Error` instance is told apart by its class.
  const all = programErrorClasses(at).filter((known) => known.root === target.root);
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

/**
 * Every class that extends WorkflowError or Error, directly or not, in the
 * files the code at `site` can reach: its own file and what it imports,
 * transitively (others are not reported). Two workflows compiled together
 * may each declare their own `CardExpired`.
 */
function programErrorClasses(site: Node): ErrorClass[] {
  const out: ErrorClass[] = [];
  for (const file of programFiles(site)) {
    for (const declaration of file.getDescendantsOfKind(SyntaxKind.ClassDeclaration)) {
      if (!extendsErrorClass(declaration)) continue;
      const known = errorClassOf(declaration);
      if (known) out.push(known);
    }
  }
  return out;
}

function extendsErrorClass(declaration: ClassDeclaration, depth = 0): boolean {
  const heritage = declaration.getExtends();
  const ref = heritage ? errorClassRef(heritage.getExpression()) : undefined;
  if (!ref || depth > 20) return false;
  return ref.kind !== 'class' || extendsErrorClass(ref.declaration, depth + 1);
}

/** The class a `new` expression constructs, when it is a user error class. */
export function constructedErrorClass(expression: NewExpression): ClassDeclaration | undefined {
  const ref = errorClassRef(expression.getExpression());
  return ref?.kind === 'class' ? ref.declaration : undefined;
}

/**
 * A caught error as JSONata: the field that holds the class of an instance of
 * an `Error` subclass thrown in the body. Natively such an error is the real
 * instance (`e.name` is `'Error'` unless the class sets it, no `cause`), so
 * the compiled catch variable is `{ name, message, __class }`; a failure
 * the runtime reported (a task's) has no class and is a WorkflowError.
 */
export const ERROR_CLASS_FIELD = '__class';

/** True when the program declares an error class extending `Error`, or constructs an `Error`: only then can a caught error be one. */
export function hasPlainErrorClasses(site: Node): boolean {
  if (programErrorClasses(site).some((known) => known.root === 'error')) return true;
  return programFiles(site).some((file) => file.getDescendantsOfKind(SyntaxKind.NewExpression).some((made) => errorClassRef(made.getExpression())?.kind === 'error'));
}

/** `throw e` of a caught error `e` (JSONata): the execution's Error and Cause, as the dsl's runner makes them of an `Error` instance. */
export function rethrownError(e: string, site: Node): { name: string; cause: string } {
  if (!hasPlainErrorClasses(site)) return { name: `${e}.name`, cause: `${e}.cause` };
  const plain = `$exists(${e}.${ERROR_CLASS_FIELD})`;
  return {
    name: `(${plain} and ${e}.name = 'Error' ? ${e}.${ERROR_CLASS_FIELD} : ${e}.name)`,
    cause: `(${plain} ? ${e}.message : ${e}.cause)`,
  };
}

/** The class names of `declaration` and of every error class of the program that extends it. */
export function classNamesOf(declaration: ClassDeclaration, site: Node): string[] {
  const target = errorClassOf(declaration);
  if (!target) return [];
  return programErrorClasses(site).filter((known) => descendsFrom(known, target)).map((known) => known.className);
}

/** The source file of `site` and the program files it imports or re-exports from, transitively. */
function programFiles(site: Node): SourceFile[] {
  const seen = new Set<SourceFile>();
  const visit = (file: SourceFile | undefined) => {
    if (!file || seen.has(file) || file.isDeclarationFile() || file.isFromExternalLibrary() || file.isInNodeModules()) return;
    seen.add(file);
    for (const declaration of [...file.getImportDeclarations(), ...file.getExportDeclarations()]) visit(declaration.getModuleSpecifierSourceFile());
  };
  visit(site.getSourceFile());
  return [...seen];
}
