import { dslNameOf } from '../../1-discover/index.js';
import { Node, SyntaxKind, type Symbol as TsSymbol } from 'ts-morph';
import { changedDepth, changesInPlace, rootOf, unwrap } from './in-place.js';
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

/**
 * How a variable that receives a value relates to it: it holds the same value,
 * a part of it (`const a = v.a`, `for (const x of v)`), a value that contains it
 * (`const req = { v }`, `acc.push(v)`), or any of these.
 */
type Relation = 'same' | 'part' | 'container' | 'any';

/** Where a reference's value may go: the variables that receive it, or somewhere the analysis cannot follow. */
type Sinks = { symbol: TsSymbol; relation: Relation }[] | 'unknown';

/** What a member of an alias group holds: the changed value itself, a value containing it, or possibly either. */
type Holds = 'same' | 'contains' | 'any';

/** The relation of one step followed by another (`{ a: v.x }` is a container of a part: any). */
function compose(first: Relation, then: Relation): Relation {
  if (first === 'same') return then;
  if (then === 'same') return first;
  return first === then ? first : 'any';
}

/** What `to` holds, given what `from` holds and that `to` receives `from`'s value by `relation`; undefined: nothing changed. */
function forward(from: Holds, relation: Relation): Holds | undefined {
  if (from === 'any' || relation === 'any') return 'any';
  if (relation === 'same') return from;
  if (relation === 'container') return 'contains';
  // A part of the changed value does not see a change of its top level; a part of a container may be the value itself.
  return from === 'contains' ? 'any' : undefined;
}

