import { Node, SyntaxKind, type BinaryExpression, type Expression } from 'ts-morph';
import type { LowerContext } from './lower-context.js';
import { lowerNode } from './lower-expression.js';
import type { Flow } from './statements.js';
import { bindOnce, sequence, stringLiteral } from './text.js';
import { jsString } from './to-string.js';
import { truthy } from './truthiness.js';
import { declaredKinds, elementKinds, kindsOf, onlyKinds } from './value-kinds.js';

const COMPOUND: Partial<Record<SyntaxKind, string>> = {
  [SyntaxKind.PlusEqualsToken]: '+',
  [SyntaxKind.MinusEqualsToken]: '-',
  [SyntaxKind.AsteriskEqualsToken]: '*',
  [SyntaxKind.SlashEqualsToken]: '/',
  [SyntaxKind.PercentEqualsToken]: '%',
  [SyntaxKind.AsteriskAsteriskEqualsToken]: '**',
  [SyntaxKind.BarBarEqualsToken]: '||',
  [SyntaxKind.AmpersandAmpersandEqualsToken]: '&&',
  [SyntaxKind.QuestionQuestionEqualsToken]: '??',
};

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
  const declarations = target.getSymbol()?.getDeclarations() ?? [];
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
    if (operator === SyntaxKind.EqualsToken || COMPOUND[operator]) return lowerAssignment(expression, flow, next, ctx);
  }
  if (Node.isPrefixUnaryExpression(expression) || Node.isPostfixUnaryExpression(expression)) {
    const operator = expression.getOperatorToken();
    if (operator === SyntaxKind.PlusPlusToken || operator === SyntaxKind.MinusMinusToken) {
      const operand = expression.getOperand();
      return assign(operand, (current) => `(${current} ${operator === SyntaxKind.PlusPlusToken ? '+' : '-'} 1)`, flow, next, ctx);
    }
  }
  if (Node.isCallExpression(expression)) {
    const callee = expression.getExpression();
    if (Node.isPropertyAccessExpression(callee) && (callee.getName() === 'push' || callee.getName() === 'unshift') && onlyKinds(kindsOf(callee.getExpression()), 'array')) {
      const receiver = callee.getExpression();
      const items = expression.getArguments().map((argument) => {
        if (Node.isSpreadElement(argument)) return lowerNode(argument.getExpression(), ctx);
        return `${ctx.helper('one')}(${lowerNode(argument as Expression, ctx)})`;
      });
      const front = callee.getName() === 'unshift';
      return assign(receiver, (current) => (front ? [...items, current] : [current, ...items]).reduce((all, part) => `$append(${all}, ${part})`), flow, next, ctx, expression);
    }
  }
  ctx.report('expression_unsupported_statement', expression, { kind: 'expression statement', reason: 'only assignments, ++/--, and push/unshift on a local array have an effect in an await-free run' });
  return next(flow);
}

function lowerAssignment(node: BinaryExpression, flow: Flow, next: (flow: Flow) => string, ctx: LowerContext): string {
  const operator = node.getOperatorToken().getKind();
  const target = node.getLeft();
  const right = node.getRight();
  if (operator === SyntaxKind.EqualsToken) return assign(target, () => lowerNode(right, ctx), flow, next, ctx);
  const op = COMPOUND[operator]!;
  const l = kindsOf(target);
  const r = kindsOf(right);
  return assign(target, (current) => {
    switch (op) {
      case '+':
        if (onlyKinds(declaredKinds(target), 'number') && onlyKinds(declaredKinds(right), 'number')) return `(${current} + ${lowerNode(right, ctx)})`;
        if (onlyKinds(declaredKinds(target), 'string') || onlyKinds(declaredKinds(right), 'string')) return `(${jsString(current, l, ctx)} & ${jsString(lowerNode(right, ctx), r, ctx)})`;
        return ctx.report('expression_any_type', node, { text: node.getText(), type: target.getType().getText(), why: '`+=` joins strings but adds numbers' });
      case '**':
        return `$power(${current}, ${lowerNode(right, ctx)})`;
      case '||':
        return bindOnce(current, ctx, (v) => `(${truthy(v, l, ctx)} ? ${v} : ${lowerNode(right, ctx)})`);
      case '&&':
        return bindOnce(current, ctx, (v) => `(${truthy(v, l, ctx)} ? ${lowerNode(right, ctx)} : ${v})`);
      case '??':
        return bindOnce(current, ctx, (v) => `(${v} != null ? ${v} : ${lowerNode(right, ctx)})`);
      default:
        if (!onlyKinds(declaredKinds(target), 'number') || !onlyKinds(declaredKinds(right), 'number')) return ctx.report('expression_unsupported_operator', node, { operator: `${op}=`, reason: 'both sides must be numbers' });
        return `(${current} ${op} ${lowerNode(right, ctx)})`;
    }
  }, flow, next, ctx);
}

