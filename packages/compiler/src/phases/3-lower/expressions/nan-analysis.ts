import { Node, SyntaxKind, type CallExpression, type Expression, type SourceFile, type VariableDeclaration } from '../../../ts-morph.js';
import { isGlobal } from './standard-globals.js';
import { declaredKinds, kindsOf, onlyKinds } from './value-kinds.js';
import { destructuredField, fieldName, fieldReadsOf, followable, unwrap } from './nan-fields.js';
import { arrayOfItem, callbackResults, isFoldingReduce, itemsMayBeNaN, reduceOfAccumulator } from './nan-items.js';
import { numericLiteralValue } from '../../1-discover/static-value.js';
import { CheckerWeakMap } from '../../../program/index.js';

export { unwrap } from './nan-fields.js';

/**
 * Which number-typed expressions may compute NaN. JSON has no NaN, so a
 * lowered NaN is `null` (what `JSON.stringify` writes for it); an expression
 * that cannot be NaN keeps the plain lowering, one that may be NaN is lowered
 * with JavaScript's NaN semantics over that `null` (`nan-values.ts`).
 *
 * Sources: `Number(s)`, `+s`, `parseFloat`/`parseInt` (also `Number.…`), `NaN`,
 * `Math.sqrt` of what may be negative, `0 / 0` and `x % 0` with a constant
 * zero; the rest only carries NaN on (arithmetic, `Math.*`, `?:`, `&&`, `??`)
 * or through a variable: a variable may be NaN when any value written to it
 * may be (a fixpoint over the variables of its file). Object fields are
 * followed by name in the same fixpoint: once a value that may be NaN is
 * written under a name (`{ cost: Number(s) }`, `o.cost = …`), every read of a
 * field of that name in the file (`row.cost`, `({ cost }) => …`) may be NaN,
 * unless some read of it may also be null (see `followable`). A value stored
 * where the analysis does not follow (a bare array item, a field not
 * followed, a callback's result, a helper's argument) is checked there
 * instead (`isFollowedUse`), so what is read back from there is never NaN.
 *
 * A `const` tested before the read is narrowed: in `Number.isNaN(x) ? d : x`,
 * `!Number.isNaN(x) && x > 0`, and after `if (Number.isNaN(x) || …) throw …`,
 * `x` is not NaN.
 *
 * @example
 * mayBeNaN(`Number(req.amount)`) // true
 * mayBeNaN(`order.total * 2`)    // false
 */
export function mayBeNaN(node: Node): boolean {
  const known = answers.get(node);
  if (known !== undefined) return known;
  const answer = evaluate(node, variablesOf(node.getSourceFile()));
  answers.set(node, answer);
  return answer;
}

const answers = new CheckerWeakMap<Node, boolean>();

/** What may hold NaN in a file: variables, and object fields by name (see `fieldName`). */
interface NaNVariables {
  readonly variables: ReadonlySet<VariableDeclaration>;
  readonly fields: ReadonlySet<string>;
}

const MATH_CARRIERS = new Set(['floor', 'ceil', 'abs', 'round', 'trunc', 'sign', 'max', 'min', 'pow', 'fround']);
const PARSERS = new Set(['parseFloat', 'parseInt']);

