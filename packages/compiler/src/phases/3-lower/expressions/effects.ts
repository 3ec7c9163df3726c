import { Node, SyntaxKind, onFirstUse, type ArrayLiteralExpression, type BinaryExpression, type CallExpression, type DeleteExpression, type ElementAccessExpression, type Expression, type ObjectLiteralExpression, type PostfixUnaryExpression, type PrefixUnaryExpression, type PropertyAccessExpression } from '../../../ts-morph.js';
import { isGlobal } from './standard-globals.js';
import { findAlias } from './aliasing.js';
import { isCallbackFold, outerChanges } from './folded-callbacks.js';
import { isMutatorCall, rootOf, unwrap } from './in-place.js';
import { lowerMutation } from './mutators.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import type { Flow } from './statements.js';
import { bindOnce, sequence, stringLiteral } from './text.js';
import { mayBeNaN } from './nan-analysis.js';
import { nanArithmetic, truthinessKinds } from './nan-values.js';
import { jsString, lowerAsString } from './to-string.js';
import { truthy } from './truthiness.js';
import { declaredKinds, kindsOf, onlyKinds, withoutNullish } from './value-kinds.js';
import { numericLiteralValue } from '../../1-discover/static-value.js';

const compoundOperators = onFirstUse((): Partial<Record<SyntaxKind, string>> => ({
  [SyntaxKind.PlusEqualsToken]: '+',
  [SyntaxKind.MinusEqualsToken]: '-',
  [SyntaxKind.AsteriskEqualsToken]: '*',
  [SyntaxKind.SlashEqualsToken]: '/',
  [SyntaxKind.PercentEqualsToken]: '%',
  [SyntaxKind.AsteriskAsteriskEqualsToken]: '**',
  [SyntaxKind.BarBarEqualsToken]: '||',
  [SyntaxKind.AmpersandAmpersandEqualsToken]: '&&',
  [SyntaxKind.QuestionQuestionEqualsToken]: '??',
}));

/**
 * The JSONata variable an assignment to `target` rebinds: a `let` of the run or
 * function, or a workflow variable the run assigns. Reports and returns
 * undefined for anything else (a variable of an enclosing function, which a
 * lambda cannot change).
 */
export function assignmentTarget(target: Expression, flow: Flow, ctx: LowerContext): string | undefined {
  if (Node.isParenthesizedExpression(target)) return assignmentTarget(target.getExpression(), flow, ctx);
  if (!Node.isIdentifier(target)) {
    ctx.report('expression_mutation', target, { text: target.getText() });
    return undefined;
  }
  // `({ a } = v)`: the shorthand name's own symbol is the property's; the variable is its value symbol.
  const parent = target.getParent();
  const symbol = Node.isShorthandPropertyAssignment(parent) ? parent.getValueSymbol() : target.getSymbol();
  const declarations = symbol?.getDeclarations() ?? [];
  const variable = declarations.map((d) => ctx.localFor(d)).find(Boolean) ?? ctx.runVariable(target.getText(), target);
  if (variable && flow.mutable.includes(variable)) return variable;
  ctx.report('expression_unsupported_statement', target, { kind: 'assignment', reason: `\`${target.getText()}\` is not a variable this run may change` });
  return undefined;
}

/**
 * Lowers an expression evaluated for its effect (an expression statement or a
 * for-loop's incrementor): assignments rebind the variable in a block whose
 * body is `next`, the rest of the run.
 */
