import { Node, SyntaxKind, type ArrowFunction, type CallExpression, type FunctionDeclaration, type MethodDeclaration, type FunctionExpression, type Identifier, type ParameterDeclaration } from '../../../ts-morph.js';
import { bindPattern } from './bindings.js';
import { deferredFunction, deferredRecord } from './deferred-calls.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { lowerFunctionBody } from './statements.js';
import { editAt, type DiagnosticFix } from '../../../diagnostics/index.js';

type FunctionLike = ArrowFunction | FunctionExpression | FunctionDeclaration;

/**
 * An arrow function or function expression as a JSONata lambda. Parameters
 * become lambda parameters; destructured or defaulted ones are bound at the
 * start of the body. A block body is lowered like an await-free run whose
 * `return` gives the value.
 *
 * @example
 * lowerFunctionExpression(`(item) => item.qty * 2`, ctx) // 'function($item){ ($item.qty * 2) }'
 */
export function lowerFunctionExpression(node: ArrowFunction | FunctionExpression, ctx: LowerContext): string {
  // A function kept in a list to be awaited later is data: which function, and the values it closes over.
  const deferred = deferredFunction(node);
  if (deferred) return deferredRecord(deferred, (reference) => lowerNode(reference, ctx));
  if (node.isAsync() || (Node.isFunctionExpression(node) && node.isGenerator())) {
    return ctx.report('expression_impure_helper', node, { name: 'this function', reason: 'it is async or a generator; a callback in an expression must compute its result directly' });
  }
  return lowerLambda(node, ctx);
}

function lowerLambda(node: FunctionLike, ctx: LowerContext): string {
  const parameters: string[] = [];
  const prologue: string[] = [];
  for (const parameter of node.getParameters()) lowerParameter(parameter, parameters, prologue, ctx);
  const body = node.getBody();
  let text: string;
  if (!body) text = ctx.report('expression_impure_helper', node, { name: 'this function', reason: 'it has no body' });
  else if (Node.isBlock(body)) text = lowerFunctionBody(body.getStatements(), ctx);
  else text = lowerNode(body as any, ctx);
  const inner = prologue.length ? `(${prologue.join('; ')}; ${text})` : text;
  return `function(${parameters.join(', ')}){ ${inner} }`;
}

function lowerParameter(parameter: ParameterDeclaration, parameters: string[], prologue: string[], ctx: LowerContext): void {
  if (parameter.isRestParameter()) {
    parameters.push(ctx.report('unsupported_expression', parameter, { kind: 'rest parameter', reason: 'JSONata lambdas take a fixed list of arguments' }));
    return;
  }
  const name = parameter.getNameNode();
  const initializer = parameter.getInitializer();
  if (Node.isIdentifier(name) && !initializer) {
    parameters.push(ctx.declareLocal(parameter, name.getText()));
    return;
  }
  const argument = ctx.temporary();
  parameters.push(argument);
  const value = initializer ? `($exists(${argument}) ? ${argument} : ${lowerNode(initializer, ctx)})` : argument;
  if (Node.isIdentifier(name)) prologue.push(`${ctx.declareLocal(parameter, name.getText())} := ${value}`);
  else prologue.push(...bindPattern(name, value, ctx));
}

/**
 * A reference to a helper function of the workflow's file (a function
 * declaration, or a `const` bound to an arrow function) as a JSONata lambda
 * bound once around the whole expression (`$__fn_name`), so it may call
 * itself. Returns undefined when `declaration` is not such a helper.
 */
export function lowerHelperFunctionReference(declaration: Node, use: Identifier, ctx: LowerContext): string | undefined {
  let fn: FunctionLike | undefined;
  if (Node.isFunctionDeclaration(declaration)) fn = declaration;
  else if (Node.isVariableDeclaration(declaration)) {
    const initializer = declaration.getInitializer();
    if (initializer && (Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer))) fn = initializer;
  }
  if (!fn) return undefined;
  const known = ctx.functions.get(declaration);
  if (known) return known.variable;
  const name = use.getText();
  if (fn.getSourceFile().isDeclarationFile()) return undefined;
  const call = use.getParent();
  if (fn.isAsync() && Node.isCallExpression(call) && call.getExpression() === use) {
    const result = Node.isVariableDeclaration(call.getParent()) ? (call.getParent() as import('ts-morph').VariableDeclaration).getName() : 'result';
    return ctx.report('helper_not_awaited', call, { name, result, call: call.getText().replace(/\s+/g, ' ') }, awaitFix(call, name));
  }
  if (fn.isAsync() || (!Node.isArrowFunction(fn) && fn.isGenerator())) {
    return ctx.report('expression_impure_helper', use, { name, reason: 'it is async or a generator (await it in the workflow body instead)' });
  }
  if (fn.getFirstDescendantByKind(SyntaxKind.AwaitExpression) || fn.getFirstDescendantByKind(SyntaxKind.ThisKeyword)) {
    return ctx.report('expression_impure_helper', use, { name, reason: 'it uses `await` or `this`' });
  }
  // Two helpers of one name (from two modules, or imported under another name) get two variables.
  const base = `$__fn_${(Node.isFunctionDeclaration(declaration) || Node.isVariableDeclaration(declaration) ? declaration.getName() : undefined) ?? name}`;
  const taken = new Set([...ctx.functions.values()].map((known) => known.variable));
  let variable = base;
  for (let n = 2; taken.has(variable); n++) variable = `${base}_${n}`;
  const entry = { variable, text: undefined as string | undefined };
  ctx.functions.set(declaration, entry);
  entry.text = lowerLambda(fn, ctx);
  return variable;
}

/**
 * `helper_not_awaited`'s rewrite: `await` before the call, in parentheses
 * where the call is the target of a property access or another call. None
 * when the function around the call is not async (`await` is not allowed
 * there; the call has to move out of the callback, a choice left to people).
 */
function awaitFix(call: CallExpression, name: string): DiagnosticFix | undefined {
  const isFunction = (node: Node): node is FunctionLike | MethodDeclaration =>
    Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node);
  if (!call.getFirstAncestor(isFunction)?.isAsync()) return undefined;
  const parent = call.getParent();
  const isTarget = (Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent) || Node.isCallExpression(parent) || Node.isNonNullExpression(parent) || Node.isTaggedTemplateExpression(parent)) && parent.getChildAtIndex(0) === call;
  const edits = isTarget
    ? [editAt(call, call.getStart(), call.getStart(), '(await '), editAt(call, call.getEnd(), call.getEnd(), ')')]
    : [editAt(call, call.getStart(), call.getStart(), 'await ')];
  return { description: `Await \`${name}(…)\``, edits };
}
