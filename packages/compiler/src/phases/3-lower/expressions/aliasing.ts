import { dslNameOf } from '../../1-discover/index.js';
import { Node, SyntaxKind, type Symbol as TsSymbol } from '../../../ts-morph.js';
import { changedDepth, changesInPlace, isAssignment, rootOf, unwrap } from './in-place.js';
import { elementKinds, kindsOf, onlyKinds } from './value-kinds.js';
import { findWriteBack } from './write-back.js';
import { callbackResultKinds } from './callbacks.js';
import { CheckerWeakMap } from '../../../program/index.js';

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
 * (`const req = { v }`, `acc.push(v)`), a value that contains a part of it
 * (`o[k] = v.items`, `v.filter(…)`: a new array of v's items), or any of these.
 */
type Relation = 'same' | 'part' | 'container' | 'container-of-part' | 'any';

/** Where a reference's value may go: the variables that receive it, or somewhere the analysis cannot follow. */
type Sinks = { symbol: TsSymbol; relation: Relation }[] | 'unknown';

/** What a member of an alias group holds: the changed value itself, a value containing it, or possibly either. */
type Holds = 'same' | 'contains' | 'any';

/**
 * The relation of one step followed by another. Read as paths: a part is one
 * or more steps down, a container one or more steps up; down-then-up (a
 * container of a part) keeps its direction, up-then-down may be anything
 * (`{ a: v }.a` is v itself, `{ a: v, b: w }.b` is not).
 */
function compose(first: Relation, then: Relation): Relation {
  if (first === 'same') return then;
  if (then === 'same') return first;
  if (first === 'any' || then === 'any') return 'any';
  if (first === then) return first;
  if (first === 'part' && (then === 'container' || then === 'container-of-part')) return 'container-of-part';
  if (first === 'container-of-part' && then === 'container') return 'container-of-part';
  return 'any';
}

/** What `to` holds, given what `from` holds and that `to` receives `from`'s value by `relation`; undefined: nothing changed. */
function forward(from: Holds, relation: Relation): Holds | undefined {
  if (from === 'any' || relation === 'any') return 'any';
  if (relation === 'same') return from;
  if (relation === 'container') return 'contains';
  // A part of the changed value does not see a change of its top level; a part of a container may be the value itself.
  if (relation === 'part') return from === 'contains' ? 'any' : undefined;
  // A container of a part of the changed value holds none of its top level; of a part of a container, maybe the value.
  return from === 'contains' ? 'contains' : undefined;
}

/** What `from` holds, given that `to` (holding `held`) received `from`'s value by `relation`. */
function backward(held: Holds, relation: Relation): Holds | undefined {
  if (held === 'any' || relation === 'any') return 'any';
  if (relation === 'same') return held;
  if (relation === 'part') return 'contains';
  // `from` (or a part of it) was stored into `to`: a part, not the changed value itself.
  return undefined;
}

/** An alias that would see a change in place: the reference that reads it after the change, or that made it unknown. */
export interface Alias {
  /** The reference, for the diagnostic. */
  node: Node;
  /** Its name. */
  name: string;
}

const PRIMITIVE = ['string', 'number', 'boolean', 'null', 'undefined'] as const;

/** Array methods whose callback receives two items (an accumulator or a compared pair) before the index. */
const ITEM_PAIRS = new Set(['reduce', 'reduceRight', 'sort', 'toSorted']);

/** Array methods that return the receiver itself (and Set `add`, Map `set`). */
const RETURNING_RECEIVER = new Set(['sort', 'reverse', 'fill', 'copyWithin', 'add', 'set']);
/** Array methods that return a new array of the receiver's items. */
const RETURNING_ITEMS = new Set(['filter', 'slice', 'concat', 'toSorted', 'toReversed', 'toSpliced', 'with', 'flat', 'splice', 'values', 'keys', 'entries']);
/** Array methods that return one of the receiver's items. */
const RETURNING_ITEM = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
/** Array methods whose result holds only what their callback returns, or nothing of the receiver (a number, a boolean). */
const RETURNING_CALLBACK_RESULTS = new Set(['map', 'flatMap', 'forEach', 'some', 'every', 'findIndex', 'findLastIndex', 'indexOf', 'lastIndexOf', 'includes', 'join']);

/**
 * How `receiver.method(…)`'s result relates to the receiver; undefined when it
 * holds nothing of it. Unknown methods (and those of objects that are not
 * arrays, like a Map's `get`) are taken to return a part.
 */
function methodResult(method: string, receiver: Node): Relation | undefined {
  if (RETURNING_RECEIVER.has(method)) return 'same';
  if (!onlyKinds(kindsOf(receiver), 'array')) return 'part';
  if (RETURNING_ITEMS.has(method)) return 'container-of-part';
  if (RETURNING_ITEM.has(method)) return 'part';
  if (RETURNING_CALLBACK_RESULTS.has(method)) return undefined;
  return 'part';
}

/** How a call's result relates to what its callback returns; undefined when it keeps none of it (a predicate). */
function callbackResult(call: Node & import('ts-morph').CallExpression): Relation | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !onlyKinds(kindsOf(callee.getExpression()), 'array')) return 'any';
  const method = callee.getName();
  if (method === 'map') return 'container';
  // flatMap keeps the items of a returned array, and any other value as an item.
  if (method === 'flatMap') {
    const returned = callbackResultKinds(call.getArguments()[0] as import('ts-morph').Expression);
    if (onlyKinds(returned, 'array')) return 'container-of-part';
    if (!returned.has('array') && !returned.has('unknown')) return 'container';
  }
  if (['filter', 'find', 'findLast', 'findIndex', 'findLastIndex', 'some', 'every', 'forEach', 'sort', 'toSorted'].includes(method)) return undefined;
  return 'any';
}

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
  const all = aliasGroup(symbol, before, deep, scope);
  // Get-or-create then store back (`const acc = bySite[k] ?? {…}; acc.n++; bySite[k] = acc`): what is reached only
  // through the container's read is in step again after the write-back, so only a look between the two counts.
  const writeBack = findWriteBack(symbol, site, scope);
  const direct = writeBack ? aliasGroup(symbol, before.filter((r) => r.node !== writeBack.source), deep, scope) : all;
  const counts = (member: TsSymbol, node: Node) => !writeBack || direct.group.has(member) || writeBack.between(node);
  const escape = direct.escapes[0] ?? all.escapes.find((e) => counts(e.member, e.node));
  if (escape) return { node: escape.node, name: escape.name };
  for (const reference of references) {
    if (reference.symbol === symbol || !all.group.has(reference.symbol) || within(reference.node, site)) continue;
    if (!counts(reference.symbol, reference.node)) continue;
    if (reference.node.getStart() > site.getEnd() || sharesRepetition(reference.node, site, scope, reference.symbol)) return { node: reference.node, name: reference.node.getText() };
  }
  return undefined;
}