function evaluate(node: Node, nan: NaNVariables): boolean {
  const expression = unwrap(node);
  if (Node.isIdentifier(expression)) {
    if (expression.getText() === 'NaN' && isGlobal(expression, 'NaN')) return true;
    const declaration = variableOf(expression);
    if (declaration !== undefined) return (nan.variables.has(declaration) || itemRead(expression, nan)) && !narrowed(expression, declaration);
    // `({ cost }) => …`, `const { cost } = row`: a destructured field is read by its name.
    const field = destructuredField(expression);
    if (field !== undefined && nan.fields.has(field) && declaredKinds(expression).has('number')) return true;
    const reduce = reduceOfAccumulator(expression);
    return reduce !== undefined ? declaredKinds(expression).has('number') && reduceMayBeNaN(reduce, nan) : itemRead(expression, nan);
  }
  if (!declaredKinds(expression).has('number')) return false;
  if (Node.isPropertyAccessExpression(expression)) {
    if (isGlobal(expression.getExpression(), 'Number') && expression.getName() === 'NaN') return true;
    return nan.fields.has(expression.getName());
  }
  if (Node.isElementAccessExpression(expression)) {
    const key = fieldName(expression);
    return key !== undefined ? nan.fields.has(key) : itemRead(expression, nan);
  }
  if (Node.isCallExpression(expression)) return callMayBeNaN(expression, nan);
  if (Node.isPrefixUnaryExpression(expression)) {
    const operand = expression.getOperand();
    if (expression.getOperatorToken() === SyntaxKind.PlusToken) return conversionMayBeNaN(operand, nan);
    return expression.getOperatorToken() === SyntaxKind.MinusToken && evaluate(operand, nan);
  }
  if (Node.isConditionalExpression(expression)) return evaluate(expression.getWhenTrue(), nan) || evaluate(expression.getWhenFalse(), nan);
  if (Node.isBinaryExpression(expression)) {
    const left = expression.getLeft();
    const right = expression.getRight();
    switch (expression.getOperatorToken().getKind()) {
      // NaN is falsy: `a || b` gives `a` only when it is truthy.
      case SyntaxKind.BarBarToken:
      case SyntaxKind.BarBarEqualsToken:
      case SyntaxKind.QuestionQuestionEqualsToken:
      case SyntaxKind.EqualsToken:
      case SyntaxKind.CommaToken:
        return evaluate(right, nan);
      case SyntaxKind.SlashToken:
      case SyntaxKind.SlashEqualsToken:
        return evaluate(left, nan) || evaluate(right, nan) || (isZero(left) && isZero(right));
      case SyntaxKind.PercentToken:
      case SyntaxKind.PercentEqualsToken:
        return evaluate(left, nan) || evaluate(right, nan) || isZero(right);
      default:
        return evaluate(left, nan) || evaluate(right, nan);
    }
  }
  return false;
}

/** `Number(x)` and `+x`: NaN for text that is not a number and for `undefined`; never for a boolean or null. */
function conversionMayBeNaN(operand: Node, nan: NaNVariables): boolean {
  const literal = literalValue(operand);
  if (literal !== undefined) return Number.isNaN(Number(literal));
  const kinds = kindsOf(operand);
  if (onlyKinds(kinds, 'number')) return evaluate(operand, nan);
  return !onlyKinds(kinds, 'boolean', 'null');
}

/** An item read from an array whose items may be NaN (`xs[i]`, `for (const x of xs)`, `xs.map((x) => …)`'s `x`: `nan-items.ts`). */
function itemRead(node: Node, nan: NaNVariables): boolean {
  const array = arrayOfItem(node);
  return array !== undefined && declaredKinds(node).has('number') && itemsMayBeNaN(array, (value) => evaluate(value, nan));
}

const reducing = new Set<Node>();

/**
 * `xs.reduce((sum, x) => …, start)`: NaN when the start or a result of the
 * callback may be. The accumulator reads the reduce itself; inside that
 * cycle it counts as not NaN, which gives the least answer.
 */
function reduceMayBeNaN(call: CallExpression, nan: NaNVariables): boolean {
  if (reducing.has(call)) return false;
  reducing.add(call);
  try {
    const [callback, start] = call.getArguments();
    return evaluate(start!, nan) || callbackResults(callback).some((result) => evaluate(result, nan));
  } finally {
    reducing.delete(call);
  }
}

