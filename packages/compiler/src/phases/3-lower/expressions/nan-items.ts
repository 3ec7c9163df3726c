import { Node, SyntaxKind, VariableDeclarationKind, type Expression } from '../../../ts-morph.js';
import { dslNameOf } from '../../1-discover/dsl-symbols.js';
import { isTaskCallee } from '../../1-discover/task-declarations.js';
import { isAssignmentTarget } from '../../2-analyze/index.js';
import { unwrap } from './nan-fields.js';
import { changesInPlace } from './in-place.js';
import { CheckerWeakMap } from '../../../program/index.js';

/**
 * Where NaN is followed into array items (`nan-analysis.ts`). An array whose
 * items may be NaN (`[Number(a), Number(b)]`, `rows.map((r) => Number(r.cost))`)
 * is followed only when it ends up nowhere but in reads the analysis knows
 * (`isFollowedArray`): then each read of an item (`xs[i]`, `xs.at(i)`,
 * `xs.find(…)`, `for (const x of xs)`, the item parameter of a callback
 * written in place) may be NaN, and is lowered so. Anywhere else (`join`,
 * `includes`, a helper's argument, a change in place) a NaN item would be
 * read back as a plain number, so such an array keeps the check where its
 * items are written.
 */

/** Methods whose callback written in place gets the receiver's items, and where its item parameter is. */
const ITEM_CALLBACKS: Record<string, number> = { map: 0, forEach: 0, some: 0, every: 0, find: 0, findIndex: 0, findLast: 0, findLastIndex: 0, filter: 0, reduce: 1, reduceRight: 1 };
/** Methods whose result is made of the receiver's items. */
const ITEM_ARRAYS = new Set(['filter', 'slice', 'concat']);
/** Methods that return one of the receiver's items. */
const ITEM_RESULTS = new Set(['at', 'find', 'findLast']);

const followed = new CheckerWeakMap<Node, boolean>();

/**
 * True when the array `node` makes (an array literal, a `map` call, or one
 * derived from them) ends up only in reads the analysis follows: a `const`
 * whose every use is one, `length`, an item read, `for…of`, a spread into
 * `Math.max`/`Math.min` or another such array, a callback method written in
 * place (`map`, `filter`, `some`, `find`, `reduce`…), `filter`/`slice`/`concat`
 * whose result is followed too, or a task's request, the workflow's output
 * and `JSON.stringify` (where NaN is written as `null` natively too).
 *
 * @example
 * isFollowedArray(`rows.map((r) => Number(r.cost))`) // true in `const costs = …; costs.filter((c) => c > 0).length`
 */
export function isFollowedArray(node: Node): boolean {
  const known = followed.get(node);
  if (known !== undefined) return known;
  // A cycle (a variable read in its own uses) adds nothing: assume followed while it is checked.
  followed.set(node, true);
  const answer = usesAreFollowed(node);
  followed.set(node, answer);
  return answer;
}

function usesAreFollowed(node: Node): boolean {
  const { user, value } = useOf(node);
  if (!user) return false;
  if (Node.isVariableDeclaration(user)) {
    const list = user.getParent();
    if (user.getInitializer() !== value || !Node.isIdentifier(user.getNameNode()) || !Node.isVariableDeclarationList(list) || list.getDeclarationKind() !== VariableDeclarationKind.Const) return false;
    const symbol = user.getSymbol();
    const scope = user.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor)) ?? user.getSourceFile();
    return scope.getDescendantsOfKind(SyntaxKind.Identifier).every((reference) => reference === user.getNameNode() || reference.getSymbol() !== symbol || isFollowedRead(reference));
  }
  return isFollowedRead(value) || isBoundary(value);
}