export function lowerEffect(expression: Expression, flow: Flow, next: (flow: Flow) => string, ctx: LowerContext): string {
  if (Node.isParenthesizedExpression(expression)) return lowerEffect(expression.getExpression(), flow, next, ctx);
  if (Node.isBinaryExpression(expression)) {
    const operator = expression.getOperatorToken().getKind();
    if (operator === SyntaxKind.CommaToken) {
      return lowerEffect(expression.getLeft(), flow, (f) => lowerEffect(expression.getRight(), f, next, ctx), ctx);
    }
    if (operator === SyntaxKind.EqualsToken || compoundOperators()[operator]) return lowerAssignment(expression, flow, next, ctx);
  }
  if (Node.isPrefixUnaryExpression(expression) || Node.isPostfixUnaryExpression(expression)) {
    const operator = expression.getOperatorToken();
    if (operator === SyntaxKind.PlusPlusToken || operator === SyntaxKind.MinusMinusToken) {
      const operand = expression.getOperand();
      return assign(operand, (current) => `(${definedNumber(current, operand, ctx)} ${operator === SyntaxKind.PlusPlusToken ? '+' : '-'} 1)`, flow, next, ctx);
    }
  }
  if (isMutation(expression)) {
    // `xs.push(queue.shift())`: the argument's change runs first.
    return hoistMutations(expression.getArguments(), flow, ctx, (f) => lowerMutationCall(expression, f, ctx, (_, after) => next(after)), expression);
  }
  if (isCallbackFold(expression)) return hoistMutations(expression, flow, ctx, next);
  if (Node.isCallExpression(expression) && isForEach(expression)) return ctx.visit.forEach(expression, flow, next, ctx);
  // Console output exists only in the native run: a workflow's state machine has nowhere to print.
  if (isConsoleCall(expression)) return next(flow);
  if (expression.getKind() === SyntaxKind.DeleteExpression) return lowerDelete(expression.asKindOrThrow(SyntaxKind.DeleteExpression), flow, next, ctx);
  ctx.report('expression_unsupported_statement', expression, { kind: 'expression statement', reason: 'only assignments, ++/--, `delete`, `forEach` and methods that change a local array, Set or Map have an effect in an await-free run' });
  return next(flow);
}

/** True for `xs.push(…)`, `set.add(…)`, `Object.assign(o, …)` and the like on a path rooted at a variable. */
export function isMutation(node: Node): node is CallExpression {
  if (!Node.isCallExpression(node)) return false;
  const callee = node.getExpression();
  if (callee.getText() === 'Object.assign') return node.getArguments().length > 0 && rootOf(node.getArguments()[0]!) !== undefined;
  return isMutatorCall(node) && Node.isPropertyAccessExpression(callee) && rootOf(callee.getExpression()) !== undefined;
}

/**
 * `x = v`, `x += v`, `x ??= v`… on a variable (not a path, not a pattern):
 * an assignment whose value an expression may use (`last = total += n`,
 * `a = b = 0`, `if ((left -= n) < 0)`). Its value is the variable's new value.
 */
export function isVariableAssignment(node: Node): node is BinaryExpression {
  if (!Node.isBinaryExpression(node)) return false;
  const operator = node.getOperatorToken().getKind();
  return (operator === SyntaxKind.EqualsToken || compoundOperators()[operator] !== undefined) && Node.isIdentifier(unwrap(node.getLeft())) && !isPatternDefault(node);
}

/** `first = 'none'` in `[first = 'none', ...rest] = xs` (or `{ a: x = 1 } = o`, `for ([k = 0] of …)`): a default of a destructuring target, not an assignment. */
function isPatternDefault(node: BinaryExpression): boolean {
  let child: Node = node;
  for (let parent = node.getParent(); parent; child = parent, parent = parent.getParent()) {
    if (Node.isArrayLiteralExpression(parent) || Node.isObjectLiteralExpression(parent) || Node.isPropertyAssignment(parent) || Node.isSpreadElement(parent) || Node.isSpreadAssignment(parent) || Node.isParenthesizedExpression(parent)) continue;
    if (Node.isBinaryExpression(parent)) return parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken && parent.getLeft() === child && child !== node;
    if (Node.isForOfStatement(parent) || Node.isForInStatement(parent)) return parent.getInitializer() === child && child !== node;
    return false;
  }
  return false;
}

/** True when the expression around `node` uses its value (it is not a statement of its own, `void`, or a for-loop's incrementor). */
export function isUsed(node: Node): boolean {
  let top: Node = node;
  while (Node.isParenthesizedExpression(top.getParent()) || Node.isNonNullExpression(top.getParent()) || Node.isAsExpression(top.getParent())) top = top.getParentOrThrow();
  const parent = top.getParent();
  if (Node.isExpressionStatement(parent) || Node.isVoidExpression(parent)) return false;
  if (Node.isForStatement(parent) && parent.getIncrementor() === top) return false;
  return true;
}

/** `++x`, `x++`, `--x` or `x--` of a local number variable: an update whose value an expression may use (`if (++attempts > 3)`, `items[i++]`). */
export type VariableUpdate = PrefixUnaryExpression | PostfixUnaryExpression;

