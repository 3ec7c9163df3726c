import { Node, SyntaxKind, ts, type ArrowFunction, type CompilerNode, type FunctionDeclaration, type FunctionExpression, type VariableDeclaration } from '../../ts-morph.js';
import type { DiagnosticCollector } from '../../diagnostics/index.js';
// Two leaf predicates of the expression lowering, imported by file: its index loads the whole lowering, which imports this phase.
import { isFoldedCallback } from '../3-lower/expressions/folded-callbacks.js';
import { changesInPlace } from '../3-lower/expressions/in-place.js';
import { dslNameOf } from '../1-discover/index.js';
import { mayBeUndefined, readsThroughIndex } from './may-be-undefined.js';


/** ASL variable names: letters, digits and underscores, not starting with a digit. */
const ASL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Names a variable cannot take: `$states`, and JSONata's and AWS's functions —
 * an ASL variable `$count` would hide `$count()` in every expression that
 * reads it.
 */
const RESERVED = new Set([
  'states',
  // JSONata's functions
  'sum', 'count', 'max', 'min', 'average', 'string', 'substring', 'substringBefore', 'substringAfter', 'lowercase', 'uppercase',
  'length', 'trim', 'pad', 'contains', 'split', 'join', 'match', 'replace', 'now', 'millis', 'fromMillis', 'toMillis',
  'formatNumber', 'formatBase', 'formatInteger', 'parseInteger', 'number', 'abs', 'floor', 'ceil', 'round', 'power', 'sqrt',
  'random', 'boolean', 'not', 'exists', 'keys', 'lookup', 'spread', 'merge', 'sift', 'each', 'error', 'assert', 'type',
  'append', 'sort', 'reverse', 'shuffle', 'distinct', 'zip', 'map', 'filter', 'single', 'reduce', 'base64encode',
  'base64decode', 'encodeUrlComponent', 'encodeUrl', 'decodeUrlComponent', 'decodeUrl', 'eval', 'clone',
  // Step Functions' own
  'partition', 'range', 'hash', 'uuid', 'parse',
]);

/**
 * The ASL variable of every local of one workflow body. Each TypeScript
 * declaration gets its own variable: a name declared twice (shadowing, two
 * loops' `i`, a Map iteration's locals) gets a numbered suffix, so a Map
 * iteration never assigns a name an outer scope owns (AWS rejects that).
 *
 * @example
 * names.of(declarationOfX) // 'x'; a second `x` in an inner block: 'x_2'
 */
export class VariableNames {
  private readonly byDeclaration = new Map<Node, string>();
  private readonly byCompilerNode = new Map<CompilerNode, string>();
  private readonly hoisted = new Map<Node, string>();
  private readonly taken: Set<string>;

  /**
   * `parent` makes a frame: the locals of one inlined call of an async
   * helper get names of their own (`qty_2` on the second call), and every
   * other declaration resolves through the parent.
   */
  constructor(private readonly parent?: VariableNames) {
    this.taken = parent ? parent.taken : new Set();
    // Names are unique across frames, so one set of boxed variables serves them all.
    this.boxed = parent ? parent.boxed : new Set();
  }

  /** A frame for one inlined call: its declarations shadow this one's. */
  frame(): VariableNames {
    return new VariableNames(this);
  }

  /** Variables stored boxed (see {@link box}). */
  readonly boxed: Set<string>;

  /**
   * Stores `variable` boxed, as `{"v": value}`, because it may hold
   * `undefined`: an Assign whose value evaluates to nothing fails the state,
   * while an object constructor just leaves the key out. Reads are `$x.v`.
   */
  box(variable: string): void {
    this.boxed.add(variable);
  }

  /** The variable of a declaration (VariableDeclaration, BindingElement, ParameterDeclaration). */
  of(declaration: Node): string | undefined {
    return this.byDeclaration.get(declaration) ?? this.parent?.of(declaration);
  }

  /**
   * The variable holding the value of a sub-expression that was evaluated
   * by states of its own before the rest of its expression (an `await`, or a
   * `&&`/`??`/`? :` whose awaiting operand runs only when JavaScript runs it).
   */
  ofHoisted(node: Node): string | undefined {
    return this.hoisted.get(node) ?? this.parent?.ofHoisted(node);
  }

  /**
   * Gives a sub-expression a variable of its own (see {@link ofHoisted}).
   * Code lowered once per path (a `finally` block) keeps the same variable:
   * each path sets it before reading it, and a reading closure applied late
   * still finds it.
   */
  hoist(node: Node, base: string): string {
    const known = this.hoisted.get(node);
    if (known !== undefined) return known;
    const name = this.fresh(base);
    this.hoisted.set(node, name);
    return name;
  }

