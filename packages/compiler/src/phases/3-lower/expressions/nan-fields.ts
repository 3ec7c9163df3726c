import { Node, SyntaxKind, type ElementAccessExpression, type SourceFile } from '../../../ts-morph.js';
import { kindsOf } from './value-kinds.js';
import { CheckerWeakMap } from '../../../program/index.js';

/**
 * Where NaN is followed into object fields (`nan-analysis.ts`): by the
 * field's name, whatever object it belongs to. These are the syntax the
 * analysis reads for it: which name a property, an access or a destructured
 * name writes or reads, and who reads each name.
 */

/** Parentheses, `as`, `!` and `satisfies` do not change a value. */
export function unwrap(node: Node): Node {
  let current = node;
  while (Node.isParenthesizedExpression(current) || Node.isAsExpression(current) || Node.isNonNullExpression(current) || Node.isSatisfiesExpression(current) || Node.isTypeAssertion(current)) {
    current = current.getExpression();
  }
  return current;
}

/**
 * The field an object literal's property, or an assignment's target, writes
 * (`{ cost: v }`, `{ cost }`, `o.cost = v`, `o['cost'] = v`), or the field an
 * access reads (`o.cost`, `o['cost']`). Fields are followed by name, whatever
 * object they belong to: a name some object may hold NaN under is read as
 * possibly NaN everywhere in the file (more is safe; it only costs the
 * NaN-aware lowering).
 */
export function fieldName(node: Node): string | undefined {
  if (Node.isPropertyAccessExpression(node)) return node.getName();
  if (Node.isElementAccessExpression(node)) {
    const key = unwrap(node.getArgumentExpression() ?? node);
    return Node.isStringLiteral(key) || Node.isNoSubstitutionTemplateLiteral(key) ? key.getLiteralValue() : undefined;
  }
  if (Node.isPropertyAssignment(node) || Node.isShorthandPropertyAssignment(node)) {
    const name = node.getNameNode();
    if (Node.isIdentifier(name)) return name.getText();
    return Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name) || Node.isNumericLiteral(name) ? name.getLiteralText() : undefined;
  }
  return undefined;
}

/** The field a destructured name reads (`cost` in `{ cost }` or `{ cost: c }`), when it comes from an object pattern. */
export function destructuredField(identifier: Node): string | undefined {
  const declaration = identifier.getSymbol()?.getDeclarations()[0];
  if (!Node.isBindingElement(declaration) || !Node.isObjectBindingPattern(declaration.getParent())) return undefined;
  const property = declaration.getPropertyNameNode();
  if (!property) return declaration.getName();
  return Node.isIdentifier(property) ? property.getText() : Node.isStringLiteral(property) ? property.getLiteralValue() : undefined;
}

/** The nodes that read each field name in `file`: accesses under the name and names destructured from it. */
export function fieldReadsOf(file: SourceFile): Map<string, Node[]> {
  const reads = new Map<string, Node[]>();
  const add = (name: string | undefined, node: Node) => {
    if (name !== undefined) reads.set(name, [...(reads.get(name) ?? []), node]);
  };
  for (const access of file.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) add(fieldName(access), access);
  for (const access of file.getDescendantsOfKind(SyntaxKind.ElementAccessExpression)) add(fieldName(access), access);
  for (const element of file.getDescendantsOfKind(SyntaxKind.BindingElement)) add(destructuredField(element.getNameNode()), element.getNameNode());
  return reads;
}

/**
 * True when NaN may be followed under a field name, given its `reads` in
 * `file`: none may also be null (a compiled NaN is null, so the two could not
 * be told apart) or of a type the compiler cannot tell, and the file reads no
 * field but by its name (`readsFieldsByName`). A field that is not followed
 * keeps the check where a NaN is written to it.
 */
export function followable(file: SourceFile, reads: readonly Node[]): boolean {
  return readsFieldsByName(file) && reads.every((read) => {
    const kinds = kindsOf(read);
    return !kinds.has('null') && !kinds.has('unknown');
  });
}

const byNameOnly = new CheckerWeakMap<SourceFile, boolean>();

/**
 * True when `file` reads object fields only by their names: no `o[k]` with a
 * computed key on an object (arrays and strings are fine), no
 * `Object.values`/`Object.entries`, no `for…in`. Otherwise no field is
 * followed there: such a read could meet a NaN field without knowing it.
 *
 * @example
 * readsFieldsByName(file) // false when the file has `for (const k in totals) sum += totals[k]`
 */
export function readsFieldsByName(file: SourceFile): boolean {
  const known = byNameOnly.get(file);
  if (known !== undefined) return known;
  const answer = file.getDescendantsOfKind(SyntaxKind.ForInStatement).length === 0
    && !file.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => ['Object.values', 'Object.entries'].includes(call.getExpression().getText()))
    && !file.getDescendantsOfKind(SyntaxKind.ElementAccessExpression).some(readsUnnamedField);
  byNameOnly.set(file, answer);
  return answer;
}

/** `o[k]` read with a key that is no literal, from something that is not an array or a string. */
function readsUnnamedField(access: ElementAccessExpression): boolean {
  const key = unwrap(access.getArgumentExpression() ?? access);
  if (Node.isStringLiteral(key) || Node.isNoSubstitutionTemplateLiteral(key) || Node.isNumericLiteral(key)) return false;
  const parent = access.getParent();
  // A write (`totals[k] = v`) reads nothing.
  if (Node.isBinaryExpression(parent) && parent.getLeft() === access && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) return false;
  const receiver = access.getExpression().getType();
  return !(receiver.isArray() || receiver.isTuple() || receiver.isString() || receiver.isStringLiteral());
}