function callMayBeNaN(call: CallExpression, nan: NaNVariables): boolean {
  if (arrayOfItem(call)) return itemRead(call, nan);
  if (isFoldingReduce(call)) return reduceMayBeNaN(call, nan);
  const callee = call.getExpression();
  const args = call.getArguments();
  const name = Node.isIdentifier(callee) ? callee.getText() : undefined;
  if (name === 'Number' && isGlobal(callee, 'Number')) return args.length > 0 && conversionMayBeNaN(args[0]!, nan);
  if (name !== undefined && PARSERS.has(name) && isGlobal(callee, name)) return parseMayBeNaN(name, args);
  if (!Node.isPropertyAccessExpression(callee)) return false;
  const method = callee.getName();
  const receiver = callee.getExpression();
  if (isGlobal(receiver, 'Number') && PARSERS.has(method)) return parseMayBeNaN(method, args);
  if (!isGlobal(receiver, 'Math')) return false;
  const carried = args.some((a) => (Node.isSpreadElement(a) ? itemsMayBeNaN(a.getExpression(), (value) => evaluate(value, nan)) : evaluate(a, nan)));
  if (method === 'sqrt') return carried || !isNonNegative(args[0]);
  return MATH_CARRIERS.has(method) && carried;
}

/** A parse of a literal is folded by JavaScript itself. */
function parseMayBeNaN(name: string, args: Node[]): boolean {
  const text = literalValue(args[0]);
  const radix = args.length > 1 ? literalValue(args[1]) : undefined;
  if (typeof text !== 'string' || (args.length > 1 && typeof radix !== 'number')) return true;
  return Number.isNaN(name === 'parseInt' ? Number.parseInt(text, radix as number | undefined) : Number.parseFloat(text));
}

function isNonNegative(node: Node | undefined): boolean {
  if (node === undefined) return false;
  const value = literalValue(node);
  if (typeof value === 'number') return value >= 0;
  const expression = unwrap(node);
  return Node.isCallExpression(expression) && expression.getExpression().getText() === 'Math.abs';
}

function isZero(node: Node): boolean {
  return literalValue(node) === 0;
}

function literalValue(node: Node | undefined): string | number | undefined {
  if (node === undefined) return undefined;
  const expression = unwrap(node);
  if (Node.isNumericLiteral(expression)) return numericLiteralValue(expression);
  if (Node.isStringLiteral(expression) || Node.isNoSubstitutionTemplateLiteral(expression)) return expression.getLiteralValue();
  if (Node.isPrefixUnaryExpression(expression) && expression.getOperatorToken() === SyntaxKind.MinusToken) {
    const value = literalValue(expression.getOperand());
    return typeof value === 'number' ? -value : undefined;
  }
  return undefined;
}

/** The `const`/`let`/`var` a name reads, when it names one declared with a plain name. */
function variableOf(identifier: Node): VariableDeclaration | undefined {
  const parent = identifier.getParent();
  let symbol = Node.isShorthandPropertyAssignment(parent) && parent.getNameNode() === identifier ? parent.getValueSymbol() : identifier.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
  const declaration = symbol?.getDeclarations()[0];
  return Node.isVariableDeclaration(declaration) && Node.isIdentifier(declaration.getNameNode()) ? declaration : undefined;
}

interface FileAnalysis {
  nan: { variables: Set<VariableDeclaration>; fields: Set<string> };
  writes: Map<VariableDeclaration, Expression[]>;
  fieldWrites: Map<string, Expression[]>;
  /** Every access and destructured name of each field name: what reads it. */
  fieldReads: Map<string, Node[]>;
}

const fileVariables = new CheckerWeakMap<SourceFile, FileAnalysis>();

/**
 * True when `node` writes a field the analysis follows (`{ cost: v }`,
 * `{ cost }`, `o.cost = v`): NaN may be stored there, since every read of the
 * field is lowered as possibly NaN.
 *
 * @example
 * isFollowedField(`cost: Number(s)`) // true when no read of `cost` may also be null
 */
export function isFollowedField(node: Node): boolean {
  const name = fieldName(node);
  return name !== undefined && variablesOf(node.getSourceFile()).fields.has(name);
}