  /** Reads a sub-expression's value from an existing variable (`xs.reverse()` is `xs` once the change ran). */
  hoistAs(node: Node, variable: string): void {
    this.hoisted.set(node, variable);
  }

  /** The variable a reference (an identifier) reads, through the type checker's symbol. */
  ofReference(node: Node): string | undefined {
    const parent = node.getParent();
    // In `{ chargeId }` the name's own symbol is the property; the variable is the shorthand's value symbol.
    const shorthand = Node.isShorthandPropertyAssignment(node) ? node : parent && Node.isShorthandPropertyAssignment(parent) && parent.getNameNode() === node ? parent : undefined;
    const symbol = shorthand ? shorthand.getValueSymbol() : node.getSymbol();
    for (const declaration of symbol?.getDeclarations() ?? []) {
      const name = this.of(declaration);
      if (name !== undefined) return name;
    }
    return undefined;
  }

  /** The variable that `name` means where `node` stands (a name read from a statement, not an identifier). */
  ofNameAt(name: string, node: Node): string | undefined {
    if (Node.isIdentifier(node) && node.getText() === name) return this.ofReference(node);
    const checker = node.getProject().getTypeChecker().compilerObject;
    const symbol = checker.getSymbolsInScope(node.compilerNode, ts.SymbolFlags.Variable).find((candidate) => candidate.getName() === name);
    for (const declaration of symbol?.getDeclarations() ?? []) {
      const variable = this.ofCompilerNode(declaration);
      if (variable !== undefined) return variable;
    }
    return undefined;
  }

  private ofCompilerNode(declaration: CompilerNode): string | undefined {
    return this.byCompilerNode.get(declaration) ?? this.parent?.ofCompilerNode(declaration);
  }

  /** Registers a declaration under a unique variable name derived from `base`. */
  declare(declaration: Node, base: string): string {
    const name = this.fresh(base);
    this.byDeclaration.set(declaration, name);
    this.byCompilerNode.set(declaration.compilerNode, name);
    return name;
  }