/** A change whose value an expression may use: a call that changes its receiver, `++`/`--`, or an assignment to a variable. */
export type Change = CallExpression | VariableUpdate | BinaryExpression;

/** True for a {@link Change}: `xs.pop()`, `n++`, `total += n`. */
export function isChange(node: Node): node is Change {
  return isMutation(node) || isVariableUpdate(node) || isVariableAssignment(node);
}

/** True for `++n`, `n--` and the like on a variable (not a path) that holds a number. */
export function isVariableUpdate(node: Node): node is VariableUpdate {
  if (!Node.isPrefixUnaryExpression(node) && !Node.isPostfixUnaryExpression(node)) return false;
  const operator = node.getOperatorToken();
  if (operator !== SyntaxKind.PlusPlusToken && operator !== SyntaxKind.MinusMinusToken) return false;
  const operand = unwrap(node.getOperand());
  return Node.isIdentifier(operand) && onlyKinds(kindsOf(operand), 'number');
}

/**
 * `++n` / `n++` whose value is used, run before the expression that uses it:
 * the variable is rebound to its new value and the expression reads the new
 * value (prefix) or the old one (postfix), as JavaScript's evaluation gives.
 */
export function lowerUpdateValue(node: VariableUpdate, flow: Flow, ctx: LowerContext, then: (result: string, flow: Flow) => string): string {
  const operand = node.getOperand();
  const old = ctx.temporary();
  const updated = ctx.temporary();
  const sign = node.getOperatorToken() === SyntaxKind.PlusPlusToken ? '+' : '-';
  const steps = [`${old} := ${lowerNode(operand, ctx)}`, `${updated} := ${old} ${sign} 1`];
  return `(${steps.join('; ')}; ${assign(operand, () => updated, flow, (f) => then(Node.isPrefixUnaryExpression(node) ? updated : old, f), ctx, node)})`;
}

/** `console.log(…)`, `console.error(…)`… on the global `console`. */
function isConsoleCall(node: Node): boolean {
  if (!Node.isCallExpression(node)) return false;
  const callee = node.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return false;
  return isGlobal(callee.getExpression(), 'console');
}

function isForEach(call: CallExpression): boolean {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'forEach' && onlyKinds(withoutNullish(kindsOf(callee.getExpression())), 'array');
}

/**
 * A call that changes its receiver in place: the receiver's path is rebound to
 * the new value, and `then` continues with the call's result (a temporary).
 */
export function lowerMutationCall(call: CallExpression, flow: Flow, ctx: LowerContext, then: (result: string, flow: Flow) => string): string {
  const callee = call.getExpression();
  const receiver = (callee.getText() === 'Object.assign' ? call.getArguments()[0] : (callee as PropertyAccessExpression).getExpression()) as Expression;
  const current = ctx.temporary();
  const updated = ctx.temporary();
  const result = ctx.temporary();
  const mutation = lowerMutation(call, current, updated, ctx);
  if (!mutation) return then('null', flow);
  const steps = [`${current} := ${lowerNode(receiver, ctx)}`, ...mutation.bindings, `${updated} := ${mutation.value}`, `${result} := ${mutation.result}`];
  return `(${steps.join('; ')}; ${assign(receiver, () => updated, flow, (f) => then(result, f), ctx, call)})`;
}

/** `delete o.k` / `delete o[k]`: the object without that key. */
function lowerDelete(node: DeleteExpression, flow: Flow, next: (flow: Flow) => string, ctx: LowerContext): string {
  const target = unwrapped(node.getExpression());
  if (!(Node.isPropertyAccessExpression(target) || Node.isElementAccessExpression(target)) || !onlyKinds(withoutNullish(kindsOf(target.getExpression())), 'object')) {
    ctx.report('expression_mutation', node, { text: `${node.getText()} (only a key of an object can be deleted; an array would keep a hole)` });
    return next(flow);
  }
  const key = keyOf(target, ctx);
  const kept = ctx.temporary();
  return assign(target.getExpression(), (parent) => `(${kept} := $sift(${parent}, function($__v, $__k){ $__k != ${key} }); $exists(${kept}) ? ${kept} : {})`, flow, next, ctx, node);
}

