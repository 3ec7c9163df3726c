import { Node, VariableDeclarationKind, type Identifier } from '../../../ts-morph.js';
import { lowerHelperFunctionReference } from './functions.js';
import { lookupTableOf, tableReadReason } from './lookup-tables.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { toNumber } from './operators.js';
import { jsString } from './to-string.js';
import { truthy } from './truthiness.js';
import { elementKinds, kindsOf, onlyKinds, type Kinds } from './value-kinds.js';

/** Module-level constants being inlined, to stop a cycle. */
const inlining = new Set<Node>();

/**
 * Lowers a name: a local of the expression (lambda parameter, block variable),
 * else a workflow value (`scope.lookup`), else a module-level `const` with a
 * pure initializer (inlined) or a local helper function.
 */
export function lowerIdentifier(node: Identifier, ctx: LowerContext): string {
  const name = node.getText();
  let symbol = Node.isShorthandPropertyAssignment(node.getParent()) ? (node.getParent() as any).getValueSymbol() : node.getSymbol();
  // An imported name: the declaration in its own module (a helper function, a constant).
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
  const declarations: Node[] = symbol?.getDeclarations() ?? [];
  // A table of tasks holds functions, which no workflow value can: only calls through it compile.
  const table = declarations.find((declaration) => Node.isVariableDeclaration(declaration) && lookupTableOf(declaration));
  if (table) {
    const name = (table as import('ts-morph').VariableDeclaration).getName();
    return ctx.report('task_table_unsupported', node, { callee: `${name}[…]`, reason: tableReadReason(name) });
  }
  for (const declaration of declarations) {
    const local = ctx.localFor(declaration);
    if (local) return local;
  }
  // A name the run assigns, unless it resolves to something at module level (a helper's own world).
  const runVariable = declarations.some(isModuleLevel) ? undefined : ctx.runVariable(name, node);
  if (runVariable) return runVariable;
  if (name === 'undefined' && declarations.every((d: Node) => d.getSourceFile().isDeclarationFile() || d.getSourceFile().isFromExternalLibrary())) return '()';
  const workflowValue = ctx.scope.lookup(name, node);
  if (workflowValue !== undefined) return workflowValue;
  // NaN is null in a compiled workflow (`nan-values.ts`); where it cannot be kept, its use is reported.
  if (name === 'NaN' && declarations.every((d: Node) => d.getSourceFile().isDeclarationFile())) return 'null';
  if (name === 'NaN' || name === 'Infinity') {
    return ctx.report('unsupported_expression', node, { kind: `\`${name}\``, reason: 'JSON has no NaN or Infinity, so no workflow value can hold one' });
  }
  const declaration = declarations[0];
  if (Node.isVariableDeclaration(declaration) && isModuleConstant(declaration) && !inlining.has(declaration)) {
    const initializer = declaration.getInitializer();
    if (initializer && !Node.isArrowFunction(initializer) && !Node.isFunctionExpression(initializer)) {
      inlining.add(declaration);
      try {
        return lowerNode(initializer, ctx);
      } finally {
        inlining.delete(declaration);
      }
    }
  }
  if (declaration && (Node.isFunctionDeclaration(declaration) || Node.isVariableDeclaration(declaration))) {
    const helper = lowerHelperFunctionReference(declaration, node, ctx);
    if (helper) return helper;
  }
  const conversion = CONVERSIONS[name];
  if (conversion && declarations.every((d: Node) => d.getSourceFile().isDeclarationFile())) return conversionFunction(conversion, node, ctx);
  return ctx.report('expression_unknown_identifier', node, { name });
}

/** The global conversion functions, passed by name as callbacks (`xs.filter(Boolean)`, `ids.map(String)`). */
const CONVERSIONS: Record<string, (text: string, kinds: Kinds, ctx: LowerContext) => string> = {
  Number: toNumber,
  String: jsString,
  Boolean: truthy,
};

/**
 * `Number`, `String` or `Boolean` as a value: a one-parameter JSONata
 * function converting as the call would. The items' kinds come from the
 * array whose method receives it (`xs.map(Number)`); elsewhere any value.
 */
function conversionFunction(convert: (text: string, kinds: Kinds, ctx: LowerContext) => string, node: Identifier, ctx: LowerContext): string {
  const call = node.getParent();
  const callee = Node.isCallExpression(call) && call.getArguments()[0] === node ? call.getExpression() : undefined;
  const receiver = callee && Node.isPropertyAccessExpression(callee) ? callee.getExpression() : undefined;
  const kinds: Kinds = receiver && onlyKinds(kindsOf(receiver), 'array') ? elementKinds(receiver.getType()) : new Set(['unknown']);
  const parameter = ctx.temporary();
  return `function(${parameter}){ ${convert(parameter, kinds, ctx)} }`;
}

function isModuleConstant(declaration: Node): boolean {
  const statement = declaration.getParent()?.getParent();
  return Node.isVariableStatement(statement) && Node.isSourceFile(statement.getParent()) && statement.getDeclarationKind() === VariableDeclarationKind.Const;
}

function isModuleLevel(declaration: Node): boolean {
  const statement = Node.isVariableDeclaration(declaration) ? declaration.getParent()?.getParent() : declaration;
  return statement !== undefined && Node.isSourceFile(statement.getParent()) || declaration.getSourceFile().isDeclarationFile();
}
