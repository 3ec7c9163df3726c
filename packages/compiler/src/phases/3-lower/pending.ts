import { Node, SyntaxKind, type Statement } from '../../ts-morph.js';
import type { DiagnosticCollector } from '../../diagnostics/index.js';
import type { VariableNames } from '../2-analyze/index.js';
import { changesInPlace, lookupTableOf, lowerPureStatements, type ExpressionScope } from './expressions/index.js';
import { enclosed } from './expressions/text.js';
import { CheckerWeakMap } from '../../program/index.js';

/**
 * Work that costs no state, waiting for a state to carry it: an await-free
 * run of statements, or a binding the compiler makes itself (a parameter, a
 * `for…of` item, a task's result).
 */
export type PendingItem =
  /** `names` resolves the run's declarations: the frame of an inlined helper call, else the workflow's. */
  | { kind: 'statements'; statements: Statement[]; names?: VariableNames }
  | { kind: 'bind'; variable: string; value: (read: Reader) => string };

/** The JSONata text that reads a variable's current value. */
export type Reader = (variable: string) => string;

/**
 * Reads variables from a map of values over entry values, else as the
 * variable itself: `$x`, or `$x.v` for a variable stored boxed because it may
 * hold `undefined` (`VariableNames.box`; emit writes the box).
 */
export function readerOf(values: ReadonlyMap<string, string>, boxed: ReadonlySet<string>, overrides?: ReadonlyMap<string, Override>): Reader {
  const read: Reader = (variable) => {
    const override = overrides?.get(variable);
    if (typeof override === 'function') return override(read);
    if (override !== undefined) return override;
    const value = values.get(variable);
    if (value !== undefined) return enclosed(value);
    return boxed.has(variable) ? `$${variable}.v` : `$${variable}`;
  };
  return read;
}

/** How a variable that is not stored is read: fixed text, or text over other variables (read as they are at that point). */
export type Override = string | ((read: Reader) => string);

/** An {@link ExpressionScope} over a reader: names resolve to their declaration's variable. */
export function scopeOf(read: Reader, names: VariableNames, diagnostics: DiagnosticCollector): ExpressionScope {
  return {
    diagnostics,
    lookup(name: string, node: Node) {
      const variable = names.ofNameAt(name, node);
      return variable === undefined ? undefined : read(variable);
    },
    hoisted(node: Node) {
      const variable = names.ofHoisted(node);
      return variable === undefined ? undefined : read(variable);
    },
  };
}

/**
 * Applies pending items, in order, to `values` (variable → JSONata over the
 * entry values of the state that will carry them) and returns the new map:
 * every entry stays self-contained over the entry values, as Assign needs.
 *
 * @example
 * applyPending([{ kind: 'statements', statements: [`const y = x + 1;`] }], new Map(), …) // Map { y → '($x + 1)' }
 */
export function applyPending(items: readonly PendingItem[], base: ReadonlyMap<string, string>, names: VariableNames, diagnostics: DiagnosticCollector, overrides?: ReadonlyMap<string, Override>): Map<string, string> {
  const values = new Map(base);
  for (const item of items) {
    const read = readerOf(values, names.boxed, overrides);
    if (item.kind === 'bind') {
      values.set(item.variable, item.value(read));
      continue;
    }
    const itemNames = item.names ?? names;
    const assigned = assignedVariables(item.statements, itemNames);
    // A run that assigns nothing (`check(order);`, `console.log(x);`) is still checked: its problems are reported.
    const result = lowerPureStatements(item.statements, scopeOf(read, itemNames, diagnostics), [...assigned.keys()]);
    const functions = functionVariables(item.statements, itemNames);
    for (const [tsName, variable] of assigned) {
      const value = result[tsName];
      if (value === undefined) continue;
      // A function cannot be stored in an ASL variable: reads of it get the function itself.
      if (functions.has(variable) && overrides instanceof Map) overrides.set(variable, enclosed(value));
      else values.set(variable, value);
    }
  }
  return values;
}

/**
 * The variables a run of statements leaves changed, by their TypeScript
 * name: its own top-level declarations and every outer variable it assigns.
 * Locals of inner blocks die with the block and are left out.
 */
