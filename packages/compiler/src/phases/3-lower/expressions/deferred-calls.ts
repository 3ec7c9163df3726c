import { Node, SyntaxKind, VariableDeclarationKind, type ArrowFunction, type FunctionExpression, type Identifier, type VariableDeclaration } from '../../../ts-morph.js';
import { isTaskCallee } from '../../1-discover/task-declarations.js';
import { isAssignmentTarget } from '../../2-analyze/index.js';
import { changesInPlace, unwrap } from './in-place.js';
import { CheckerWeakMap } from '../../../program/index.js';

/**
 * Functions kept in a list to be awaited later: a saga's undo list.
 *
 * ```ts
 * const undo: Array<() => Promise<unknown>> = [];
 * const flight = await bookFlight(trip);
 * undo.push(() => cancelFlight({ ref: flight.ref }));
 * …
 * for (const step of undo.reverse()) await step();
 * ```
 *
 * ASL variables hold data, not functions, so each kept function becomes a
 * record: which function it is, and the values it closes over
 * (`{"fn": 0, "env": {"flight": $flight}}`). Awaiting an item is a Choice on
 * `fn` whose branches inline each function's body, its closed-over names
 * bound from `env`. That keeps JavaScript's meaning as long as the values a
 * function closes over cannot change between the push and the call, so the
 * pattern is accepted only when:
 * - the list is a local initialized with `[]`, in the same function as its
 *   pushes and its loops, and is used only by `push`/`unshift` of function
 *   literals without parameters, `reverse()`, `slice().reverse()`,
 *   `[...list].reverse()`, `length` and `for…of` loops;
 * - the loops' variable is only called, as `await step()`;
 * - every closed-over local is a `const` (or a parameter never assigned)
 *   whose value is never changed in place.
 * Anything else keeps the functions as JSONata lambdas, where a task call is
 * reported (`task_in_function_value`).
 */
export interface DeferredFunction {
  /** The function literal pushed to the list. */
  fn: ArrowFunction | FunctionExpression;
  /** Its number within the list, the record's `fn`. */
  id: number;
  /** The locals it closes over: the record's `env` keys, with one reference each to read the value where it is pushed. */
  captured: { declaration: Node; key: string; reference: Identifier }[];
}

type FunctionLike = ArrowFunction | FunctionExpression | import('ts-morph').FunctionDeclaration;

const lists = new CheckerWeakMap<Node, DeferredFunction[] | null>();

/** The deferred function a function literal is, when it is pushed to a list that qualifies. */
export function deferredFunction(fn: Node): DeferredFunction | undefined {
  const list = listReceiving(fn);
  return list ? deferredList(list)?.find((deferred) => deferred.fn === fn) : undefined;
}

/**
 * The functions that an awaited `step()` may call: those of the list its
 * `for…of` walks, when the list qualifies.
 */
export function deferredTargets(callee: Node): DeferredFunction[] | undefined {
  if (!Node.isIdentifier(callee)) return undefined;
  const declaration = callee.getSymbol()?.getDeclarations()[0];
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  const loop = declaration.getParent()?.getParent();
  if (!loop || !Node.isForOfStatement(loop)) return undefined;
  const list = listOfIterable(loop.getExpression());
  return list ? (deferredList(list) ?? undefined) : undefined;
}

/** The list declaration of `xs.push(fn)` / `xs.unshift(fn)`. */
function listReceiving(fn: Node): VariableDeclaration | undefined {
  if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) return undefined;
  const call = fn.getParent();
  if (!Node.isCallExpression(call) || !call.getArguments().includes(fn)) return undefined;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !['push', 'unshift'].includes(callee.getName())) return undefined;
  return declarationOf(callee.getExpression());
}

/** `xs`, `xs.reverse()`, `xs.slice().reverse()` or `[...xs].reverse()`: the list walked. */
function listOfIterable(iterable: Node): VariableDeclaration | undefined {
  let node = unwrap(iterable);
  if (Node.isCallExpression(node) && node.getArguments().length === 0) {
    const callee = node.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'reverse') return undefined;
    node = unwrap(callee.getExpression());
    if (Node.isCallExpression(node) && node.getArguments().length === 0) {
      const inner = node.getExpression();
      if (!Node.isPropertyAccessExpression(inner) || inner.getName() !== 'slice') return undefined;
      node = unwrap(inner.getExpression());
    } else if (Node.isArrayLiteralExpression(node)) {
      const [only, ...rest] = node.getElements();
      if (!only || rest.length || !Node.isSpreadElement(only)) return undefined;
      node = unwrap(only.getExpression());
    }
  }
  return declarationOf(node);
}