/** Where a member of an alias group goes where the analysis cannot follow (or is not the workflow's own). */
interface Escape {
  node: Node;
  name: string;
  member: TsSymbol;
}

/**
 * The variables that may hold the changed value `symbol` holds (or contain
 * it), through the links made by `before`, and the references through which a
 * member escapes the analysis.
 */
function aliasGroup(symbol: TsSymbol, before: Reference[], deep: boolean, scope: Node): { group: Map<TsSymbol, Holds>; escapes: Escape[] } {
  const group = new Map<TsSymbol, Holds>([[symbol, 'same']]);
  const escapes: Escape[] = [];
  const escaped = (escape: Escape) => {
    if (!escapes.some((e) => e.node === escape.node && e.name === escape.name)) escapes.push(escape);
  };
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
        if (group.has(reference.symbol)) escaped({ node: reference.node, name: reference.node.getText(), member: reference.symbol });
        continue;
      }
      for (const sink of sinks) {
        const relation = deep ? 'any' : sink.relation;
        const from = group.get(reference.symbol);
        const to = group.get(sink.symbol);
        const joined = [from && [sink.symbol, forward(from, relation)], to && [reference.symbol, backward(to, relation)]].filter(Boolean) as [TsSymbol, Holds | undefined][];
        for (const [member, holds] of joined) {
          if (holds === undefined || group.has(member) && (group.get(member) === holds || group.get(member) === 'any')) continue;
          if (!isLocal(member, scope)) {
            escaped({ node: reference.node, name: member.getName(), member: member === sink.symbol ? reference.symbol : sink.symbol });
            continue;
          }
          if (join(member, holds)) changed = true;
        }
      }
    }
  }
  return { group, escapes };
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