export function assignedVariables(statements: readonly Statement[], names: VariableNames): Map<string, string> {
  const out = new Map<string, string>();
  const inside = (node: Node) => statements.some((statement) => node === statement || node.getAncestors().includes(statement));
  for (const statement of statements) {
    if (Node.isVariableStatement(statement)) {
      // `let x;` sets x to undefined, which only a boxed variable can hold (an unboxed one is never read before it is assigned).
      for (const declaration of statement.getDeclarations()) {
        // A table of tasks holds no value: calls through it are Choices (`lookup-tables.ts`).
        if (lookupTableOf(declaration)) continue;
        const variable = names.of(declaration);
        if (declaration.getInitializer() || (variable !== undefined && names.boxed.has(variable))) collectBindings(declaration, names, out);
      }
    }
    for (const leaf of writtenLeaves(statement)) record(leaf);
  }
  return out;

  function record(leaf: Node): void {
    let target: Node | undefined = leaf;
    while (target && (Node.isPropertyAccessExpression(target) || Node.isElementAccessExpression(target) || Node.isParenthesizedExpression(target) || Node.isNonNullExpression(target))) target = target.getExpression();
    if (!target || !Node.isIdentifier(target)) return;
    // `({ a } = v)`: the name's own symbol is the property's; the variable is its value symbol.
    const parent = target.getParent();
    const symbol = Node.isShorthandPropertyAssignment(parent) ? parent.getValueSymbol() : target.getSymbol();
    const declaration = symbol?.getDeclarations()[0];
    if (!declaration) return;
    const variable = names.of(declaration);
    if (variable === undefined) return;
    const topLevel = statements.some((statement) => Node.isVariableStatement(statement) && declaration.getAncestors().includes(statement));
    if (inside(declaration) && !topLevel) return;
    out.set(target.getText(), variable);
  }
}

/** `writtenLeaves` per statement (and checker: what changes in place depends on types): a run's statements are asked again for each run around them. */
const leavesWritten = new CheckerWeakMap<Node, readonly Node[]>();

/** Every place a statement writes to: assignment targets (each leaf of a destructuring), `++`/`--` operands, and roots changed in place. */
function writtenLeaves(statement: Statement): readonly Node[] {
  return leavesWritten.memo(statement, () => collectWrittenLeaves(statement));
}

function collectWrittenLeaves(statement: Statement): Node[] {
  const out: Node[] = [];
  statement.forEachDescendant((node) => {
    let target: Node | undefined;
    if (Node.isBinaryExpression(node)) {
      const kind = node.getOperatorToken().getKind();
      if (kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment) target = node.getLeft();
    } else if (Node.isIdentifier(node) && changesInPlace(node)) {
      // `xs.push(x)`, `delete o.k`, `Object.assign(o, …)` change the variable: its new value must be carried too.
      target = node;
    } else if (Node.isPrefixUnaryExpression(node) || Node.isPostfixUnaryExpression(node)) {
      const kind = node.getOperatorToken();
      if (kind === SyntaxKind.PlusPlusToken || kind === SyntaxKind.MinusMinusToken) target = node.getOperand();
    }
    if (target) out.push(...assignedLeaves(target));
  });
  return out;
}

/** What an assignment's left side assigns: itself, or each target of a destructuring pattern (`({ a, b: [c] } = v)`). */
function assignedLeaves(left: Node): Node[] {
  if (Node.isParenthesizedExpression(left)) return assignedLeaves(left.getExpression());
  if (Node.isArrayLiteralExpression(left)) return left.getElements().flatMap((element) => assignedLeaves(element));
  if (Node.isObjectLiteralExpression(left)) {
    return left.getProperties().flatMap((property) => {
      if (Node.isShorthandPropertyAssignment(property)) return [property.getNameNode()];
      if (Node.isPropertyAssignment(property)) return assignedLeaves(property.getInitializerOrThrow());
      if (Node.isSpreadAssignment(property)) return assignedLeaves(property.getExpression());
      return [];
    });
  }
  if (Node.isSpreadElement(left)) return assignedLeaves(left.getExpression());
  // A default (`[x = 1] = …`, `{ a: b = 2 } = …`) assigns its left side.
  if (Node.isBinaryExpression(left) && left.getOperatorToken().getKind() === SyntaxKind.EqualsToken) return assignedLeaves(left.getLeft());
  return [left];
}

function collectBindings(declaration: Node, names: VariableNames, out: Map<string, string>): void {
  const nameNode = Node.isVariableDeclaration(declaration) || Node.isBindingElement(declaration) ? declaration.getNameNode() : undefined;
  if (!nameNode) return;
  if (Node.isIdentifier(nameNode)) {
    const variable = names.of(declaration);
    if (variable !== undefined) out.set(nameNode.getText(), variable);
    return;
  }
  if (Node.isObjectBindingPattern(nameNode) || Node.isArrayBindingPattern(nameNode)) {
    for (const element of nameNode.getElements()) if (Node.isBindingElement(element)) collectBindings(element, names, out);
  }
}

/** The variables pending work sets (for naming the Pass that carries it). */
export function pendingVariables(items: readonly PendingItem[], names: VariableNames): string[] {
  const out = new Set<string>();
  for (const item of items) {
    if (item.kind === 'bind') out.add(item.variable);
    else for (const variable of assignedVariables(item.statements, item.names ?? names).values()) out.add(variable);
  }
  return [...out];
}

/** Variables a run declares with a `const` function value (arrow functions, function expressions). */
function functionVariables(statements: readonly Statement[], names: VariableNames): Set<string> {
  const out = new Set<string>();
  for (const statement of statements) {
    if (!Node.isVariableStatement(statement) || statement.getDeclarationKind() !== 'const') continue;
    for (const declaration of statement.getDeclarations()) {
      const variable = names.of(declaration);
      if (variable !== undefined && declaration.getType().getCallSignatures().length > 0) out.add(variable);
    }
  }
  return out;
}