/**
 * Rebinds the variable at the root of `target` to `value(current)`. A field
 * (`o.a.b = v`, `o[k] = v`) is set by rebuilding the objects on the way with
 * $merge — allowed only on a local object no other name can see, since
 * JavaScript would change every alias.
 */
function assign(target: Expression, value: (current: string) => string, flow: Flow, next: (flow: Flow) => string, ctx: LowerContext, site: Node = target): string {
  if (Node.isParenthesizedExpression(target)) return assign(target.getExpression(), value, flow, next, ctx, site);
  if (Node.isIdentifier(target)) {
    if (site !== target && !unaliased(target, site, ctx)) return next(flow);
    const variable = assignmentTarget(target, flow, ctx);
    if (!variable) return next(flow);
    return sequence([`${variable} := ${value(variable)}`], next(flow));
  }
  if (Node.isPropertyAccessExpression(target) || Node.isElementAccessExpression(target)) {
    const object = target.getExpression();
    if (!onlyKinds(kindsOf(object), 'object')) {
      ctx.report('expression_mutation', target, { text: `${site.getText()} (only fields of a local object can be set; build a new array instead)` });
      return next(flow);
    }
    const key = Node.isPropertyAccessExpression(target)
      ? stringLiteral(target.getName())
      : jsString(lowerNode(target.getArgumentExpressionOrThrow(), ctx), kindsOf(target.getArgumentExpressionOrThrow()), ctx);
    const current = Node.isPropertyAccessExpression(target) ? lowerNode(target, ctx) : `$lookup(${lowerNode(object, ctx)}, ${key})`;
    return assign(object, (parent) => `$merge([${parent}, {${key}: ${value(current)}}])`, flow, next, ctx, site === target ? target : site);
  }
  ctx.report('expression_mutation', target, { text: site.getText() });
  return next(flow);
}

/**
 * True when this use of a local hands no part of it to another name: it is
 * (the root of) an assignment target or a push/unshift, or what it reads is a
 * primitive, or a copy of primitives (`[...o.tags]`, `o.tags.join()`).
 */
function sharesNothing(reference: Node): boolean {
  let top: Node = reference;
  while (true) {
    const parent = top.getParent();
    if ((Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === top) top = parent;
    else break;
  }
  const parent = top.getParent();
  if (Node.isBinaryExpression(parent) && parent.getLeft() === top && parent.getOperatorToken().getKind() >= SyntaxKind.FirstAssignment && parent.getOperatorToken().getKind() <= SyntaxKind.LastAssignment) return true;
  if ((Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) && top !== reference) return true;
  const primitive = (node: Node) => onlyKinds(kindsOf(node), 'string', 'number', 'boolean', 'null', 'undefined');
  if (top !== reference && primitive(top)) return true;
  if (Node.isCallExpression(parent) && parent.getExpression() === top) {
    const method = Node.isPropertyAccessExpression(top) ? top.getName() : '';
    if (method === 'push' || method === 'unshift') return true;
    return primitive(parent) || (onlyKinds(kindsOf(parent), 'array') && onlyKinds(elementKinds(parent.getType()), 'string', 'number', 'boolean', 'null'));
  }
  if (Node.isSpreadElement(parent) || Node.isSpreadAssignment(parent)) {
    return onlyKinds(kindsOf(top), 'array') ? onlyKinds(elementKinds(top.getType()), 'string', 'number', 'boolean', 'null') : false;
  }
  return false;
}

/**
 * True when the local at `root` holds an object or array only it refers to
 * (made by a literal in its declaration, never handed to another name before
 * `site` or inside a loop around it), so changing it in place and rebinding
 * it are the same.
 */
function unaliased(root: Node, site: Node, ctx: LowerContext): boolean {
  const declaration = root.getSymbol()?.getDeclarations()[0];
  const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  const fresh = initializer && (Node.isArrayLiteralExpression(initializer) || Node.isObjectLiteralExpression(initializer));
  const declaredHere = declaration && (ctx.localFor(declaration) !== undefined || ctx.runStatements.has(declaration.getParent()?.getParent() as Node));
  if (!declaration || !fresh || !declaredHere) {
    ctx.report('expression_mutation', site, { text: `${site.getText()} (only a local declared with an object or array literal can be changed in place)` });
    return false;
  }
  const scope = declaration.getParent()?.getParent()?.getParent() ?? declaration.getSourceFile();
  const symbol = root.getSymbol();
  const loops = (node: Node) => node.getAncestors().filter((a) => Node.isIterationStatement(a) && a.getPos() >= scope.getPos());
  const siteLoops = loops(site);
  for (const reference of scope.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (reference === root || reference.getSymbol() !== symbol || reference.getParent() === declaration) continue;
    if (sharesNothing(reference)) continue;
    const before = reference.getStart() < site.getStart();
    const sharesLoop = loops(reference).some((loop) => siteLoops.includes(loop));
    if (before || sharesLoop) {
      ctx.report('expression_mutation', site, { text: `${site.getText()} (\`${root.getText()}\` may be shared by another name by then)` });
      return false;
    }
  }
  return true;
}

