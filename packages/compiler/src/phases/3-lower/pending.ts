import { Node, SyntaxKind, type Statement } from 'ts-morph';
import type { DiagnosticCollector } from '../../diagnostics/index.js';
import type { VariableNames } from '../2-analyze/index.js';
import { lowerPureStatements, type ExpressionScope } from './expressions/index.js';
import { enclosed } from './expressions/text.js';

/**
 * Work that costs no state, waiting for a state to carry it: an await-free
 * run of statements, or a binding the compiler makes itself (a parameter, a
 * `for…of` item, a task's result).
 */
export type PendingItem =
  | { kind: 'statements'; statements: Statement[] }
  | { kind: 'bind'; variable: string; value: (read: Reader) => string };

/** The JSONata text that reads a variable's current value. */
export type Reader = (variable: string) => string;

/** Reads variables from a map of values over entry values, else as the variable itself. */
export function readerOf(values: ReadonlyMap<string, string>, overrides?: ReadonlyMap<string, Override>): Reader {
  const read: Reader = (variable) => {
    const override = overrides?.get(variable);
    if (typeof override === 'function') return override(read);
    if (override !== undefined) return override;
    const value = values.get(variable);
    return value === undefined ? `$${variable}` : enclosed(value);
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
    const read = readerOf(values, overrides);
    if (item.kind === 'bind') {
      values.set(item.variable, item.value(read));
      continue;
    }
    const assigned = assignedVariables(item.statements, names);
    if (assigned.size === 0) continue;
    const result = lowerPureStatements(item.statements, scopeOf(read, names, diagnostics), [...assigned.keys()]);
    const functions = functionVariables(item.statements, names);
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

/** Array methods that change their receiver. */
const MUTATORS = new Set(['push', 'unshift', 'pop', 'shift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

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
      // `let x;` leaves x undefined, which an Assign cannot hold: it is carried only once the run assigns it.
      for (const declaration of statement.getDeclarations()) if (declaration.getInitializer()) collectBindings(declaration, names, out);
    }
    statement.forEachDescendant((node) => {
      let target: Node | undefined;
      if (Node.isBinaryExpression(node)) {
        const kind = node.getOperatorToken().getKind();
        if (kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment) target = node.getLeft();
      } else if (Node.isCallExpression(node) && Node.isPropertyAccessExpression(node.getExpression()) && MUTATORS.has(node.getExpression().getLastChildOrThrow().getText())) {
        // `xs.push(x)` changes `xs`: the run's new value of `xs` must be carried too.
        target = (node.getExpression() as unknown as { getExpression(): Node }).getExpression();
      } else if (Node.isPrefixUnaryExpression(node) || Node.isPostfixUnaryExpression(node)) {
        const kind = node.getOperatorToken();
        if (kind === SyntaxKind.PlusPlusToken || kind === SyntaxKind.MinusMinusToken) target = node.getOperand();
      }
      while (target && (Node.isPropertyAccessExpression(target) || Node.isElementAccessExpression(target))) target = target.getExpression();
      if (!target || !Node.isIdentifier(target)) return;
      const declaration = target.getSymbol()?.getDeclarations()[0];
      if (!declaration) return;
      const variable = names.of(declaration);
      if (variable === undefined) return;
      const topLevel = statements.some((statement) => Node.isVariableStatement(statement) && declaration.getAncestors().includes(statement));
      if (inside(declaration) && !topLevel) return;
      out.set(target.getText(), variable);
    });
  }
  return out;
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
    else for (const variable of assignedVariables(item.statements, names).values()) out.add(variable);
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