/**
 * Lowers the statement (or expression) `node` after the calls in it that change
 * a variable's value in place (`const last = queue.shift()`,
 * `if (stack.pop() === '(')`), each evaluated first with its result in a
 * temporary the lowering of `node` reads. A call that runs only on some
 * paths, or whose receiver the statement (`within`) also reads elsewhere,
 * would change the order of effects: reported. A call the states already
 * evaluated (`ExpressionScope.hoisted`) is read, not repeated.
 */
export function hoistMutations(node: Node | Node[], flow: Flow, ctx: LowerContext, body: (flow: Flow) => string, within: Node = node as Node): string {
  const calls: Change[] = [];
  const visit = (child: Node) => {
    if (Node.isArrowFunction(child) || Node.isFunctionExpression(child)) return;
    child.forEachChild(visit);
    const change = isMutation(child) || isCallbackFold(child) || isVariableUpdate(child) || (isVariableAssignment(child) && isUsed(child));
    if (change && ctx.scope.hoisted?.(child) === undefined) calls.push(child);
  };
  for (const each of Array.isArray(node) ? node : [node]) visit(each);
  const usable = calls.filter((call) => {
    const problem = hoistProblem(call, within);
    if (problem) ctx.substitutions.set(call, reportUnhoisted(call, problem, ctx));
    return !problem;
  });
  const chain = (index: number, f: Flow): string => {
    if (index >= usable.length) return body(f);
    const call = usable[index]!;
    const then = (result: string, after: Flow) => {
      ctx.substitutions.set(call, result);
      return chain(index + 1, after);
    };
    if (isVariableUpdate(call)) return lowerUpdateValue(call, f, ctx, then);
    // The assignment runs as a statement would; the expression then reads the variable's new value.
    if (isVariableAssignment(call)) return lowerAssignment(call, f, (after) => then(lowerNode(call.getLeft(), ctx), after), ctx);
    return (isCallbackFold(call) ? ctx.visit.callbackFold : lowerMutationCall)(call as CallExpression, f, ctx, then);
  };
  return chain(0, flow);
}

/** Reports a change whose value is used but which cannot run before its expression (`problem` says why); returns the error text. */
export function reportUnhoisted(node: Change, problem: string, ctx: LowerContext): string {
  if (isVariableUpdate(node) || isVariableAssignment(node)) return ctx.report('expression_update_reordered', node, { text: node.getText(), reason: problem });
  return ctx.report('expression_mutation', node, { text: `${node.getText()} (${problem})` });
}

/**
 * The whole expression `node` belongs to, up to its statement or function:
 * where a change in place hoisted before it must be the only read of its
 * variable.
 */
export function expressionRootOf(node: Node): Node {
  let top = node;
  for (let parent = top.getParent(); parent && !Node.isStatement(parent) && !Node.isFunctionLikeDeclaration(parent) && !Node.isArrowFunction(parent) && !Node.isFunctionExpression(parent) && !Node.isVariableDeclarationList(parent); parent = parent.getParent()) top = parent;
  return top;
}

/** Why `call` (or an update of a variable) cannot run before the rest of `statement`, if it cannot. */
export function hoistProblem(call: Change, statement: Node): string | undefined {
  for (let node: Node = call; node !== statement; node = node.getParentOrThrow()) {
    const parent = node.getParentOrThrow();
    if (Node.isConditionalExpression(parent) && parent.getCondition() !== node) return 'it runs only on one branch: change the value in a statement of its own';
    if (Node.isBinaryExpression(parent) && parent.getRight() === node && [SyntaxKind.AmpersandAmpersandToken, SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken].includes(parent.getOperatorToken().getKind())) {
      return 'it runs only when the left side allows: change the value in a statement of its own';
    }
  }
  const changed = isVariableUpdate(call) ? [unwrap(call.getOperand())] : isVariableAssignment(call) ? [unwrap(call.getLeft())] : changedByCall(call as CallExpression);
  if (typeof changed === 'string') return changed;
  const inCall = (id: Node) => id.getStart() >= call.getStart() && id.getEnd() <= call.getEnd();
  for (const root of changed) {
    const elsewhere = statement.getDescendantsOfKind(SyntaxKind.Identifier).some((id) => id.getSymbol() === root.getSymbol() && !inCall(id));
    if (elsewhere) return `\`${root.getText()}\` is also read in this statement, before or after the change: change it in a statement of its own`;
  }
  return undefined;
}