/** Every value written to each variable of `file`, and to each field name (`fieldName`). */
function writesOf(file: SourceFile): { writes: Map<VariableDeclaration, Expression[]>; fieldWrites: Map<string, Expression[]> } {
  const writes = new Map<VariableDeclaration, Expression[]>();
  const fieldWrites = new Map<string, Expression[]>();
  const add = (declaration: VariableDeclaration | undefined, value: Expression) => {
    if (declaration) writes.set(declaration, [...(writes.get(declaration) ?? []), value]);
  };
  const addField = (name: string | undefined, value: Expression) => {
    if (name !== undefined) fieldWrites.set(name, [...(fieldWrites.get(name) ?? []), value]);
  };
  for (const property of file.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) {
    if (Node.isObjectLiteralExpression(property.getParent())) addField(fieldName(property), property.getInitializerOrThrow());
  }
  for (const property of file.getDescendantsOfKind(SyntaxKind.ShorthandPropertyAssignment)) addField(fieldName(property), property.getNameNode());
  for (const declaration of file.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    const initializer = declaration.getInitializer();
    if (initializer && Node.isIdentifier(declaration.getNameNode())) add(declaration, initializer);
  }
  for (const binary of file.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    const operator = binary.getOperatorToken().getKind();
    if (operator < SyntaxKind.FirstAssignment || operator > SyntaxKind.LastAssignment) continue;
    const target = unwrap(binary.getLeft());
    // A compound assignment writes the operation's result; the binary expression is evaluated as one.
    if (Node.isIdentifier(target)) add(variableOf(target), binary);
    else addField(fieldName(target), binary);
  }
  return { writes, fieldWrites };
}

/** The variables and fields of `file` that may hold NaN: the least fixpoint over the values written to them. */
function variablesOf(file: SourceFile): NaNVariables {
  const known = fileVariables.get(file);
  if (known) return known.nan;
  const entry: FileAnalysis = { nan: { variables: new Set(), fields: new Set() }, ...writesOf(file), fieldReads: fieldReadsOf(file) };
  fileVariables.set(file, entry);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [declaration, values] of entry.writes) {
      if (entry.nan.variables.has(declaration) || !values.some((value) => evaluate(value, entry.nan))) continue;
      entry.nan.variables.add(declaration);
      changed = true;
    }
    for (const [name, values] of entry.fieldWrites) {
      if (entry.nan.fields.has(name) || !values.some((value) => evaluate(value, entry.nan)) || !followable(file, entry.fieldReads.get(name) ?? [])) continue;
      entry.nan.fields.add(name);
      changed = true;
    }
  }
  return entry.nan;
}

/** True when `declaration` keeps its first value: a `const`, or a `let` never assigned again. */
function isConstant(declaration: VariableDeclaration): boolean {
  const writes = fileVariables.get(declaration.getSourceFile())?.writes.get(declaration) ?? [];
  return writes.length <= (declaration.getInitializer() ? 1 : 0);
}

/**
 * True when a test on the way to `read` proves that `declaration` is not
 * NaN there: a branch taken only when the test says so, or an earlier
 * `if (test) exit;` in an enclosing block.
 */
