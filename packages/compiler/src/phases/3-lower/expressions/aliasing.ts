import { Node, SyntaxKind, type Symbol as TsSymbol } from 'ts-morph';
import { elementKinds, kindsOf, onlyKinds } from './value-kinds.js';

/**
 * Alias analysis for in-place changes. JSON values have no identity in ASL: a
 * change in place is lowered to a new value bound to the changed variable. That
 * keeps JavaScript's meaning exactly when no other name that is read after the
 * change can hold the same object or array — an alias.
 *
 * Aliases are found over the whole workflow body: every reference to a variable
 * that hands (part of) its value on (`const b = a`, `{ items }`, `acc.push(o)`,
 * `for (const x of xs)`, a callback's item) links the two variables. A link
 * made before the change (or in a loop around it) joins the changed variable's
 * group; any other member of the group read after the change (or in a loop
 * around it) would see the change in JavaScript and not in ASL.
 */

/** Where a reference's value may go: variables that may then hold part of it, or somewhere the analysis cannot follow. */
type Sinks = TsSymbol[] | 'unknown';

/** An alias that would see a change in place: the reference that reads it after the change, or that made it unknown. */
export interface Alias {
  /** The reference, for the diagnostic. */
  node: Node;
  /** Its name. */
  name: string;
}

const PRIMITIVE = ['string', 'number', 'boolean', 'null', 'undefined'] as const;

/** Methods that store their arguments in the receiver. */
const STORING = new Set(['push', 'unshift', 'splice', 'fill', 'add', 'set']);

/**
 * The alias through which changing `root`'s value in place at `site` would be
 * seen, or undefined when there is none (the change may be lowered to a new
 * value). `root` is the variable at the root of the changed path.
 *
 * @example
 * findAlias(`xs` in `xs.push(1)`, site, …) // undefined, or the `ys` of a later `ys.length` after `const ys = xs`
 */
export function findAlias(root: Node, site: Node): Alias | undefined {
  const symbol = symbolOf(root);
  if (!symbol) return { node: root, name: root.getText() };
  const scope = workflowScope(site);
  if (!isLocal(symbol, scope)) return { node: root, name: root.getText() };
  const references = referencesIn(scope);
  const before = references.filter((r) => !within(r.node, site) && (r.node.getStart() < site.getStart() || sharesRepetition(r.node, site, scope)));
  const group = new Set<TsSymbol>([symbol]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const reference of before) {
      const sinks = sinksOf(reference.node);
      if (sinks === 'unknown') {
        if (group.has(reference.symbol)) return { node: reference.node, name: reference.node.getText() };
        continue;
      }
      const linked = group.has(reference.symbol) || sinks.some((s) => group.has(s));
      if (!linked) continue;
      for (const member of [reference.symbol, ...sinks]) {
        if (group.has(member)) continue;
        if (!isLocal(member, scope)) return { node: reference.node, name: member.getName() };
        group.add(member);
        changed = true;
      }
    }
  }
  for (const reference of references) {
    if (reference.symbol === symbol || !group.has(reference.symbol) || within(reference.node, site)) continue;
    if (reference.node.getStart() > site.getEnd() || sharesRepetition(reference.node, site, scope)) return { node: reference.node, name: reference.node.getText() };
  }
  return undefined;
}

/**
 * True when `declaration` (a variable or parameter) is changed in place
 * somewhere: it is the root of an assignment target's path, of a mutator call's
 * receiver or of a `delete`.
 */
export function isChangedInPlace(declaration: Node): boolean {
  const nameNode = Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration) || Node.isBindingElement(declaration) ? declaration.getNameNode() : undefined;
  if (!nameNode || !Node.isIdentifier(nameNode)) return false;
  const symbol = nameNode.getSymbol();
  const scope = workflowScope(declaration);
  return referencesIn(scope).some((r) => r.symbol === symbol && changesInPlace(r.node));
}

