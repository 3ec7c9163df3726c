import { Node, VariableDeclarationKind, type ArrowFunction, type FunctionDeclaration, type FunctionExpression } from '../../../ts-morph.js';
import { closedOver, neverChanges } from './deferred-calls.js';
import { unwrap } from './in-place.js';
import { CheckerWeakMap } from '../../../program/index.js';

/**
 * Async helpers declared inside a workflow's body:
 *
 * ```ts
 * const reserve = async (sku: string, qty: number) => {
 *   const { left } = await stock({ sku, qty });
 *   return left >= qty + minimum ? (await hold({ sku, qty, order: input.id })).holdId : null;
 * };
 * ```
 *
 * Like a module-level helper, such a helper is inlined at each awaited call
 * (`helper-call.ts`); its declaration makes no state and binds no variable.
 * Inlined, the body reads the names it closes over where the call is, which
 * is what JavaScript reads only when those names cannot change. So a local
 * helper is accepted when it is never rebound (a `const`, or a function
 * declaration never assigned) and each local it closes over is a `const` (or
 * a parameter never assigned) whose value is never changed in place, or
 * another local function. Anything else is `local_helper_not_inlined`, at the
 * name that breaks the rule.
 */
export type LocalHelper = ArrowFunction | FunctionExpression | FunctionDeclaration;

/** Why a local async helper cannot be inlined: the node to point at and the sentence that says why. */
export interface LocalHelperProblem {
  node: Node;
  name: string;
  reason: string;
}

/**
 * True when `fn` is an async function declared inside another function (a
 * workflow's body, a callback) rather than at module level: a local async
 * helper, whether or not it can be inlined (see `localHelperProblem`).
 *
 * @example
 * isLocalAsyncHelper(`async (sku) => (await stock({ sku })).left`) // inside the workflow body → true
 */
export function isLocalAsyncHelper(fn: Node): fn is LocalHelper {
  if (!(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isFunctionDeclaration(fn)) || !fn.isAsync()) return false;
  if (!Node.isFunctionDeclaration(fn) && !Node.isVariableDeclaration(fn.getParent())) return false;
  return enclosingFunction(fn) !== undefined;
}

const problems = new CheckerWeakMap<LocalHelper, LocalHelperProblem | null>();

/**
 * Why the local async helper `fn` cannot be inlined at its calls, or
 * undefined when it can (see `LocalHelper`).
 *
 * @example
 * // let minimum = 2; const reserve = async () => … minimum …; minimum = 5;
 * localHelperProblem(reserve) // { node: `minimum`, reason: 'it reads `minimum`, a `let` …' }
 */
export function localHelperProblem(fn: LocalHelper): LocalHelperProblem | undefined {
  if (!problems.has(fn)) problems.set(fn, findProblem(fn) ?? null);
  return problems.get(fn) ?? undefined;
}

function findProblem(fn: LocalHelper): LocalHelperProblem | undefined {
  const name = helperName(fn);
  const root = outermostFunction(fn);
  // A function declaration cannot be assigned (TypeScript's error 2630); a variable must be a const.
  const declaration = fn.getParent();
  if (!Node.isFunctionDeclaration(fn) && Node.isVariableDeclaration(declaration)) {
    const list = declaration.getParent();
    if (!Node.isIdentifier(declaration.getNameNode()) || !Node.isVariableDeclarationList(list) || list.getDeclarationKind() !== VariableDeclarationKind.Const) {
      return { node: declaration, name, reason: `it is declared with \`${Node.isVariableDeclarationList(list) ? list.getDeclarationKind() : 'let'}\`: declare it with \`const\`` };
    }
  }
  // Module-level names (task declarations, constants, helpers) are not closed over.
  for (const { reference, declaration: closed } of closedOver(fn, root)) {
    if (isLocalFunction(closed)) continue;
    if (!neverChanges(closed, root)) {
      const what = describe(closed);
      return { node: reference, name, reason: `it reads \`${reference.getText()}\`, ${what}: pass it as a parameter (\`${name}(…, ${reference.getText()})\`), or read a \`const\` copy that is never changed` };
    }
  }
  return undefined;
}

/** A function declared in the workflow (`function f() {}`, `const f = (…) => …`): inlined or bound where it is read, never a changing value. */
function isLocalFunction(declaration: Node): boolean {
  if (Node.isFunctionDeclaration(declaration)) return true;
  if (!Node.isVariableDeclaration(declaration)) return false;
  const list = declaration.getParent();
  const initializer = declaration.getInitializer();
  return Node.isVariableDeclarationList(list) && list.getDeclarationKind() === VariableDeclarationKind.Const && initializer !== undefined && (Node.isArrowFunction(unwrap(initializer)) || Node.isFunctionExpression(unwrap(initializer)));
}

/** What a closed-over name is, for the message: `a \`let\``, `a parameter that is assigned`, `a value changed in place`. */
function describe(declaration: Node): string {
  const variable = Node.isBindingElement(declaration) ? declaration.getFirstAncestor((ancestor) => Node.isVariableDeclaration(ancestor) || Node.isParameterDeclaration(ancestor)) : declaration;
  if (variable && Node.isVariableDeclaration(variable)) {
    const list = variable.getParent();
    const kind = Node.isVariableDeclarationList(list) ? list.getDeclarationKind() : VariableDeclarationKind.Let;
    if (kind !== VariableDeclarationKind.Const) return `a \`${kind}\``;
    return 'a `const` whose value is changed in place';
  }
  if (variable && Node.isParameterDeclaration(variable)) return 'a parameter that is assigned or changed in place';
  return 'a name that may change';
}

function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor((ancestor) => Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor) || Node.isFunctionDeclaration(ancestor) || Node.isMethodDeclaration(ancestor));
}

/** The outermost function around `fn` (the workflow's body): every place that may change what it closes over. */
function outermostFunction(fn: Node): Node {
  let root = enclosingFunction(fn)!;
  for (let outer = enclosingFunction(root); outer; outer = enclosingFunction(outer)) root = outer;
  return root;
}

/** The helper's name, for messages. */
export function helperName(fn: LocalHelper): string {
  if (Node.isFunctionDeclaration(fn)) return fn.getName() ?? 'function';
  const parent = fn.getParent();
  return Node.isVariableDeclaration(parent) ? parent.getName() : 'function';
}