function declarationOf(node: Node): VariableDeclaration | undefined {
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = node.getSymbol()?.getDeclarations()[0];
  return declaration && Node.isVariableDeclaration(declaration) ? declaration : undefined;
}

/** The kept functions of a list, or undefined when the list is used in a way the lowering does not follow. */
function deferredList(list: VariableDeclaration): DeferredFunction[] | undefined {
  if (!lists.has(list)) lists.set(list, analyzeList(list) ?? null);
  return lists.get(list) ?? undefined;
}

function analyzeList(list: VariableDeclaration): DeferredFunction[] | undefined {
  const initializer = list.getInitializer();
  if (!initializer || !Node.isArrayLiteralExpression(unwrap(initializer)) || (unwrap(initializer) as import('ts-morph').ArrayLiteralExpression).getElements().length > 0) return undefined;
  const home = homeOf(list);
  if (!home) return undefined;
  const symbol = list.getSymbol();
  const functions: (ArrowFunction | FunctionExpression)[] = [];
  for (const reference of home.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (reference === list.getNameNode() || reference.getSymbol() !== symbol) continue;
    if (homeOf(reference) !== home) return undefined;
    const use = useOf(reference);
    if (use === undefined) return undefined;
    functions.push(...use);
  }
  if (functions.length === 0) return undefined;
  const deferred: DeferredFunction[] = [];
  for (const fn of functions) {
    const captured = capturedBy(fn, home);
    if (!captured) return undefined;
    deferred.push({ fn, id: deferred.length, captured });
  }
  return deferred;
}

/** One reference to the list: the functions it pushes ([] for other accepted uses), or undefined for a use not followed. */
function useOf(reference: Identifier): (ArrowFunction | FunctionExpression)[] | undefined {
  const parent = reference.getParent();
  if (Node.isForOfStatement(parent) && parent.getExpression() === reference) return loopOnlyCalls(parent) ? [] : undefined;
  if (Node.isSpreadElement(parent)) {
    const literal = parent.getParent();
    const access = literal?.getParent();
    const call = access?.getParent();
    const loop = call?.getParent();
    if (Node.isPropertyAccessExpression(access) && access.getName() === 'reverse' && Node.isCallExpression(call) && Node.isForOfStatement(loop) && loop.getExpression() === call) {
      return loopOnlyCalls(loop) ? [] : undefined;
    }
    return undefined;
  }
  if (!Node.isPropertyAccessExpression(parent) || parent.getExpression() !== reference) return undefined;
  const name = parent.getName();
  if (name === 'length') return changesInPlace(reference) || isAssignmentTarget(parent) ? undefined : [];
  const call = parent.getParent();
  if (!Node.isCallExpression(call) || call.getExpression() !== parent) return undefined;
  if (name === 'push' || name === 'unshift') {
    if (!Node.isExpressionStatement(call.getParent())) return undefined;
    const pushed = call.getArguments();
    return pushed.every((argument) => (Node.isArrowFunction(argument) || Node.isFunctionExpression(argument)) && argument.getParameters().length === 0 && callsTask(argument))
      ? (pushed as (ArrowFunction | FunctionExpression)[])
      : undefined;
  }
  const walked = call.getParent();
  if (name === 'reverse' && call.getArguments().length === 0) {
    if (Node.isExpressionStatement(walked)) return [];
    return Node.isForOfStatement(walked) && walked.getExpression() === call && loopOnlyCalls(walked) ? [] : undefined;
  }
  if (name === 'slice' && call.getArguments().length === 0 && Node.isPropertyAccessExpression(walked) && walked.getName() === 'reverse') {
    const reversed = walked.getParent();
    const loop = reversed?.getParent();
    return Node.isCallExpression(reversed) && Node.isForOfStatement(loop) && loop.getExpression() === reversed && loopOnlyCalls(loop) ? [] : undefined;
  }
  return undefined;
}

