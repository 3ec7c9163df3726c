import { Node, type Expression } from '../../../ts-morph.js';

/** True when `node` names a global of the standard library (`Math`, `JSON`, …), not a local of that name. */
export function isGlobal(node: Expression, name: string): boolean {
  if (!Node.isIdentifier(node) || node.getText() !== name) return false;
  const declarations = node.getSymbol()?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every((d) => d.getSourceFile().isDeclarationFile());
}