/** One use of a followed array's value (`value`, unwrapped by its user). */
function isFollowedRead(value: Node): boolean {
  if (changesInPlace(value) || isAssignmentTarget(value)) return false;
  const { user, value: whole } = useOf(value);
  if (!user) return false;
  if (Node.isForOfStatement(user)) {
    const initializer = user.getInitializer();
    return user.getExpression() === whole && Node.isVariableDeclarationList(initializer) && initializer.getDeclarations().every((d) => Node.isIdentifier(d.getNameNode()));
  }
  if (Node.isElementAccessExpression(user)) return user.getExpression() === whole && !isAssignmentTarget(user);
  if (Node.isSpreadElement(user)) {
    const container = user.getParent();
    if (Node.isArrayLiteralExpression(container)) return isFollowedArray(container);
    return Node.isCallExpression(container) && ['Math.max', 'Math.min'].includes(container.getExpression().getText());
  }
  if (!Node.isPropertyAccessExpression(user) || user.getExpression() !== whole) return false;
  const method = user.getName();
  if (method === 'length') return true;
  const call = user.getParent();
  if (!Node.isCallExpression(call) || call.getExpression() !== user) return false;
  if (method in ITEM_CALLBACKS) {
    const callback = call.getArguments()[0];
    if (!callback || !(Node.isArrowFunction(callback) || Node.isFunctionExpression(callback))) return false;
    const item = callback.getParameters()[ITEM_CALLBACKS[method]!];
    if (item && !Node.isIdentifier(item.getNameNode())) return false;
    // Without a start value, `reduce` gives the first item to the accumulator, which is not followed.
    if ((method === 'reduce' || method === 'reduceRight') && call.getArguments().length < 2) return false;
    return method !== 'filter' || isFollowedArray(call);
  }
  if (ITEM_ARRAYS.has(method)) return isFollowedArray(call);
  return ITEM_RESULTS.has(method);
}

/**
 * The array whose item `node` reads, when it is a read `isFollowedArray`
 * knows: `xs[i]`, `xs.at(i)`, `xs.find(…)`, the variable of `for (const x of
 * xs)`, the item parameter of `xs.map((x) => …)` and the like. Undefined for
 * anything else.
 *
 * @example
 * arrayOfItem(`c` in `costs.filter((c) => c > 0)`) // `costs`
 */
export function arrayOfItem(node: Node): Node | undefined {
  if (Node.isElementAccessExpression(node)) {
    const key = unwrap(node.getArgumentExpression() ?? node);
    return Node.isStringLiteral(key) || Node.isNoSubstitutionTemplateLiteral(key) ? undefined : node.getExpression();
  }
  if (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    return Node.isPropertyAccessExpression(callee) && ITEM_RESULTS.has(callee.getName()) ? callee.getExpression() : undefined;
  }
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = node.getSymbol()?.getDeclarations()[0];
  if (Node.isVariableDeclaration(declaration)) {
    const loop = declaration.getParent()?.getParent();
    return Node.isForOfStatement(loop) ? loop.getExpression() : undefined;
  }
  if (!Node.isParameterDeclaration(declaration)) return undefined;
  const callback = declaration.getParent();
  const call = callback?.getParent();
  if (!Node.isCallExpression(call) || call.getArguments()[0] !== callback) return undefined;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !(callee.getName() in ITEM_CALLBACKS)) return undefined;
  return (callback as Node & { getParameters(): Node[] }).getParameters()[ITEM_CALLBACKS[callee.getName()]!] === declaration ? callee.getExpression() : undefined;
}

/**
 * True when the items of the array `node` may be NaN, given `evaluate` (may
 * this value be NaN?): a followed array literal or `map` whose items may be,
 * and what `filter`/`slice`/`concat`, a spread or a `const` carries on.
 */
export function itemsMayBeNaN(node: Node, evaluate: (value: Node) => boolean, visiting = new Set<Node>()): boolean {
  const array = unwrap(node);
  if (visiting.has(array)) return false;
  visiting.add(array);
  const items = (inner: Node) => itemsMayBeNaN(inner, evaluate, visiting);
  if (Node.isArrayLiteralExpression(array)) {
    return array.getElements().some((element) => (Node.isSpreadElement(element) ? items(element.getExpression()) : evaluate(element))) && isFollowedArray(array);
  }
  if (Node.isIdentifier(array)) {
    const declaration = array.getSymbol()?.getDeclarations()[0];
    const initializer = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
    return initializer !== undefined && items(initializer);
  }
  if (!Node.isCallExpression(array)) return false;
  const callee = array.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return false;
  const method = callee.getName();
  if (ITEM_ARRAYS.has(method)) return items(callee.getExpression()) || (method === 'concat' && array.getArguments().some((argument) => items(argument)));
  return method === 'map' && callbackResults(array.getArguments()[0]).some((result) => evaluate(result)) && isFollowedArray(array);
}