/** The variables a call changes (its receiver's root; a fold's callback's outer variables), or why it cannot run first. */
function changedByCall(call: CallExpression): Node[] | string {
  const callee = call.getExpression();
  const receiver = callee.getText() === 'Object.assign' ? call.getArguments()[0]! : (callee as PropertyAccessExpression).getExpression();
  // A fold changes the variables its callback changes; a method, the variable at the root of its receiver.
  const changed = isCallbackFold(call) ? outerChanges(call.getArguments()[0]!) : [rootOf(receiver)!];
  const receiverRoot = rootOf(receiver);
  if (isCallbackFold(call) && receiverRoot && changed.some((id) => id.getSymbol() === receiverRoot.getSymbol())) {
    return `the callback changes \`${receiverRoot.getText()}\`, the array it goes through: build the new array in a variable of its own`;
  }
  return changed;
}

function lowerAssignment(node: BinaryExpression, flow: Flow, next: (flow: Flow) => string, ctx: LowerContext): string {
  const operator = node.getOperatorToken().getKind();
  const target = node.getLeft();
  const right = node.getRight();
  if (operator === SyntaxKind.EqualsToken && isAssignmentPattern(target)) {
    // `({ a, b: c = 1 } = value)`, `[x, y] = [y, x]`: the value once, then each target left to right.
    const source = ctx.temporary();
    return hoistMutations(right, flow, ctx, (f) => `(${source} := ${lowerNode(right, ctx)}; ${assignPattern(target, source, f, next, ctx)})`);
  }
  if (operator === SyntaxKind.EqualsToken) return hoistMutations(right, flow, ctx, (f) => assign(target, () => lowerNode(right, ctx), f, next, ctx));
  const op = compoundOperators()[operator]!;
  const l = kindsOf(target);
  const r = kindsOf(right);
  return hoistMutations(right, flow, ctx, (f) => assign(target, (current) => {
    const numbers = onlyKinds(declaredKinds(target), 'number') && onlyKinds(declaredKinds(right), 'number');
    if (numbers && mayBeNaN(node) && ['+', '-', '*', '/', '%', '**'].includes(op)) return nanArithmetic(op, target, current, right, lowerNode(right, ctx), ctx);
    switch (op) {
      case '+':
        if (numbers) return `(${definedNumber(current, target, ctx)} + ${lowerNode(right, ctx)})`;
        if (onlyKinds(declaredKinds(target), 'string') || onlyKinds(declaredKinds(right), 'string')) return `(${jsString(current, l, ctx)} & ${lowerAsString(right, r, ctx)})`;
        return ctx.report('expression_any_type', node, { text: node.getText(), type: target.getType().getText(), why: '`+=` joins strings but adds numbers' });
      case '**':
        return `$power(${current}, ${lowerNode(right, ctx)})`;
      case '||':
        return bindOnce(current, ctx, (v) => `(${truthy(v, truthinessKinds(target), ctx)} ? ${v} : ${lowerNode(right, ctx)})`);
      case '&&':
        return bindOnce(current, ctx, (v) => `(${truthy(v, truthinessKinds(target), ctx)} ? ${lowerNode(right, ctx)} : ${v})`);
      case '??':
        return bindOnce(current, ctx, (v) => `(${mayBeNaN(target) ? `$exists(${v})` : `${v} != null`} ? ${v} : ${lowerNode(right, ctx)})`);
      default:
        if (!onlyKinds(declaredKinds(target), 'number') || !onlyKinds(declaredKinds(right), 'number')) return ctx.report('expression_unsupported_operator', node, { operator: `${op}=`, reason: 'both sides must be numbers' });
        return `(${definedNumber(current, target, ctx)} ${op} ${lowerNode(right, ctx)})`;
    }
  }, f, next, ctx));
}

/** `{ … }` or `[ … ]` on the left of `=`: a destructuring assignment. */
export function isAssignmentPattern(node: Node): node is ObjectLiteralExpression | ArrayLiteralExpression {
  return Node.isObjectLiteralExpression(node) || Node.isArrayLiteralExpression(node);
}

/**
 * The targets of a destructuring assignment, each with the JSONata text of
 * its value read from `source` and its default (`{ a = 1 }`, `[x = 0]`), in
 * JavaScript's order. A rest element gets the remaining keys or items.
 */
