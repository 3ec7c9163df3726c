import { Node, type ArrowFunction, type CallExpression, type FunctionDeclaration, type FunctionExpression } from '../../ts-morph.js';
import { CheckerWeakMap } from '../../program/index.js';

/** A function of the project a workflow calls by name: a declaration, or a `const` bound to an arrow or function expression. */
export type HelperFunction = ArrowFunction | FunctionExpression | FunctionDeclaration;

/**
 * The function with a body that a callee names: a function declaration or a
 * `const` bound to an arrow or function expression, in this module or
 * imported from another one (not a `.d.ts`). Undefined for anything else.
 *
 * @example
 * helperFunctionOf(`reserve`) // async function reserve(item) { … }
 */
export function helperFunctionOf(callee: Node): HelperFunction | undefined {
  if (!Node.isIdentifier(callee)) return undefined;
  let symbol = callee.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
  for (const declaration of symbol?.getDeclarations() ?? []) {
    let fn: Node | undefined = declaration;
    if (Node.isVariableDeclaration(declaration)) fn = declaration.getInitializer();
    if (!(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) continue;
    if (fn.getBody() !== undefined && !fn.getSourceFile().isDeclarationFile()) return fn;
  }
  return undefined;
}

const throwing = new CheckerWeakMap<HelperFunction, boolean>();

/**
 * The plain (not async) helper a call names when its body may throw: a
 * `throw` outside nested functions, or a call of another such helper
 * (transitively). Such a call cannot be a JSONata function, which has no
 * way to fail: it is inlined into the state graph like an awaited async
 * helper, and is a hoist point like an `await`. A throw inside a callback
 * (`xs.forEach(x => { throw … })`) does not count: the callback stays a
 * JSONata lambda, whose lowering reports it.
 *
 * @example
 * throwingHelperOf(`assertPositive(n)`) // function assertPositive(n) { if (n <= 0) throw … }
 */
export function throwingHelperOf(call: CallExpression): HelperFunction | undefined {
  // Asked for every call each time a statement is analyzed: the symbol lookup is done once per call.
  if (!calls.has(call)) {
    const fn = helperFunctionOf(call.getExpression());
    calls.set(call, fn && !fn.isAsync() && mayThrow(fn, new Set()) ? fn : null);
  }
  return calls.get(call) ?? undefined;
}

const calls = new CheckerWeakMap<CallExpression, HelperFunction | null>();

function mayThrow(fn: HelperFunction, visiting: Set<HelperFunction>): boolean {
  const known = throwing.get(fn);
  if (known !== undefined) return known;
  // A cycle adds nothing: the helpers on it throw only if one of them throws by itself.
  if (visiting.has(fn)) return false;
  visiting.add(fn);
  const found = bodyThrows(fn.getBody()!, visiting);
  visiting.delete(fn);
  if (found || visiting.size === 0) throwing.set(fn, found);
  return found;
}

function bodyThrows(node: Node, visiting: Set<HelperFunction>): boolean {
  if (Node.isThrowStatement(node)) return true;
  if (Node.isCallExpression(node)) {
    const callee = helperFunctionOf(node.getExpression());
    if (callee && !callee.isAsync() && mayThrow(callee, visiting)) return true;
  }
  if (Node.isFunctionLikeDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isClassDeclaration(node)) return false;
  return node.forEachChild((child) => (bodyThrows(child, visiting) ? true : undefined)) === true;
}
