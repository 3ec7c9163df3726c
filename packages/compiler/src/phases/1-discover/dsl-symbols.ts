import { Node, type Symbol as MorphSymbol } from '../../ts-morph.js';

/** Exports of `@typestep/dsl` the compiler gives a meaning to, by export path (`sns.publish` for a member of `sns`). */
export type DslName = string;

/** True when `path` lies inside the `@typestep/dsl` package (its sources, its build or the workspace link). */
function isDslFile(path: string): boolean {
  return /[\\/](?:packages[\\/]dsl|node_modules[\\/]@typestep[\\/]dsl)[\\/]/.test(path);
}

/**
 * The dsl export an expression refers to, resolved through the type checker
 * (imports, re-exports and local aliases), never by its text: a local
 * function that happens to be called `lambda` is not the dsl's.
 *
 * @example
 * dslNameOf(callee) // 'lambda', 'sleep', 'sns.publish', 'WorkflowError' or undefined
 */
export function dslNameOf(expression: Node): DslName | undefined {
  if (Node.isPropertyAccessExpression(expression)) {
    const owner = dslNameOf(expression.getExpression());
    if (owner === NAMESPACE) return expression.getName();
    if (owner) return `${owner}.${expression.getName()}`;
    return undefined;
  }
  if (!Node.isIdentifier(expression)) return undefined;
  const symbol = resolved(expression.getSymbol());
  if (!symbol) return undefined;
  for (const declaration of symbol.getDeclarations()) {
    if (!isDslFile(declaration.getSourceFile().getFilePath())) continue;
    // `import * as dsl from '@typestep/dsl'`: the name is the module itself.
    return Node.isSourceFile(declaration) ? NAMESPACE : symbol.getName();
  }
  return undefined;
}

/** What {@link dslNameOf} returns for the dsl module itself (a namespace import). */
const NAMESPACE = '*';

function resolved(symbol: MorphSymbol | undefined): MorphSymbol | undefined {
  if (!symbol) return undefined;
  return symbol.isAlias() ? (symbol.getAliasedSymbol() ?? symbol) : symbol;
}

/** The declaration a callee identifier names (through import aliases), when it is a `const` in user code. */
export function constDeclarationOf(expression: Node): Node | undefined {
  if (!Node.isIdentifier(expression)) return undefined;
  const symbol = resolved(expression.getSymbol());
  const declaration = symbol?.getDeclarations()[0];
  return declaration && Node.isVariableDeclaration(declaration) ? declaration : undefined;
}