function patternTargets(pattern: ObjectLiteralExpression | ArrayLiteralExpression, source: string, ctx: LowerContext): Array<{ target: Expression; value: string; fallback?: Expression }> {
  const out: Array<{ target: Expression; value: string; fallback?: Expression }> = [];
  if (Node.isArrayLiteralExpression(pattern)) {
    pattern.getElements().forEach((element, index) => {
      if (Node.isOmittedExpression(element)) return;
      if (Node.isSpreadElement(element)) {
        out.push({ target: element.getExpression(), value: `${ctx.helper('slice')}(${source}, ${index}, ())` });
        return;
      }
      const [target, fallback] = Node.isBinaryExpression(element) && element.getOperatorToken().getKind() === SyntaxKind.EqualsToken ? [element.getLeft(), element.getRight()] : [element, undefined];
      out.push({ target, value: `${ctx.helper('at')}(${source}, ${index})`, fallback });
    });
    return out;
  }
  const taken: string[] = [];
  for (const property of pattern.getProperties()) {
    if (Node.isShorthandPropertyAssignment(property)) {
      taken.push(property.getName());
      out.push({ target: property.getNameNode(), value: `$lookup(${source}, ${stringLiteral(property.getName())})`, fallback: property.getObjectAssignmentInitializer() });
    } else if (Node.isPropertyAssignment(property)) {
      const nameNode = property.getNameNode();
      const key = Node.isIdentifier(nameNode) ? nameNode.getText() : Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : Node.isNumericLiteral(nameNode) ? String(numericLiteralValue(nameNode)) : undefined;
      if (key === undefined) {
        ctx.report('unsupported_expression', property, { kind: 'computed key in a destructuring assignment' });
        continue;
      }
      taken.push(key);
      const initializer = property.getInitializerOrThrow();
      const [target, fallback] = Node.isBinaryExpression(initializer) && initializer.getOperatorToken().getKind() === SyntaxKind.EqualsToken ? [initializer.getLeft(), initializer.getRight()] : [initializer, undefined];
      out.push({ target, value: `$lookup(${source}, ${stringLiteral(key)})`, fallback });
    } else if (Node.isSpreadAssignment(property)) {
      const keys = `[${taken.map(stringLiteral).join(', ')}]`;
      out.push({ target: property.getExpression(), value: `($__r := $sift(${source}, function($v, $k){ $not($k in ${keys}) }); $exists($__r) ? $__r : {})` });
    } else {
      ctx.report('unsupported_expression', property, { kind: 'method or accessor in a destructuring assignment' });
    }
  }
  return out;
}

/** Assigns each target of a destructuring pattern from `source` (a variable), then continues with `next`. */
function assignPattern(pattern: ObjectLiteralExpression | ArrayLiteralExpression, source: string, flow: Flow, next: (flow: Flow) => string, ctx: LowerContext): string {
  const targets = patternTargets(pattern, source, ctx);
  const step = (i: number) => (f: Flow): string => {
    if (i === targets.length) return next(f);
    const { target, value, fallback } = targets[i]!;
    // A default applies only when the value is undefined (not null).
    const given = ctx.temporary();
    const read = fallback ? `(${given} := ${value}; $exists(${given}) ? ${given} : ${lowerNode(fallback, ctx)})` : value;
    if (isAssignmentPattern(target)) {
      const inner = ctx.temporary();
      return `(${inner} := ${read}; ${assignPattern(target, inner, f, step(i + 1), ctx)})`;
    }
    return assign(target, () => read, f, step(i + 1), ctx);
  };
  return step(0)(flow);
}

/**
 * Rebinds the variable at the root of `target` to `value(current)`. A field
 * (`o.a.b = v`, `o[k] = v`) is set by rebuilding the objects on the way with
 * $merge — allowed only on a local object no other name can see, since
 * JavaScript would change every alias.
 */
