import { Node, SyntaxKind, ts, type CompilerNode, type Statement } from '../../../ts-morph.js';
import { CheckerWeakMap } from '../../../program/index.js';
import { changesInPlace } from './in-place.js';

/**
 * For each name in `targets`, the statements of an await-free run its final
 * value depends on, in their order: the statements that may define the name,
 * and, again, those defining any name a kept statement reads. Each variable an
 * Assign sets is then computed from its own statements only, instead of from a
 * copy of the whole run per variable (an Assign's entries cannot share work:
 * each reads the state's entry values).
 *
 * The slice is order-insensitive, so it over-approximates: a statement is kept
 * when it may define any name a kept statement mentions anywhere, before or
 * after it (a closure reads a variable when it is called, not where it is
 * written). Statements no slice keeps (they define nothing that is read, but
 * may still fail at run time or be unsupported) go to the first target's
 * slice, so every statement is still lowered once.
 *
 * @example
 * sliceRun([`const a = x + 1;`, `const b = 2;`, `const c = a * 2;`], ['b', 'c'])
 * // Map { b → [`const b = 2;`], c → [`const a = x + 1;`, `const c = a * 2;`] }
 */
export function sliceRun(statements: readonly Statement[], targets: readonly string[]): Map<string, Statement[]> {
  const defines = statements.map(namesDefinedBy);
  const mentions = statements.map(mentionedNames);
  const slices = new Map<string, Statement[]>();
  const used = new Set<number>();
  const slice = (seed: Iterable<string>, extra: readonly number[] = []) => {
    const kept = new Set<number>(extra);
    const needed = new Set<string>(seed);
    for (const index of extra) for (const name of mentions[index]!) needed.add(name);
    for (let changed = true; changed; ) {
      changed = false;
      statements.forEach((_, index) => {
        if (kept.has(index) || ![...defines[index]!].some((name) => needed.has(name))) return;
        kept.add(index);
        for (const name of mentions[index]!) needed.add(name);
        changed = true;
      });
    }
    for (const index of kept) used.add(index);
    return [...kept].sort((a, b) => a - b).map((index) => statements[index]!);
  };
  for (const target of targets) slices.set(target, slice([target]));
  const left = statements.map((_, index) => index).filter((index) => !used.has(index));
  if (left.length > 0 && targets.length > 0) slices.set(targets[0]!, slice([targets[0]!], left));
  return slices;
}

/**
 * The names a statement may (re)define: its declarations, and the root
 * variable of every assignment, `++`/`--`, change in place (`in-place.ts`) and
 * `for (x of …)` target inside it. Reading too many is safe (a slice keeps
 * more), too few is not.
 */
export function namesDefinedBy(statement: Statement): ReadonlySet<string> {
  return definedNames.memo(statement, () => collectDefinedNames(statement));
}

/**
 * Answers of `namesDefinedBy` and `mentionedNames`, per statement: a run is
 * sliced once per variable it assigns, and again for each enclosing run. The
 * names a statement defines depend on types (`changesInPlace`), so they are
 * kept per checker; the names it mentions are syntax alone.
 */
const definedNames = new CheckerWeakMap<Node, ReadonlySet<string>>();
const mentioned = new WeakMap<Statement, ReadonlySet<string>>();

function collectDefinedNames(statement: Statement): Set<string> {
  const out = new Set<string>();
  const addRoot = (target: Node | undefined) => {
    while (target && (Node.isPropertyAccessExpression(target) || Node.isElementAccessExpression(target) || Node.isParenthesizedExpression(target) || Node.isNonNullExpression(target) || Node.isAsExpression(target))) target = target.getExpression();
    if (!target) return;
    // A destructuring assignment (`[a, b] = …`): every name in the pattern.
    if (Node.isIdentifier(target)) out.add(target.getText());
    else for (const identifier of target.getDescendantsOfKind(SyntaxKind.Identifier)) out.add(identifier.getText());
  };
  for (const name of declaredNames(statement)) out.add(name);
  if (Node.isFunctionDeclaration(statement) && statement.getName()) out.add(statement.getName()!);
  statement.forEachDescendant((node) => {
    if (Node.isBinaryExpression(node)) {
      const kind = node.getOperatorToken().getKind();
      if (kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment) addRoot(node.getLeft());
    } else if (Node.isPrefixUnaryExpression(node) || Node.isPostfixUnaryExpression(node)) {
      const kind = node.getOperatorToken();
      if (kind === SyntaxKind.PlusPlusToken || kind === SyntaxKind.MinusMinusToken) addRoot(node.getOperand());
    } else if (Node.isIdentifier(node) && changesInPlace(node)) {
      // `xs.push(x)`, `set.add(k)`, `delete o.k`, `Object.assign(o, …)`: the change in place rebinds the root variable.
      out.add(node.getText());
    } else if (Node.isForOfStatement(node) || Node.isForInStatement(node)) {
      const initializer = node.getInitializer();
      if (!Node.isVariableDeclarationList(initializer)) addRoot(initializer);
    }
  });
  return out;
}

/** The names a `const`/`let` statement declares (every name of a destructuring pattern). */
export function declaredNames(statement: Statement): string[] {
  if (!Node.isVariableStatement(statement)) return [];
  const names = (name: Node): string[] => {
    if (Node.isIdentifier(name)) return [name.getText()];
    if (Node.isObjectBindingPattern(name) || Node.isArrayBindingPattern(name)) return name.getElements().flatMap((element) => (Node.isBindingElement(element) ? names(element.getNameNode()) : []));
    return [];
  };
  return statement.getDeclarations().flatMap((declaration) => names(declaration.getNameNode()));
}

/**
 * Every identifier a statement mentions (reads, writes, field names alike:
 * more is safe). Walks TypeScript's own nodes: only their text is needed, and
 * wrapping each one in a ts-morph node was most of the cost.
 */
function mentionedNames(statement: Statement): ReadonlySet<string> {
  let names = mentioned.get(statement);
  if (names) return names;
  const out = new Set<string>();
  const file = statement.getSourceFile().compilerNode;
  const visit = (node: CompilerNode): void => {
    if (node.kind === SyntaxKind.Identifier) out.add(node.getText(file));
    ts.forEachChild(node, visit);
  };
  visit(statement.compilerNode);
  mentioned.set(statement, (names = out));
  return names;
}
