import { Node, SyntaxKind, VariableDeclarationKind, type Expression, type Identifier, type VariableDeclaration } from '../../../ts-morph.js';
import { isTaskCallee } from '../../1-discover/task-declarations.js';
import { helperFunctionOf } from '../../2-analyze/index.js';
import { unwrap } from './in-place.js';
import { CheckerWeakMap } from '../../../program/index.js';

/**
 * Tables of tasks looked up by a key:
 *
 * ```ts
 * const undo = { flight: cancelFlight, hotel: cancelHotel } as const;
 * …
 * await undo[booking.kind]({ ref: booking.ref });
 * ```
 *
 * ASL variables hold data, not functions, so the table itself is never a
 * value: an awaited call through it is a Choice on the key with one branch
 * per entry, each the entry's own call (a Task, or an async helper inlined),
 * and a default that raises JavaScript's `TypeError: undo[booking.kind] is
 * not a function`. That is JavaScript's meaning when:
 * - the table is a `const` object literal (`as const`, `satisfies` and a
 *   type annotation are fine) whose values are task declarations or async
 *   helpers, named by identifiers;
 * - every use of the table is a call of one of its entries (`table[key](…)`,
 *   `table.key(…)`), so it is never read, changed or passed as a value;
 * - the key is a name or a path of names (`kind`, `booking.kind`), typed as a
 *   union of the table's keys: a `string` key could name a key of
 *   `Object.prototype` (`toString`), a function JavaScript would call.
 * Anything else is `task_table_unsupported`, naming the rule.
 */
export interface LookupTable {
  declaration: VariableDeclaration;
  name: string;
  entries: LookupEntry[];
}

/** One entry: its key and the identifier of the task or async helper it holds. */
export interface LookupEntry {
  key: string;
  value: Identifier;
}

/** A call through a table: the entries it may reach, and the key when it is computed. */
export interface TableCall {
  table: LookupTable;
  /** The computed key (`kind` in `undo[kind]`); undefined for `undo.flight(…)`. */
  key?: Expression;
  /** The entries the call may reach: all of them for a computed key, one for a static one. */
  entries: LookupEntry[];
  /** What V8 prints for the callee in its TypeError (`undo[booking.kind]`), as the transpiled JavaScript reads. */
  calleeText: string;
}

/** Why a call through a table cannot be compiled: the node to point at and the rule it breaks. */
export interface TableProblem {
  node: Node;
  reason: string;
}

const tables = new CheckerWeakMap<VariableDeclaration, LookupTable | null>();

/**
 * The table call `callee` makes (`undo[kind]`, `undo.flight`), or undefined
 * when the callee is not an entry of a table of tasks.
 *
 * @example
 * tableCallOf(`undo[booking.kind]`) // { table: undo, key: `booking.kind`, entries: [flight, hotel], calleeText: 'undo[booking.kind]' }
 */
export function tableCallOf(callee: Node): TableCall | undefined {
  const access = unwrap(callee);
  if (!Node.isElementAccessExpression(access) && !Node.isPropertyAccessExpression(access)) return undefined;
  const target = unwrap(access.getExpression());
  if (!Node.isIdentifier(target)) return undefined;
  const declaration = target.getSymbol()?.getDeclarations()[0];
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  const table = lookupTableOf(declaration);
  if (!table) return undefined;
  if (Node.isPropertyAccessExpression(access)) {
    const entry = table.entries.find((candidate) => candidate.key === access.getName());
    return { table, entries: entry ? [entry] : [], calleeText: `${table.name}.${access.getName()}` };
  }
  // The key as written (`input.kind as Kind`): its type is what the author vouches for.
  const argument = access.getArgumentExpression()!;
  const bare = unwrap(argument);
  const literal = Node.isStringLiteral(bare) || Node.isNoSubstitutionTemplateLiteral(bare) ? bare.getLiteralText() : undefined;
  if (literal !== undefined) {
    const entry = table.entries.find((candidate) => candidate.key === literal);
    return { table, entries: entry ? [entry] : [], calleeText: `${table.name}[${JSON.stringify(literal)}]` };
  }
  return { table, key: argument, entries: table.entries, calleeText: `${table.name}[${pathText(argument) ?? argument.getText()}]` };
}

/**
 * The table of tasks `declaration` declares, or undefined. Such a
 * declaration binds nothing (a workflow value cannot hold a function); its
 * calls are Choices (`table-call.ts`), and any other use is reported where
 * the name is read.
 *
 * @example
 * lookupTableOf(`const undo = { flight: cancelFlight } as const`) // { name: 'undo', entries: [{ key: 'flight', value: `cancelFlight` }] }
 */
export function lookupTableOf(declaration: VariableDeclaration): LookupTable | undefined {
  if (!tables.has(declaration)) tables.set(declaration, readTable(declaration) ?? null);
  return tables.get(declaration) ?? undefined;
}

/** The table a `const` declares, when its initializer is an object literal of tasks and async helpers. */
function readTable(declaration: VariableDeclaration): LookupTable | undefined {
  const initializer = declaration.getInitializer();
  const literal = initializer && unwrapType(initializer);
  if (!literal || !Node.isObjectLiteralExpression(literal) || !Node.isIdentifier(declaration.getNameNode())) return undefined;
  const entries: LookupEntry[] = [];
  for (const property of literal.getProperties()) {
    let key: string | undefined;
    let value: Node | undefined;
    if (Node.isShorthandPropertyAssignment(property)) {
      key = property.getName();
      value = property.getNameNode();
    } else if (Node.isPropertyAssignment(property)) {
      const name = property.getNameNode();
      key = Node.isIdentifier(name) ? name.getText() : Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name) ? name.getLiteralText() : undefined;
      value = unwrapType(property.getInitializerOrThrow());
    }
    if (key === undefined || !value || !Node.isIdentifier(value) || !isCallableEntry(value)) return undefined;
    entries.push({ key, value });
  }
  return entries.length > 0 ? { declaration, name: declaration.getName(), entries } : undefined;
}