/** `for (const step of …) … await step() …` where the loop's variable is used only that way. */
function loopOnlyCalls(loop: import('ts-morph').ForOfStatement): boolean {
  const initializer = loop.getInitializer();
  if (!Node.isVariableDeclarationList(initializer) || initializer.getDeclarationKind() !== VariableDeclarationKind.Const) return false;
  const [declaration] = initializer.getDeclarations();
  if (!declaration || !Node.isIdentifier(declaration.getNameNode())) return false;
  const symbol = declaration.getSymbol();
  const uses = loop.getStatement().getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier.getSymbol() === symbol);
  return uses.length > 0 && uses.every((use) => {
    const call = use.getParent();
    return Node.isCallExpression(call) && call.getExpression() === use && call.getArguments().length === 0 && Node.isAwaitExpression(call.getParent()) && homeOf(use) === homeOf(loop);
  });
}

function callsTask(fn: Node): boolean {
  return fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => isTaskCallee(call.getExpression()));
}

/**
 * The locals of `home` that `fn` reads, each with a reference to read it by;
 * undefined when one of them may change after the push (a `let`, an assigned
 * parameter, a value changed in place) or is a function.
 */
function capturedBy(fn: ArrowFunction | FunctionExpression, home: FunctionLike): DeferredFunction['captured'] | undefined {
  const captured: DeferredFunction['captured'] = [];
  const keys = new Set<string>();
  for (const { reference, declaration } of closedOver(fn, home)) {
    if (captured.some((entry) => entry.declaration === declaration)) continue;
    if (!neverChanges(declaration, home)) return undefined;
    let key = reference.getText();
    for (let n = 2; keys.has(key); n++) key = `${reference.getText()}_${n}`;
    keys.add(key);
    captured.push({ declaration, key, reference });
  }
  return captured;
}

/**
 * Each read in `fn` of a local of `home` declared outside `fn`, with its
 * declaration: what `fn` closes over. Type positions and property names are
 * left out.
 *
 * @example
 * closedOver(`() => cancelFlight({ ref: flight.ref })`, body) // [{ reference: `flight`, declaration: `flight = …` }]
 */
export function closedOver(fn: Node, home: Node): Array<{ reference: Identifier; declaration: Node }> {
  const out: Array<{ reference: Identifier; declaration: Node }> = [];
  for (const reference of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (reference.getFirstAncestor((ancestor) => Node.isTypeNode(ancestor))) continue;
    const parent = reference.getParent();
    if ((Node.isPropertyAccessExpression(parent) && parent.getNameNode() === reference) || (Node.isPropertyAssignment(parent) && parent.getNameNode() === reference)) continue;
    const symbol = Node.isShorthandPropertyAssignment(parent) ? parent.getValueSymbol() : reference.getSymbol();
    const declaration = symbol?.getDeclarations()[0];
    if (declaration && !declaration.getAncestors().includes(fn) && declaration.getAncestors().includes(home)) out.push({ reference, declaration });
  }
  return out;
}

/** A `const` (or a parameter, or a `for…of`/`catch` binding never assigned) whose value is never changed in place. */
export function neverChanges(declaration: Node, home: Node): boolean {
  const variable = Node.isBindingElement(declaration) ? declaration.getFirstAncestor((ancestor) => Node.isVariableDeclaration(ancestor) || Node.isParameterDeclaration(ancestor)) : declaration;
  if (!variable) return false;
  if (Node.isVariableDeclaration(variable)) {
    const list = variable.getParent();
    const constant = Node.isVariableDeclarationList(list) && list.getDeclarationKind() === VariableDeclarationKind.Const;
    if (!constant) return false;
    const initializer = variable.getInitializer();
    if (initializer && (Node.isArrowFunction(unwrap(initializer)) || Node.isFunctionExpression(unwrap(initializer)))) return false;
  } else if (!Node.isParameterDeclaration(variable)) return false;
  const symbol = (declaration as Node & { getSymbol(): unknown }).getSymbol?.();
  return home.getDescendantsOfKind(SyntaxKind.Identifier).every((reference) => reference.getSymbol() !== symbol || (!changesInPlace(reference) && !isAssignmentTarget(reference)));
}

/** The function whose body holds `node` directly (not through a nested function). */
function homeOf(node: Node): FunctionLike | undefined {
  return node.getFirstAncestor((ancestor) => Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor) || Node.isFunctionDeclaration(ancestor)) as FunctionLike | undefined;
}

/** The record a kept function is lowered to, given the text of each closed-over value. */
export function deferredRecord(deferred: DeferredFunction, value: (reference: Identifier) => string): string {
  const env = deferred.captured.map((entry) => `${JSON.stringify(entry.key)}: ${value(entry.reference)}`);
  return `{"fn": ${deferred.id}, "env": {${env.join(', ')}}}`;
}