  /** A variable name no declaration uses, for the compiler's own bookkeeping (loop indexes, saved errors). */
  fresh(base: string): string {
    // `__js_…` and `__…` names belong to the expression lowering's helpers.
    let name = base.startsWith('__') ? `v${base}` : base;
    base = name;
    for (let n = 2; this.taken.has(name) || RESERVED.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}

/**
 * Names every local of `body`: its parameter, `const`/`let` declarations
 * (with destructuring), `catch` variables, `for…of` variables and the
 * parameters of nested callbacks (Map iterations). Reports names ASL cannot
 * spell.
 *
 * @example
 * const names = nameVariables(workflow.body, diagnostics);
 */
export function nameVariables(body: ArrowFunction | FunctionExpression | FunctionDeclaration, diagnostics: DiagnosticCollector, names = new VariableNames()): VariableNames {
  const visit = (declaration: Node, nameNode: Node) => {
    if (Node.isIdentifier(nameNode)) {
      const text = nameNode.getText();
      if (!ASL_NAME.test(text)) diagnostics.report('variable_name_unsupported', nameNode, { name: text });
      const variable = names.declare(declaration, ASL_NAME.test(text) ? text : 'v');
      if (mayHoldUndefined(declaration)) names.box(variable);
    } else if (Node.isObjectBindingPattern(nameNode) || Node.isArrayBindingPattern(nameNode)) {
      for (const element of nameNode.getElements()) {
        if (Node.isBindingElement(element)) visit(element, element.getNameNode());
      }
    }
  };
  for (const parameter of body.getParameters()) visit(parameter, parameter.getNameNode());
  // Declarations in source order (a name goes to the first one that asks): the two kinds' lists merged by position.
  const declarations = [...body.getDescendantsOfKind(SyntaxKind.VariableDeclaration), ...body.getDescendantsOfKind(SyntaxKind.Parameter)];
  declarations.sort((a, b) => a.getPos() - b.getPos() || b.getEnd() - a.getEnd());
  for (const node of declarations) {
    if (Node.isVariableDeclaration(node)) visit(node, node.getNameNode());
    else if (node.getParent() !== body) visit(node, node.getNameNode());
  }
  boxIndexReads(body, names);
  return names;
}

/**
 * True for a declaration whose variable may hold `undefined`: by its type, or
 * because its initializer reads through an index. A `catch` variable always
 * receives the compiler's error object.
 */
function mayHoldUndefined(declaration: Node): boolean {
  if (Node.isCatchClause(declaration.getParent())) return false;
  if ((Node.isVariableDeclaration(declaration) || Node.isBindingElement(declaration)) && readsThroughIndex(declaration.getInitializer())) return true;
  if (Node.isVariableDeclaration(declaration) && !declaration.getInitializer() && !declaration.getTypeNode()) return readsMayBeUndefined(declaration);
  return mayBeUndefined(declaration.getType());
}

/**
 * For `let x;` (whose declared type is `any`, narrowed at each use): true
 * when a read of it may see `undefined`. `let label; if (c) label = 'a'; else
 * label = 'b'; f(label)` never does, so `label` needs no box.
 */
function readsMayBeUndefined(declaration: VariableDeclaration): boolean {
  const symbol = declaration.getSymbol();
  const scope = declaration.getFirstAncestor((node) => Node.isBlock(node) || Node.isSourceFile(node) || Node.isFunctionLikeDeclaration(node)) ?? declaration.getSourceFile();
  return scope.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => {
    if (identifier === declaration.getNameNode() || identifier.getSymbol() !== symbol) return false;
    const parent = identifier.getParent();
    if (Node.isBinaryExpression(parent) && parent.getLeft() === identifier && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) return false;
    return mayBeUndefined(identifier.getType());
  });
}

/** Boxes the variables assigned a read through an index (`x = xs[i]`), which may be undefined whatever `x`'s type says. */
function boxIndexReads(body: Node, names: VariableNames): void {
  for (const node of body.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (node.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const target = node.getLeft();
    if (!Node.isIdentifier(target) || !readsThroughIndex(node.getRight())) continue;
    const variable = names.ofReference(target);
    if (variable !== undefined) names.box(variable);
  }
}

/**
 * Reports assignments, inside a nested function (a Map iteration or a
 * callback), to a variable declared outside it: each Map iteration has its own
 * variable scope in ASL, and any other function is a JSONata lambda, which
 * cannot change the variables around it either. The synchronous callbacks of
 * forEach and of the folded array methods (filter, map, some…) are lowered as
 * loops of the run around them, which may.
 */
export function reportOuterAssignments(body: ArrowFunction | FunctionExpression | FunctionDeclaration, names: VariableNames, diagnostics: DiagnosticCollector): void {
  for (const inner of [...body.getDescendantsOfKind(SyntaxKind.ArrowFunction), ...body.getDescendantsOfKind(SyntaxKind.FunctionExpression)]) {
    if (isFoldedCallback(inner)) continue;
    const code = isMapIteration(inner) ? 'outer_variable_assigned' : 'function_outer_variable_assigned';
    inner.forEachDescendant((node) => {
      let target: Node | undefined;
      if (Node.isBinaryExpression(node) && isAssignmentOperator(node.getOperatorToken().getKind())) target = node.getLeft();
      else if ((Node.isPrefixUnaryExpression(node) || Node.isPostfixUnaryExpression(node)) && isIncrement(node.getOperatorToken())) target = node.getOperand();
      else if (Node.isIdentifier(node) && changesInPlace(node)) target = node;
      if (!target || !Node.isIdentifier(target)) return;
      const declaration = target.getSymbol()?.getDeclarations()[0];
      if (!declaration || names.of(declaration) === undefined) return;
      if (declaration.getAncestors().includes(inner)) return;
      diagnostics.report(code, target, { name: target.getText() });
    });
  }
}

/** `map(items, async (item) => …)`, or the callback of `xs.map(…)` inside `Promise.all(…)`: a Map state's iteration. */
function isMapIteration(fn: ArrowFunction | FunctionExpression): boolean {
  const call = fn.getParent();
  if (!Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  if (dslNameOf(callee) === 'map') return true;
  const outer = call.getParent();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'map' && Node.isCallExpression(outer) && outer.getExpression().getText() === 'Promise.all';
}

/**
 * True when `reference` (through parentheses) is what `=`, `+=`, `++`…
 * assigns: `n = 2`, `(n) += 1`, `n++`.
 */
export function isAssignmentTarget(reference: Node): boolean {
  let top = reference;
  while (Node.isParenthesizedExpression(top.getParent())) top = top.getParent()!;
  const parent = top.getParent();
  if (Node.isBinaryExpression(parent) && parent.getLeft() === top) return isAssignmentOperator(parent.getOperatorToken().getKind());
  return (Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) && isIncrement(parent.getOperatorToken());
}

function isAssignmentOperator(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
}

function isIncrement(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.PlusPlusToken || kind === SyntaxKind.MinusMinusToken;
}