function isCallableEntry(value: Identifier): boolean {
  if (isTaskCallee(value)) return true;
  return helperFunctionOf(value)?.isAsync() === true;
}

/**
 * Why a call through a table cannot be compiled, or undefined when it can
 * (see `LookupTable`).
 *
 * @example
 * // const undo: Record<string, …> = { … }; await undo[kind](x)  (kind: string)
 * tableCallProblem(call) // { node: `kind`, reason: 'the key `kind` is typed `string` …' }
 */
export function tableCallProblem(call: TableCall): TableProblem | undefined {
  const problem = tableProblem(call.table);
  if (problem) return problem;
  if (call.entries.length === 0) return undefined;
  const { table, key } = call;
  if (!key) return undefined;
  if (pathText(key) === undefined) return { node: key, reason: 'the key is computed by an expression; give it a name first (`const kind = …`) so each branch tests the same value' };
  const type = key.getType();
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  const keys = new Set(table.entries.map((entry) => entry.key));
  const outside = parts.find((part) => !part.isStringLiteral() || !keys.has(part.getLiteralValue() as string));
  if (outside) {
    return { node: key, reason: `the key \`${key.getText()}\` is typed \`${outside.getText(key)}\`, which is not one of the table's keys (${[...keys].map((k) => `'${k}'`).join(', ')}): a string key may also name a key of \`Object.prototype\` (\`toString\`), a function JavaScript would call. Type it as \`keyof typeof ${table.name}\`` };
  }
  return undefined;
}

const tableProblems = new WeakMap<LookupTable, TableProblem | null>();

/** What breaks the rules for the table itself: not a `const`, or used other than to call an entry. */
function tableProblem(table: LookupTable): TableProblem | undefined {
  if (!tableProblems.has(table)) tableProblems.set(table, findTableProblem(table) ?? null);
  return tableProblems.get(table) ?? undefined;
}

function findTableProblem(table: LookupTable): TableProblem | undefined {
  const list = table.declaration.getParent();
  if (!Node.isVariableDeclarationList(list) || list.getDeclarationKind() !== VariableDeclarationKind.Const) {
    return { node: table.declaration, reason: `\`${table.name}\` is declared with \`${Node.isVariableDeclarationList(list) ? list.getDeclarationKind() : 'let'}\`: declare it with \`const\`` };
  }
  const symbol = table.declaration.getSymbol();
  const use = table.declaration.getSourceFile().getDescendantsOfKind(SyntaxKind.Identifier).find((reference) => reference !== table.declaration.getNameNode() && reference.getSymbol() === symbol && !isEntryCall(reference) && !reference.getFirstAncestor((ancestor) => Node.isTypeNode(ancestor)));
  if (use) return { node: use, reason: tableReadReason(table.name) };
  return undefined;
}

/** Why a table read as a value is refused (also where `lowerIdentifier` meets one). */
export function tableReadReason(name: string): string {
  return `\`${name}\` is read as a value, not called through: ASL variables hold data, not functions, so the table itself is never a value; call its entries (\`${name}[key](input)\`) or keep a list of the keys`;
}

/** `table[key](…)` or `table.key(…)`, the reference being `table`. */
function isEntryCall(reference: Identifier): boolean {
  let node: Node = reference;
  while (Node.isParenthesizedExpression(node.getParent()) || Node.isAsExpression(node.getParent()) || Node.isNonNullExpression(node.getParent())) node = node.getParent()!;
  let access = node.getParent();
  if (!(Node.isElementAccessExpression(access) || Node.isPropertyAccessExpression(access)) || access.getExpression() !== node) return false;
  while (Node.isParenthesizedExpression(access.getParent()) || Node.isAsExpression(access.getParent()) || Node.isNonNullExpression(access.getParent())) access = access.getParent()!;
  const call = access.getParent();
  return Node.isCallExpression(call) && call.getExpression() === access;
}

/** `kind`, `booking.kind`, `steps[0].kind` (through `as`, `!` and parentheses) as V8 prints it, or undefined for anything else. */
function pathText(node: Node): string | undefined {
  const inner = unwrap(node);
  if (Node.isIdentifier(inner)) return inner.getText();
  if (Node.isPropertyAccessExpression(inner) && !inner.hasQuestionDotToken()) {
    const base = pathText(inner.getExpression());
    return base === undefined ? undefined : `${base}.${inner.getName()}`;
  }
  // `steps[0]`: an index V8 prints as written.
  if (Node.isElementAccessExpression(inner) && !inner.hasQuestionDotToken()) {
    const index = unwrap(inner.getArgumentExpression()!);
    const base = pathText(inner.getExpression());
    return base === undefined || !Node.isNumericLiteral(index) ? undefined : `${base}[${index.getText()}]`;
  }
  return undefined;
}

function unwrapType(node: Node): Node {
  return Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isParenthesizedExpression(node) || Node.isTypeAssertion(node) ? unwrapType(node.getExpression()) : node;
}