/** What `from` holds, given that `to` (holding `held`) received `from`'s value by `relation`. */
function backward(held: Holds, relation: Relation): Holds | undefined {
  if (held === 'any' || relation === 'any') return 'any';
  if (relation === 'same') return held;
  if (relation === 'part') return 'contains';
  return undefined; // `from` was stored into `to`: it is a part, not the changed value
}

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
  const before = references.filter((r) => !within(r.node, site) && (r.node.getStart() < site.getStart() || sharesRepetition(r.node, site, scope, symbol)));
  // A change of the value's own top level (xs.push, o.k = v) is invisible to names holding only a part of it; a
  // deeper one (o.a.b = v, xs[0].f = v) is followed through every link.
  const deep = changedDepth(site) > 0;
  const group = new Map<TsSymbol, Holds>([[symbol, 'same']]);
  const join = (member: TsSymbol, holds: Holds | undefined): boolean => {
    if (holds === undefined) return false;
    const known = group.get(member);
    if (known === holds || known === 'any') return false;
    group.set(member, known ? 'any' : holds);
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const reference of before) {
      const sinks = sinksOf(reference.node);
      if (sinks === 'unknown') {
        if (group.has(reference.symbol)) return { node: reference.node, name: reference.node.getText() };
        continue;
      }
      for (const sink of sinks) {
        const relation = deep ? 'any' : sink.relation;
        const from = group.get(reference.symbol);
        const to = group.get(sink.symbol);
        const joined = [from && [sink.symbol, forward(from, relation)], to && [reference.symbol, backward(to, relation)]].filter(Boolean) as [TsSymbol, Holds | undefined][];
        for (const [member, holds] of joined) {
          if (holds === undefined || group.has(member) && (group.get(member) === holds || group.get(member) === 'any')) continue;
          if (!isLocal(member, scope)) return { node: reference.node, name: member.getName() };
          if (join(member, holds)) changed = true;
        }
      }
    }
  }
  for (const reference of references) {
    if (reference.symbol === symbol || !group.has(reference.symbol) || within(reference.node, site)) continue;
    if (reference.node.getStart() > site.getEnd() || sharesRepetition(reference.node, site, scope, reference.symbol)) return { node: reference.node, name: reference.node.getText() };
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
/** The body of `workflow(name, async (input) => …)`. */
function isWorkflowBody(fn: Node): boolean {
  const call = fn.getParent();
  return Node.isCallExpression(call) && call.getArguments()[1] === fn && dslNameOf(call.getExpression()) === 'workflow';
}

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

/**
 * True when `a` and `b` lie in one loop or callback inside `scope` that
 * `symbol`'s binding outlives: each may run after the other on the same
 * binding. (A variable declared inside the loop is a fresh binding each time.)
 */
function sharesRepetition(a: Node, b: Node, scope: Node, symbol: TsSymbol): boolean {
  const declaration = symbol.getDeclarations()[0];
  // A for…of's array is read once, before its body repeats.
  const repeats = (x: Node, node: Node) => ((Node.isForOfStatement(x) || Node.isForInStatement(x)) ? within(node, x.getStatement()) || within(node, x.getInitializer()) : Node.isIterationStatement(x) || Node.isArrowFunction(x) || Node.isFunctionExpression(x));
  const repeated = (node: Node) => node.getAncestors().filter((x) => x !== scope && repeats(x, node) && x.getAncestors().includes(scope));
  const around = repeated(b);
  return repeated(a).some((x) => around.includes(x) && !(declaration && declaration.getAncestors().includes(x)));
}

function primitive(node: Node): boolean {
  return onlyKinds(kindsOf(node), ...PRIMITIVE);
}

/**
 * Where the value read by `reference` may end up: the variables that may hold
 * (part of) it afterwards and how, none when only primitives are taken from it
 * or it is copied (a task's request is JSON), or 'unknown'.
 */
function sinksOf(reference: Node): Sinks {
  const sinks: { symbol: TsSymbol; relation: Relation }[] = [];
  if (primitive(reference)) return sinks;
  let relation: Relation = 'same';
  const to = (names: TsSymbol[], step: Relation = 'same') => {
    for (const symbol of names) sinks.push({ symbol, relation: compose(relation, step) });
    return sinks;
  };
  const rootSymbol = (node: Node | undefined) => {
    const target = node && rootOf(node);
    return target ? symbolOf(target) : undefined;
  };
  let top: Node = reference;
  while (true) {
    const parent = top.getParent();
    if (!parent) return 'unknown';
    if ((Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === top) {
      top = parent;
      const call = parent.getParent();
      if (Node.isCallExpression(call) && call.getExpression() === parent) continue;
      if (primitive(top)) return sinks;
      relation = compose(relation, 'part');
      continue;
    }
    if (Node.isElementAccessExpression(parent)) return sinks; // a key
    if (Node.isSpreadElement(parent)) {
      // A spread copies the array: only items that are objects or arrays are still shared.
      if (onlyKinds(kindsOf(top), 'array') && onlyKinds(elementKinds(top.getType().getNonNullableType()), ...PRIMITIVE)) return sinks;
      relation = compose(relation, 'part');
      top = parent;
      continue;
    }
    if (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isNonNullExpression(parent) || Node.isSatisfiesExpression(parent) || Node.isTypeAssertion(parent)) {
      top = parent;
      continue;
    }
    if (Node.isArrayLiteralExpression(parent)) {
      if (!Node.isSpreadElement(top)) relation = compose(relation, 'container');
      top = parent;
      continue;
    }
    if (Node.isSpreadAssignment(parent) || Node.isShorthandPropertyAssignment(parent) || (Node.isPropertyAssignment(parent) && parent.getInitializer() === top)) {
      relation = compose(relation, Node.isSpreadAssignment(parent) ? 'any' : 'container');
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
        const symbol = rootSymbol(parent.getLeft());
        const whole = Node.isIdentifier(unwrap(parent.getLeft()));
        return symbol ? to([symbol], whole ? 'same' : 'container') : 'unknown';
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
          if (first) to(bindingSymbols(first.getNameNode()), 'part');
        }
        if (primitive(parent) || top.getName() === 'forEach') return sinks;
        // sort/reverse/fill/copyWithin return the receiver itself; the rest new arrays of its items, or one item.
        if (!['sort', 'reverse', 'fill', 'copyWithin', 'add', 'set'].includes(top.getName())) relation = compose(relation, 'part');
        top = parent;
        continue;
      }
      if (Node.isAwaitExpression(parent.getParent())) return sinks; // a task's, Map's or nested workflow's input is a JSON copy
      if (callee.getText() === 'structuredClone') return sinks; // a deep copy shares nothing
      if (Node.isPropertyAccessExpression(callee) && STORING.has(callee.getName())) {
        const symbol = rootSymbol(callee.getExpression());
        return symbol ? to([symbol], 'container') : 'unknown';
      }
      if (callee.getText() === 'Object.assign') {
        if (parent.getArguments()[0] === top) {
          top = parent;
          continue;
        }
        const symbol = rootSymbol(parent.getArguments()[0]);
        return symbol ? to([symbol], 'any') : 'unknown';
      }
      if (primitive(parent)) return sinks;
      relation = 'any';
      top = parent;
      continue;
    }
    if (Node.isVariableDeclaration(parent) && parent.getInitializer() === top) {
      return to(bindingSymbols(parent.getNameNode()), Node.isIdentifier(parent.getNameNode()) ? 'same' : 'part');
    }
    if (Node.isForOfStatement(parent) && parent.getExpression() === top) {
      const initializer = parent.getInitializer();
      const names = Node.isVariableDeclarationList(initializer) ? initializer.getDeclarations().flatMap((d) => bindingSymbols(d.getNameNode())) : [];
      const target = Node.isVariableDeclarationList(initializer) ? undefined : rootSymbol(initializer);
      return to(target ? [...names, target] : names, 'part');
    }
    if (Node.isForInStatement(parent)) return sinks;
    // An awaited call's result is a copy (a task's or Map's output), whatever its callback returned.
    if (Node.isAwaitExpression(parent)) return sinks;
    if (Node.isReturnStatement(parent) || ((Node.isArrowFunction(parent)) && parent.getBody() === top)) {
      const fn = Node.isReturnStatement(parent) ? parent.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a)) : parent;
      if (!fn) return 'unknown';
      // The workflow's own result leaves the run (the body is itself the callback of `workflow(…)`, so this comes first).
      if (isWorkflowBody(fn)) return parent.getFirstAncestor((a) => Node.isTryStatement(a) && a.getFinallyBlock() !== undefined) ? 'unknown' : sinks;
      const call = fn.getParent();
      // A callback's result goes into its call's result.
      if (Node.isCallExpression(call) && call.getArguments().includes(fn as never)) {
        relation = 'any';
        top = call;
        continue;
      }
      return 'unknown';
    }
    if (Node.isExpressionStatement(parent) || Node.isIfStatement(parent) || Node.isWhileStatement(parent) || Node.isDoStatement(parent) || Node.isSwitchStatement(parent) || Node.isCaseClause(parent) || Node.isThrowStatement(parent) || Node.isTemplateSpan(parent) || Node.isPrefixUnaryExpression(parent) || Node.isTypeOfExpression(parent) || Node.isForStatement(parent)) return sinks;
    if (Node.isPostfixUnaryExpression(parent) || parent.getKind() === SyntaxKind.DeleteExpression || Node.isVoidExpression(parent)) return sinks;
    return 'unknown';
  }
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