function assign(target: Expression, value: (current: string) => string, flow: Flow, next: (flow: Flow) => string, ctx: LowerContext, site: Node = target): string {
  if (Node.isParenthesizedExpression(target)) return assign(target.getExpression(), value, flow, next, ctx, site);
  if (Node.isNonNullExpression(target) || Node.isAsExpression(target)) return assign(target.getExpression(), value, flow, next, ctx, site);
  if (Node.isIdentifier(target)) {
    if (site !== target && !checkUnaliased(target, site, ctx)) return next(flow);
    const variable = assignmentTarget(target, flow, ctx);
    if (!variable) return next(flow);
    return sequence([`${variable} := ${value(variable)}`], next(flow));
  }
  if (Node.isPropertyAccessExpression(target) || Node.isElementAccessExpression(target)) {
    const object = target.getExpression();
    const objectKinds = withoutNullish(kindsOf(object));
    const at = site === target ? target : site;
    if (Node.isElementAccessExpression(target) && onlyKinds(objectKinds, 'array') && onlyKinds(kindsOf(target.getArgumentExpressionOrThrow()), 'number')) {
      // xs[i] = v: JavaScript's holes past the end are null in JSON, as every copy of the array reads them.
      const index = ctx.temporary();
      const text = assign(object, (parent) => `${ctx.helper('setAt')}(${parent}, ${index}, ${value(`${ctx.helper('at')}(${parent}, ${index})`)})`, flow, next, ctx, at);
      return `(${index} := ${lowerNode(target.getArgumentExpressionOrThrow(), ctx)}; ${text})`;
    }
    if (!onlyKinds(objectKinds, 'object')) {
      ctx.report('expression_mutation', target, { text: `${site.getText()} (only fields of an object and numbered items of an array can be set)` });
      return next(flow);
    }
    const key = keyOf(target, ctx);
    const current = Node.isPropertyAccessExpression(target) ? lowerNode(target, ctx) : `$lookup(${lowerNode(object, ctx)}, ${key})`;
    return assign(object, (parent) => `$merge([${parent}, {${key}: ${value(current)}}])`, flow, next, ctx, at);
  }
  ctx.report('expression_mutation', target, { text: site.getText() });
  return next(flow);
}

/**
 * The current value of a number target that may be missing (`counts[k]++` on a
 * new key): JavaScript computes NaN, which JSON cannot hold, and JSONata's
 * arithmetic on nothing gives nothing — so the evaluation fails instead.
 */
function definedNumber(current: string, target: Node, ctx: LowerContext): string {
  if (!kindsOf(target).has('undefined')) return current;
  const message = stringLiteral(`typestep: ${target.getText()} is undefined, and JavaScript would compute NaN, which JSON cannot hold`);
  return bindOnce(current, ctx, (v) => `($exists(${v}) ? ${v} : $error(${message}))`);
}

/** The key of `o.k` or `o[k]` as JSONata text (a string, as JavaScript converts it). */
function keyOf(target: PropertyAccessExpression | ElementAccessExpression, ctx: LowerContext): string {
  if (Node.isPropertyAccessExpression(target)) return stringLiteral(target.getName());
  const argument = target.getArgumentExpressionOrThrow();
  return jsString(lowerNode(argument, ctx), kindsOf(argument), ctx);
}

function unwrapped(node: Expression): Expression {
  return Node.isParenthesizedExpression(node) || Node.isNonNullExpression(node) || Node.isAsExpression(node) ? unwrapped(node.getExpression()) : node;
}

/**
 * True when changing the variable `root` in place at `site` is the same as
 * rebinding it (no alias reads it afterwards, see `aliasing.ts`); else reports
 * both places and the rewrite.
 */
function checkUnaliased(root: Node, site: Node, ctx: LowerContext): boolean {
  const alias = findAlias(root, site);
  if (!alias) return true;
  const { line, column } = alias.node.getSourceFile().getLineAndColumnAtPos(alias.node.getStart());
  ctx.report('expression_mutation_aliased', site, { text: site.getText(), name: root.getText(), alias: alias.name, line, column, rewrite: rewriteOf(site, root.getText()) });
  return false;
}

/** The explicit copy a user can write instead of the change in place. */
function rewriteOf(site: Node, name: string): string {
  if (Node.isCallExpression(site)) {
    const callee = site.getExpression();
    const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : '';
    const args = site.getArguments().map((a) => a.getText()).join(', ');
    if (method === 'push') return `${name} = [...${name}, ${args}]`;
    if (method === 'unshift') return `${name} = [${args}, ...${name}]`;
    if (callee.getText() === 'Object.assign') return `${name} = { ...${name}, ...${site.getArguments()[1]?.getText() ?? '…'} }`;
    return `${name} = ${name}.slice() with the change, or toSorted()/toReversed()/toSpliced()`;
  }
  return `${name} = { ...${name}, key: value }`;
}