export interface Reference {
  node: Node;
  symbol: TsSymbol;
}

const referenceCache = new CheckerWeakMap<Node, Reference[]>();

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

/**
 * True when a `finally` block runs after `statement` (a `return` inside its
 * `try` or `catch`) and may change a value in place: JavaScript then returns
 * the changed object, while the compiled return already holds a copy. A
 * `finally` that only logs or awaits (a task's request is a copy) cannot.
 */
function finallyMayChange(statement: Node): boolean {
  // Asked for each reference a return holds, on every round of the alias fixpoint: once per statement is enough.
  let known = finallyChanges.get(statement);
  if (known === undefined) finallyChanges.set(statement, (known = finallyBlocksChange(statement)));
  return known;
}

const finallyChanges = new CheckerWeakMap<Node, boolean>();

function finallyBlocksChange(statement: Node): boolean {
  const blocks = statement
    .getAncestors()
    .flatMap((ancestor) => (Node.isTryStatement(ancestor) && ancestor.getFinallyBlock() && !statement.getAncestors().includes(ancestor.getFinallyBlock()!) ? [ancestor.getFinallyBlock()!] : []));
  return blocks.some((block) =>
    block.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => changesInPlace(identifier)) ||
    block.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => !Node.isAwaitExpression(call.getParent()) && !call.getExpression().getText().startsWith('console.')),
  );
}

/** True when `symbol` is a variable or parameter of `scope` (not a module-level value, which outlives a run). */
function isLocal(symbol: TsSymbol, scope: Node): boolean {
  const declaration = symbol.getDeclarations()[0];
  return declaration !== undefined && declaration.getAncestors().includes(scope);
}

export function within(node: Node, container: Node): boolean {
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
      relation = compose(relation, 'container');
      top = parent;
      continue;
    }
    if (Node.isSpreadAssignment(parent) || Node.isShorthandPropertyAssignment(parent) || (Node.isPropertyAssignment(parent) && parent.getInitializer() === top)) {
      // `{ ...v }` is a new object of v's fields: a container of its parts.
      relation = compose(Node.isSpreadAssignment(parent) ? compose(relation, 'part') : relation, 'container');
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
        const result = methodResult(top.getName(), receiver);
        if (primitive(parent) && !parent.getArguments().some((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a))) return sinks;
        const primitiveItems = onlyKinds(kindsOf(receiver), 'array') && onlyKinds(elementKinds(receiver.getType().getNonNullableType()), ...PRIMITIVE);
        for (const argument of parent.getArguments()) {
          if (!Node.isArrowFunction(argument) && !Node.isFunctionExpression(argument)) continue;
          const parameters = argument.getParameters();
          const items = ITEM_PAIRS.has(top.getName()) ? 2 : 1;
          if (!primitiveItems) parameters.slice(0, items).forEach((p) => to(bindingSymbols(p.getNameNode()), 'part'));
          // The callback's last parameter (`(x, i, all) => …`) is the receiver itself.
          const whole = parameters[items + 1];
          if (whole && onlyKinds(kindsOf(receiver), 'array')) to(bindingSymbols(whole.getNameNode()), 'same');
        }
        if (primitive(parent) || result === undefined || (primitiveItems && result !== 'same')) return sinks;
        relation = compose(relation, result);
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
      if (isWorkflowBody(fn)) return finallyMayChange(parent) ? 'unknown' : sinks;
      const call = fn.getParent();
      // A callback's result goes into its call's result: `map` keeps each one as an item, a predicate's is only tested.
      if (Node.isCallExpression(call) && call.getArguments().includes(fn as never)) {
        const kept = callbackResult(call);
        if (kept === undefined) return sinks;
        relation = compose(relation, kept);
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
