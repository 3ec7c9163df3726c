import { Node, SyntaxKind, VariableDeclarationKind, type ArrowFunction, type FunctionDeclaration, type FunctionExpression } from '../../ts-morph.js';
import type { DiagnosticCollector } from '../../diagnostics/index.js';
import { isAssignmentTarget } from './variable-names.js';

/**
 * Reports a local function, kept to be called later (`const f = () => n * 10`,
 * `function f() { … }`), that reads a `let` of the workflow which is assigned
 * again outside the function. Compiled, the function is a JSONata lambda over
 * the values its variables had where it was made (each assignment binds a new
 * value), so it would go on reading the old `n` where JavaScript reads the
 * variable. Callbacks written inline (`xs.map((x) => x * n)`) run at once and
 * are not concerned.
 *
 * @example
 * // let n = 1; const f = () => n * 10; n = 2; f()  → closure_reads_reassigned at `n` in `f`
 */
export function reportStaleClosures(body: ArrowFunction | FunctionExpression | FunctionDeclaration, diagnostics: DiagnosticCollector): void {
  for (const fn of keptFunctions(body)) {
    // An async one is inlined at its calls, reading the variables there; lowering checks what it closes over.
    if (fn.isAsync()) continue;
    const reported = new Set<Node>();
    for (const reference of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
      const declaration = reference.getSymbol()?.getDeclarations()[0];
      if (!declaration || !Node.isVariableDeclaration(declaration) || reported.has(declaration)) continue;
      // `typeof n` in a type annotation reads the type, not the value.
      if (reference.getFirstAncestor((ancestor) => Node.isTypeNode(ancestor))) continue;
      if (declaration.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Let) continue;
      if (declaration.getAncestors().includes(fn) || !declaration.getAncestors().includes(body)) continue;
      if (!assignedOutside(declaration, fn, body)) continue;
      reported.add(declaration);
      diagnostics.report('closure_reads_reassigned', reference, { name: reference.getText(), fn: nameOf(fn) });
    }
  }
}

/** Functions of the body stored under a name: `const f = (…) => …`, `function f() {}`. */
function keptFunctions(body: Node): Array<ArrowFunction | FunctionExpression | FunctionDeclaration> {
  const out: Array<ArrowFunction | FunctionExpression | FunctionDeclaration> = [...body.getDescendantsOfKind(SyntaxKind.FunctionDeclaration)];
  for (const declaration of body.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    const initializer = declaration.getInitializer();
    if (initializer && (Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer))) out.push(initializer);
  }
  return out;
}

/**
 * True when the variable is assigned (`=`, `+=`, `++`…) outside `fn` where the
 * function may already exist: after it in the text, or in a loop that also
 * makes the function (a function from an earlier turn may be kept and called).
 * Assignments that all come before the function is made are seen by it
 * (a `function` declaration is hoisted: it exists from the start).
 */
function assignedOutside(declaration: Node, fn: Node, body: Node): boolean {
  const symbol = (declaration as Node & { getSymbol(): unknown }).getSymbol();
  return body.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => {
    if (identifier.getSymbol() !== symbol || identifier.getAncestors().includes(fn)) return false;
    if (!Node.isFunctionDeclaration(fn) && identifier.getEnd() <= fn.getStart() && !identifier.getAncestors().some((ancestor) => isLoop(ancestor) && ancestor.getAncestors().includes(body) && fn.getAncestors().includes(ancestor))) return false;
    return isAssignmentTarget(identifier);
  });
}

function isLoop(node: Node): boolean {
  return Node.isForStatement(node) || Node.isForOfStatement(node) || Node.isForInStatement(node) || Node.isWhileStatement(node) || Node.isDoStatement(node);
}

function nameOf(fn: ArrowFunction | FunctionExpression | FunctionDeclaration): string {
  if (Node.isFunctionDeclaration(fn)) return fn.getName() ?? 'function';
  const parent = fn.getParent();
  return Node.isVariableDeclaration(parent) ? parent.getName() : 'function';
}