/** True when `reference` is the root of a path that is changed in place (`o.a = v`, `xs.push(v)`, `delete o.k`). */
export function changesInPlace(reference: Node): boolean {
  let top: Node = reference;
  let path = false;
  while (true) {
    const parent = top.getParent();
    if ((Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === top) {
      const call = parent.getParent();
      if (Node.isPropertyAccessExpression(parent) && Node.isCallExpression(call) && call.getExpression() === parent && isMutatorCall(call)) return true;
      top = parent;
      path = true;
    } else if (Node.isParenthesizedExpression(parent) || Node.isNonNullExpression(parent) || Node.isAsExpression(parent)) top = parent;
    else break;
  }
  const parent = top.getParent();
  if (path && Node.isBinaryExpression(parent) && parent.getLeft() === top && isAssignment(parent.getOperatorToken().getKind())) return true;
  if (path && (Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) && isIncrement(parent.getOperatorToken())) return true;
  if (path && parent?.getKind() === SyntaxKind.DeleteExpression) return true;
  if (Node.isCallExpression(parent) && parent.getArguments()[0] === top && parent.getExpression().getText() === 'Object.assign') return true;
  return false;
}

/** Array methods that change their receiver, and the Set/Map ones (only on a Set or Map). */
const ARRAY_MUTATORS = new Set(['push', 'unshift', 'pop', 'shift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
const COLLECTION_MUTATORS = new Set(['add', 'set', 'delete', 'clear']);

/** True when `call` is `receiver.method(…)` with a method that changes an array, a Set or a Map in place. */
export function isMutatorCall(call: Node): boolean {
  if (!Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return false;
  const name = callee.getName();
  const receiver = callee.getExpression();
  if (ARRAY_MUTATORS.has(name)) return onlyKinds(kindsOf(receiver), 'array');
  if (COLLECTION_MUTATORS.has(name)) return collectionKind(receiver) !== undefined;
  return false;
}

/** `'Set'` or `'Map'` when `node`'s type is one. */
export function collectionKind(node: Node): 'Set' | 'Map' | undefined {
  const name = node.getType().getNonNullableType().getSymbol()?.getName();
  return name === 'Set' || name === 'Map' ? name : undefined;
}

interface Reference {
  node: Node;
  symbol: TsSymbol;
}

const referenceCache = new WeakMap<Node, Reference[]>();

/** Every reference to a variable or parameter inside `scope` (declaration names left out). */
function referencesIn(scope: Node): Reference[] {
  const cached = referenceCache.get(scope);
  if (cached) return cached;
  const out: Reference[] = [];
  for (const identifier of scope.getDescendantsOfKind(SyntaxKind.Identifier)) {
    const parent = identifier.getParent();
    if ((Node.isVariableDeclaration(parent) || Node.isParameterDeclaration(parent) || Node.isBindingElement(parent)) && parent.getNameNode() === identifier) continue;
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier) continue;
    if (Node.isPropertyAssignment(parent) && parent.getNameNode() === identifier) continue;
    const symbol = symbolOf(identifier);
    const declaration = symbol?.getDeclarations()[0];
    if (!symbol || !declaration) continue;
    if (!(Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration) || Node.isBindingElement(declaration))) continue;
    out.push({ node: identifier, symbol });
  }
  referenceCache.set(scope, out);
  return out;
}

function symbolOf(identifier: Node): TsSymbol | undefined {
  const parent = identifier.getParent();
  if (Node.isShorthandPropertyAssignment(parent) && parent.getNameNode() === identifier) return parent.getValueSymbol();
  return identifier.getSymbol();
}

/** The workflow body around `node`: its outermost function. */
function workflowScope(node: Node): Node {
  const functions = node.getAncestors().filter((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a));
  return functions[functions.length - 1] ?? node.getSourceFile();
}

/** True when `symbol` is a variable or parameter of `scope` (not a module-level value, which outlives a run). */
function isLocal(symbol: TsSymbol, scope: Node): boolean {
  const declaration = symbol.getDeclarations()[0];
  return declaration !== undefined && declaration.getAncestors().includes(scope);
}

function within(node: Node, container: Node): boolean {
  return node.getStart() >= container.getStart() && node.getEnd() <= container.getEnd();
}

/** True when `a` and `b` lie in one loop or callback inside `scope`: each may run after the other. */
function sharesRepetition(a: Node, b: Node, scope: Node): boolean {
  // A for…of's array is read once, before its body repeats.
  const repeats = (x: Node, node: Node) => ((Node.isForOfStatement(x) || Node.isForInStatement(x)) ? within(node, x.getStatement()) || within(node, x.getInitializer()) : Node.isIterationStatement(x) || Node.isArrowFunction(x) || Node.isFunctionExpression(x));
  const repeated = (node: Node) => node.getAncestors().filter((x) => x !== scope && repeats(x, node) && x.getAncestors().includes(scope));
  const around = repeated(b);
  return repeated(a).some((x) => around.includes(x));
}

function primitive(node: Node): boolean {
  return onlyKinds(kindsOf(node), ...PRIMITIVE);
}

/**
 * Where the value read by `reference` may end up: the variables that may hold
 * (part of) it afterwards, none when only primitives are taken from it or it is
 * copied (a task's request is JSON), or 'unknown'.
 */
function sinksOf(reference: Node): Sinks {
  const sinks: TsSymbol[] = [];
  if (primitive(reference)) return sinks;
  let top: Node = reference;
  while (true) {
    const parent = top.getParent();
    if (!parent) return 'unknown';
    if ((Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === top) {
      top = parent;
      const call = parent.getParent();
      if (Node.isCallExpression(call) && call.getExpression() === parent) continue;
      if (primitive(top)) return sinks;
      continue;
    }
    if (Node.isElementAccessExpression(parent)) return sinks; // a key
    // A spread copies the array: only items that are objects or arrays are still shared.
    if (Node.isSpreadElement(parent) && onlyKinds(kindsOf(top), 'array') && onlyKinds(elementKinds(top.getType().getNonNullableType()), ...PRIMITIVE)) return sinks;
    if (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isNonNullExpression(parent) || Node.isSatisfiesExpression(parent) || Node.isTypeAssertion(parent) || Node.isSpreadElement(parent) || Node.isArrayLiteralExpression(parent)) {
      top = parent;
      continue;
    }
    if (Node.isSpreadAssignment(parent) || Node.isShorthandPropertyAssignment(parent) || (Node.isPropertyAssignment(parent) && parent.getInitializer() === top)) {
      top = parent.getParentOrThrow();
      continue;
    }
    if (Node.isConditionalExpression(parent)) {
      if (parent.getCondition() === top) return sinks;
      top = parent;
      continue;
    }
    if (Node.isBinaryExpression(parent)) {
      const operator = parent.getOperatorToken().getKind();
      if (isAssignment(operator)) {
        if (parent.getLeft() === top) return sinks;
        const logical = operator === SyntaxKind.EqualsToken || operator === SyntaxKind.QuestionQuestionEqualsToken || operator === SyntaxKind.BarBarEqualsToken || operator === SyntaxKind.AmpersandAmpersandEqualsToken;
        if (!logical) return sinks;
        const target = rootOf(parent.getLeft());
        const symbol = target && symbolOf(target);
        return symbol ? [...sinks, symbol] : 'unknown';
      }
      if (operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.BarBarToken || operator === SyntaxKind.AmpersandAmpersandToken || (operator === SyntaxKind.CommaToken && parent.getRight() === top)) {
        top = parent;
        continue;
      }
      return sinks;
    }
    if (Node.isCallExpression(parent)) {
      const callee = parent.getExpression();
      if (callee === top) {
        // A method called on the value: its callbacks' parameters receive its items, its result may hold them.
        if (!Node.isPropertyAccessExpression(top)) return sinks;
        const receiver = top.getExpression();
        if (primitive(parent) && !parent.getArguments().some((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a))) return sinks;
        if (onlyKinds(kindsOf(receiver), 'array') && onlyKinds(elementKinds(receiver.getType().getNonNullableType()), ...PRIMITIVE)) return sinks;
        for (const argument of parent.getArguments()) {
          if (!Node.isArrowFunction(argument) && !Node.isFunctionExpression(argument)) continue;
          const first = argument.getParameters()[0];
          if (first) sinks.push(...bindingSymbols(first.getNameNode()));
        }
        if (primitive(parent) || top.getName() === 'forEach') return sinks;
        top = parent;
        continue;
      }
      if (Node.isAwaitExpression(parent.getParent())) return sinks; // a task's, Map's or nested workflow's input is a JSON copy
      if (Node.isPropertyAccessExpression(callee) && STORING.has(callee.getName())) {
        const target = rootOf(callee.getExpression());
        const symbol = target && symbolOf(target);
        return symbol ? [...sinks, symbol] : 'unknown';
      }
      if (callee.getText() === 'Object.assign' && parent.getArguments()[0] !== top) {
        const target = rootOf(parent.getArguments()[0]!);
        const symbol = target && symbolOf(target);
        return symbol ? [...sinks, symbol] : 'unknown';
      }
      if (primitive(parent)) return sinks;
      top = parent;
      continue;
    }
    if (Node.isVariableDeclaration(parent) && parent.getInitializer() === top) return [...sinks, ...bindingSymbols(parent.getNameNode())];
    if (Node.isForOfStatement(parent) && parent.getExpression() === top) {
      const initializer = parent.getInitializer();
      const names = Node.isVariableDeclarationList(initializer) ? initializer.getDeclarations().flatMap((d) => bindingSymbols(d.getNameNode())) : [];
      return [...sinks, ...names];
    }
    if (Node.isForInStatement(parent)) return sinks;
    // An awaited call's result is a copy (a task's or Map's output), whatever its callback returned.
    if (Node.isAwaitExpression(parent)) return sinks;
    if (Node.isReturnStatement(parent) || ((Node.isArrowFunction(parent)) && parent.getBody() === top)) {
      const fn = Node.isReturnStatement(parent) ? parent.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a)) : parent;
      if (!fn) return 'unknown';
      const call = fn.getParent();
      // A callback's result goes into its call's result; the workflow's own result leaves the run.
      if (Node.isCallExpression(call) && call.getArguments().includes(fn as never)) {
        top = call;
        continue;
      }
      if (fn === workflowScope(fn) && !parent.getFirstAncestor((a) => Node.isTryStatement(a) && a.getFinallyBlock() !== undefined)) return sinks;
      return 'unknown';
    }
    if (Node.isExpressionStatement(parent) || Node.isIfStatement(parent) || Node.isWhileStatement(parent) || Node.isDoStatement(parent) || Node.isSwitchStatement(parent) || Node.isCaseClause(parent) || Node.isThrowStatement(parent) || Node.isTemplateSpan(parent) || Node.isPrefixUnaryExpression(parent) || Node.isTypeOfExpression(parent) || Node.isForStatement(parent)) return sinks;
    if (Node.isPostfixUnaryExpression(parent) || parent.getKind() === SyntaxKind.DeleteExpression || Node.isVoidExpression(parent)) return sinks;
    return 'unknown';
  }
}

/** The identifier at the root of a path (`o` in `o.a[0].b`), if any. */
export function rootOf(node: Node): Node | undefined {
  let current = node;
  while (Node.isPropertyAccessExpression(current) || Node.isElementAccessExpression(current) || Node.isParenthesizedExpression(current) || Node.isNonNullExpression(current) || Node.isAsExpression(current)) current = current.getExpression();
  return Node.isIdentifier(current) ? current : undefined;
}

function bindingSymbols(name: Node): TsSymbol[] {
  if (Node.isIdentifier(name)) return name.getSymbol() ? [name.getSymbol()!] : [];
  if (Node.isObjectBindingPattern(name) || Node.isArrayBindingPattern(name)) {
    return name.getElements().flatMap((element) => (Node.isBindingElement(element) ? bindingSymbols(element.getNameNode()) : []));
  }
  return [];
}

function isAssignment(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
}

function isIncrement(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.PlusPlusToken || kind === SyntaxKind.MinusMinusToken;
}