/**
 * The `xs.reduce(cb, start)` call whose accumulator `node` is (the first
 * parameter of a callback written in place, with a start value). Its value is
 * the start or what the callback returned last time.
 *
 * @example
 * reduceOfAccumulator(`sum` in `costs.reduce((sum, c) => sum + c, 0)`) // the reduce call
 */
export function reduceOfAccumulator(node: Node): (Node & import('ts-morph').CallExpression) | undefined {
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = node.getSymbol()?.getDeclarations()[0];
  if (!Node.isParameterDeclaration(declaration)) return undefined;
  const callback = declaration.getParent();
  const call = callback?.getParent();
  if (!Node.isCallExpression(call) || !isFoldingReduce(call) || call.getArguments()[0] !== callback) return undefined;
  return (callback as Node & { getParameters(): Node[] }).getParameters()[0] === declaration ? call : undefined;
}

/** `xs.reduce(cb, start)` (or `reduceRight`) with a callback written in place. */
export function isFoldingReduce(call: Node & import('ts-morph').CallExpression): boolean {
  const callee = call.getExpression();
  const [callback] = call.getArguments();
  return Node.isPropertyAccessExpression(callee) && (callee.getName() === 'reduce' || callee.getName() === 'reduceRight') && call.getArguments().length === 2 && callback !== undefined && (Node.isArrowFunction(callback) || Node.isFunctionExpression(callback));
}

/** What a callback written in place returns: its expression body, or each `return`'s value. */
export function callbackResults(callback: Node | undefined): Expression[] {
  if (!callback || !(Node.isArrowFunction(callback) || Node.isFunctionExpression(callback))) return [];
  const body = callback.getBody();
  if (!Node.isBlock(body)) return [body as Expression];
  return body
    .getDescendantsOfKind(SyntaxKind.ReturnStatement)
    .filter((statement) => statement.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a)) === callback)
    .flatMap((statement) => statement.getExpression() ?? []);
}

/**
 * True when `value` is the result of a callback whose results form a
 * followed array (`xs.map((x) => Number(x))`) or fold into an accumulator
 * (`xs.reduce((sum, x) => sum + x, 0)`).
 */
export function isFollowedCallbackResult(value: Node): boolean {
  const { user } = useOf(value);
  const fn = Node.isReturnStatement(user) ? user.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a)) : user;
  if (!fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return false;
  if (Node.isArrowFunction(fn) && !Node.isReturnStatement(user) && fn.getBody() !== useOf(value).value) return false;
  const call = fn.getParent();
  if (!Node.isCallExpression(call) || call.getArguments()[0] !== fn) return false;
  // A reduce callback's result is the next accumulator and, last, the reduce's value: both followed.
  if (isFoldingReduce(call)) return true;
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'map' && isFollowedArray(call);
}

/** The node a wrapper (parentheses, `as`, `!`) passes its value to, and the wrapper whose value it is. */
export function useOf(node: Node): { user: Node | undefined; value: Node } {
  let value = node;
  let user = node.getParent();
  while (user && user !== unwrap(user)) {
    value = user;
    user = user.getParent();
  }
  return { user, value };
}

/**
 * True when `value` (or the object or array literal it sits in) is a task's
 * request, the workflow's output or `JSON.stringify`'s argument: there a NaN
 * is written as `null` natively too.
 */
export function isBoundary(value: Node): boolean {
  let part = value;
  for (;;) {
    const { user } = useOf(part);
    if (!user) return false;
    if (Node.isPropertyAssignment(user) || Node.isShorthandPropertyAssignment(user)) {
      part = user.getParentOrThrow();
      continue;
    }
    if (Node.isArrayLiteralExpression(user) || Node.isConditionalExpression(user)) {
      part = user;
      continue;
    }
    if (Node.isReturnStatement(user)) return isWorkflowReturn(user);
    if (Node.isCallExpression(user)) {
      const callee = user.getExpression();
      if (callee.getText() === 'JSON.stringify') return user.getArguments()[0] === useOf(part).value;
      return isTaskCallee(callee) && user.getArguments()[0] === useOf(part).value;
    }
    return false;
  }
}

/** True when `node` is (part of) the value the workflow function itself returns. */
export function isWorkflowReturn(statement: Node): boolean {
  const fn = statement.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a) || Node.isMethodDeclaration(a));
  const call = fn?.getParent();
  return Node.isCallExpression(call) && call.getArguments()[1] === fn && dslNameOf(call.getExpression()) === 'workflow';
}
