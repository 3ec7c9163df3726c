import { Node, SyntaxKind, type CallExpression, type Type, type VariableDeclaration } from '../ts-morph.js';

/** A task declaration a workflow body calls, with the types it is called with. */
export interface TaskCall {
  /** The `const` that declares the task. */
  name: string;
  declaration: VariableDeclaration;
  /** The declaring call: `lambda<A, B>('…')`, `sns.publish()`, `workflow('…', …)`. */
  initializer: CallExpression;
  kind: string;
  /** The first call in the body, where problems with it are reported. */
  call: CallExpression;
}

const DSL_MODULE = '@typestep/dsl';

/**
 * The task declarations a workflow body calls, once each, in the order of
 * their first call: calls whose callee is a `const` initialised by a function
 * imported from `@typestep/dsl` (`lambda`, `awsSdk`, `sns.publish`,
 * `callback`, `activity`, `workflow` …). Helpers, `sleep`, `map` and other
 * calls are not tasks.
 *
 * @example
 * findTaskCalls(body).map((task) => task.name); // ['chargeCard', 'notify']
 */
export function findTaskCalls(body: Node, found = new Map<string, TaskCall>(), helpers = new Set<Node>()): TaskCall[] {
  for (const call of body.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isIdentifier(callee)) continue;
    // An async helper's tasks are inlined into the workflow: they are its tasks too.
    const helper = asyncHelperBody(callee);
    if (helper && !helpers.has(helper)) {
      helpers.add(helper);
      findTaskCalls(helper, found, helpers);
      continue;
    }
    const declaration = resolveVariable(callee);
    const initializer = declaration?.getInitializer();
    if (!declaration || !initializer || !Node.isCallExpression(initializer)) continue;
    const kind = dslFunctionName(initializer);
    if (!kind) continue;
    const name = declaration.getName();
    if (!found.has(name)) found.set(name, { name, declaration, initializer, kind, call });
  }
  return [...found.values()];
}

/** The body of the async function (declaration or `const` arrow) an identifier names, following imports. */
function asyncHelperBody(identifier: Node): Node | undefined {
  let symbol = identifier.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
  let fn = symbol?.getValueDeclaration() ?? symbol?.getDeclarations()[0];
  if (fn && Node.isVariableDeclaration(fn)) fn = fn.getInitializer();
  if (!(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || !fn.isAsync()) return undefined;
  return fn.getSourceFile().isDeclarationFile() ? undefined : fn.getBody();
}

/** The variable an identifier refers to, following imports. */
function resolveVariable(identifier: Node): VariableDeclaration | undefined {
  let symbol = identifier.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
  const declaration = symbol?.getValueDeclaration() ?? symbol?.getDeclarations()[0];
  return declaration && Node.isVariableDeclaration(declaration) ? declaration : undefined;
}

/**
 * `lambda`, `sns.publish`, `workflow`… when the call's callee comes from
 * `@typestep/dsl` (by import, named or namespace), else undefined.
 */
function dslFunctionName(call: CallExpression): string | undefined {
  const callee = call.getExpression();
  const root = Node.isPropertyAccessExpression(callee) ? leftmostIdentifier(callee) : callee;
  if (!root || !Node.isIdentifier(root)) return undefined;
  const imported = root.getSymbol()?.getDeclarations().some((declaration) => {
    const importDeclaration = declaration.getFirstAncestor((ancestor) => Node.isImportDeclaration(ancestor));
    return importDeclaration && Node.isImportDeclaration(importDeclaration) && importDeclaration.getModuleSpecifierValue() === DSL_MODULE;
  });
  if (!imported) return undefined;
  const text = callee.getText().replace(/\s+/g, '');
  // A namespace import (`ts.lambda`) names the function after the namespace.
  return Node.isPropertyAccessExpression(callee) && isNamespaceImport(root) ? text.slice(text.indexOf('.') + 1) : text;
}

function leftmostIdentifier(node: Node): Node | undefined {
  let current: Node = node;
  while (Node.isPropertyAccessExpression(current)) current = current.getExpression();
  return Node.isIdentifier(current) ? current : undefined;
}

function isNamespaceImport(identifier: Node): boolean {
  return identifier.getSymbol()?.getDeclarations().some((declaration) => Node.isNamespaceImport(declaration)) ?? false;
}

/**
 * A task's request and response types: the declaration's type arguments
 * when written (`lambda<Request, Response>`), else read from the task's call
 * signature `(input: In) => Promise<Out>`. A callback's request is what its
 * token function returns. Undefined when neither is known.
 */
export function taskTypes(task: TaskCall): { request: Type; response: Type } | undefined {
  const typeArguments = task.initializer.getTypeArguments();
  if (task.kind !== 'workflow' && typeArguments.length >= 2) {
    return { request: typeArguments[0]!.getType(), response: typeArguments[1]!.getType() };
  }
  const signature = task.declaration.getType().getCallSignatures()[0];
  const parameter = signature?.getParameters()[0];
  if (!signature || !parameter) return undefined;
  let request = parameter.getTypeAtLocation(task.declaration);
  const response = signature.getReturnType().getAwaitedType() ?? signature.getReturnType();
  if (request.isAny() && response.isAny()) return undefined;
  const tokenFunction = request.getCallSignatures()[0];
  if (task.kind === 'callback' && tokenFunction) request = tokenFunction.getReturnType();
  return { request, response };
}