function narrowed(read: Node, declaration: VariableDeclaration): boolean {
  if (!isConstant(declaration)) return false;
  let child: Node = read;
  for (let parent = read.getParent(); parent; child = parent, parent = parent.getParent()) {
    if (Node.isConditionalExpression(parent)) {
      if (child === parent.getWhenTrue() && implies(parent.getCondition(), true, declaration)) return true;
      if (child === parent.getWhenFalse() && implies(parent.getCondition(), false, declaration)) return true;
    } else if (Node.isBinaryExpression(parent) && child === parent.getRight()) {
      const operator = parent.getOperatorToken().getKind();
      if (operator === SyntaxKind.AmpersandAmpersandToken && implies(parent.getLeft(), true, declaration)) return true;
      if (operator === SyntaxKind.BarBarToken && implies(parent.getLeft(), false, declaration)) return true;
    } else if (Node.isIfStatement(parent)) {
      if (child === parent.getThenStatement() && implies(parent.getExpression(), true, declaration)) return true;
      if (child === parent.getElseStatement() && implies(parent.getExpression(), false, declaration)) return true;
    } else if (Node.isWhileStatement(parent)) {
      if (child === parent.getStatement() && implies(parent.getExpression(), true, declaration)) return true;
    } else if (Node.isBlock(parent) || Node.isSourceFile(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent)) {
      for (const statement of parent.getStatements()) {
        if (statement === child) break;
        if (Node.isIfStatement(statement) && !statement.getElseStatement() && alwaysExits(statement.getThenStatement()) && implies(statement.getExpression(), false, declaration)) return true;
      }
    }
  }
  return false;
}

/** True when control never runs past `statement`. */
function alwaysExits(statement: Node | undefined): boolean {
  if (statement === undefined) return false;
  if (Node.isThrowStatement(statement) || Node.isReturnStatement(statement) || Node.isBreakStatement(statement) || Node.isContinueStatement(statement)) return true;
  if (Node.isBlock(statement)) return alwaysExits(statement.getStatements().at(-1));
  if (Node.isIfStatement(statement)) return alwaysExits(statement.getThenStatement()) && alwaysExits(statement.getElseStatement());
  return false;
}

const NAN_TESTS = new Set(['Number.isNaN', 'isNaN']);
const NUMBER_TESTS = new Set(['Number.isFinite', 'isFinite', 'Number.isInteger', 'Number.isSafeInteger']);

/** True when `condition` having the value `outcome` proves `declaration` is not NaN. */
function implies(condition: Node, outcome: boolean, declaration: VariableDeclaration): boolean {
  const test = unwrap(condition);
  if (Node.isPrefixUnaryExpression(test) && test.getOperatorToken() === SyntaxKind.ExclamationToken) return implies(test.getOperand(), !outcome, declaration);
  if (Node.isCallExpression(test) && test.getArguments().length === 1 && reads(test.getArguments()[0]!, declaration)) {
    const callee = test.getExpression().getText();
    return (NAN_TESTS.has(callee) && !outcome) || (NUMBER_TESTS.has(callee) && outcome);
  }
  if (Node.isBinaryExpression(test)) {
    const left = test.getLeft();
    const right = test.getRight();
    const either = reads(left, declaration) || reads(right, declaration);
    switch (test.getOperatorToken().getKind()) {
      case SyntaxKind.AmpersandAmpersandToken:
        return outcome ? implies(left, true, declaration) || implies(right, true, declaration) : implies(left, false, declaration) && implies(right, false, declaration);
      case SyntaxKind.BarBarToken:
        return outcome ? implies(left, true, declaration) && implies(right, true, declaration) : implies(left, false, declaration) || implies(right, false, declaration);
      // Every comparison with NaN is false, and NaN is unequal to everything.
      case SyntaxKind.LessThanToken:
      case SyntaxKind.LessThanEqualsToken:
      case SyntaxKind.GreaterThanToken:
      case SyntaxKind.GreaterThanEqualsToken:
      case SyntaxKind.EqualsEqualsEqualsToken:
      case SyntaxKind.EqualsEqualsToken:
        return outcome && either;
      case SyntaxKind.ExclamationEqualsEqualsToken:
      case SyntaxKind.ExclamationEqualsToken:
        return !outcome && either;
      default:
        return false;
    }
  }
  // A truthy number is not NaN.
  return outcome && reads(test, declaration);
}

function reads(node: Node, declaration: VariableDeclaration): boolean {
  const expression = unwrap(node);
  return Node.isIdentifier(expression) && variableOf(expression) === declaration;
}
