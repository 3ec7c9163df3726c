import { Node, type ArrayLiteralExpression, type Expression, type ObjectLiteralExpression, type TemplateExpression } from '../../../ts-morph.js';
import { isCollection } from './collections.js';
import { nonDateString } from './dates.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { bindOnce, stringLiteral } from './text.js';
import { jsString } from './to-string.js';
import { kindsOf, onlyKinds, type Kinds } from './value-kinds.js';
import { numericLiteralValue } from '../../1-discover/static-value.js';

/** `a${x}b` → `"a" & String(x) & "b"`, each substitution converted as JavaScript does. */
export function lowerTemplate(node: TemplateExpression, ctx: LowerContext): string {
  const parts: string[] = [];
  const head = node.getHead().getLiteralText();
  if (head) parts.push(stringLiteral(head));
  for (const span of node.getTemplateSpans()) {
    parts.push(nonDateString(span.getExpression(), ctx));
    const tail = span.getLiteral().getLiteralText();
    if (tail) parts.push(stringLiteral(tail));
  }
  if (parts.length === 0) return '""';
  return parts.length === 1 ? parts[0] : `(${parts.join(' & ')})`;
}

/**
 * An object literal: a JSONata object constructor, or `$merge` over the parts
 * when there are spreads (its key order follows JavaScript's, as both use
 * plain objects). A property whose value is undefined is left out, as
 * JSON.stringify leaves it out.
 */
export function lowerObjectLiteral(node: ObjectLiteralExpression, ctx: LowerContext): string {
  const segments: string[] = [];
  let pairs: string[] = [];
  const flush = () => {
    if (pairs.length) segments.push(`{${pairs.join(', ')}}`);
    pairs = [];
  };
  // A computed key may repeat another key, where JavaScript keeps the last value and JSONata's object constructor
  // raises D1009: then every pair is its own object and $merge lets the last one win.
  const computed = node.getProperties().some((p) => Node.isPropertyAssignment(p) && Node.isComputedPropertyName(p.getNameNode()));
  for (const property of node.getProperties()) {
    if (Node.isPropertyAssignment(property)) {
      const key = propertyKey(property.getNameNode(), ctx);
      pairs.push(`${key}: ${lowerNode(property.getInitializerOrThrow(), ctx)}`);
      if (computed) flush();
    } else if (Node.isShorthandPropertyAssignment(property)) {
      pairs.push(`${stringLiteral(property.getName())}: ${lowerNode(property.getNameNode(), ctx)}`);
    } else if (Node.isSpreadAssignment(property)) {
      flush();
      const expression = property.getExpression();
      const kinds = kindsOf(expression);
      // Spreading an array gives its items under the keys "0", "1", … (TypeScript refuses a string here).
      if (onlyKinds(kinds, 'array', 'null', 'undefined') && kinds.has('array') && !isCollection(expression)) {
        const text = lowerNode(expression, ctx);
        segments.push(bindOnce(text, ctx, (v) => `($type(${v}) = "array" ? ${ctx.helper('indexedObject')}(${v}) : {})`));
        continue;
      }
      if (!onlyKinds(kinds, 'object', 'null', 'undefined')) {
        segments.push(ctx.report('unsupported_expression', property, { kind: 'spread', reason: 'only objects can be spread into an object literal' }));
        continue;
      }
      const text = lowerNode(expression, ctx);
      // {...null} is {} in JavaScript; $merge would fail on null.
      segments.push(kinds.has('null') ? `(${text} != null ? ${text} : {})` : text);
    } else {
      segments.push(ctx.report('unsupported_expression', property, { kind: 'method or accessor in an object literal', reason: 'workflow values are JSON data' }));
    }
  }
  if (segments.length === 0) return `{${pairs.join(', ')}}`;
  flush();
  return `$merge([${segments.join(', ')}])`;
}

function propertyKey(name: Node, ctx: LowerContext): string {
  if (Node.isIdentifier(name) || Node.isStringLiteral(name) || Node.isPrivateIdentifier(name)) return stringLiteral(Node.isStringLiteral(name) ? name.getLiteralValue() : name.getText());
  // JavaScript turns numeric keys into their String() form: { 1.0: x } has key "1".
  if (Node.isNumericLiteral(name)) return stringLiteral(String(numericLiteralValue(name)));
  if (Node.isComputedPropertyName(name)) {
    const expression = name.getExpression();
    const kinds = kindsOf(expression);
    if (onlyKinds(kinds, 'string', 'number')) return jsString(lowerNode(expression, ctx), kinds, ctx);
    return ctx.report('unsupported_expression', name, { kind: 'computed key', reason: 'the key must be a string or a number' });
  }
  return ctx.report('unsupported_expression', name, { kind: name.getKindName() });
}

/**
 * An array literal. JSONata's array constructor flattens an item that is an
 * array and drops a missing one, so array items are wrapped (`[x]` as an item
 * keeps one level) and items that may be undefined become null (JSON's view of
 * `[undefined]`); where the kind is unknown the items are appended one by one.
 */
export function lowerArrayLiteral(node: ArrayLiteralExpression, ctx: LowerContext): string {
  const items = node.getElements();
  const parts: { text: string; kind: 'item' | 'wrapped' | 'spread' | 'one' }[] = [];
  for (const item of items) {
    if (Node.isSpreadElement(item)) {
      const expression = item.getExpression();
      if (!onlyKinds(kindsOf(expression), 'array')) {
        parts.push({ text: ctx.report('unsupported_expression', item, { kind: 'spread', reason: 'only arrays can be spread into an array literal' }), kind: 'item' });
        continue;
      }
      parts.push({ text: lowerNode(expression, ctx), kind: 'spread' });
    } else if (Node.isOmittedExpression(item)) {
      parts.push({ text: ctx.report('unsupported_expression', item, { kind: 'hole in an array literal' }), kind: 'item' });
    } else {
      parts.push(arrayItem(item, ctx));
    }
  }
  // An item written as an array constructor is kept whole by the enclosing constructor, anything else is spliced in;
  // a block `( … )` around the text makes it "anything else", so spreads splice and wrapped arrays nest exactly once.
  if (parts.every((part) => part.kind !== 'one')) {
    return `[${parts.map((part) => (part.kind === 'wrapped' ? `[(${part.text})]` : part.kind === 'spread' ? `(${part.text})` : part.text)).join(', ')}]`;
  }
  // Each part as an array, appended in order.
  const arrays = parts.map((part) => (part.kind === 'spread' ? part.text : part.kind === 'wrapped' ? `[[(${part.text})]]` : part.kind === 'one' ? `${ctx.helper('one')}(${part.text})` : `[${part.text}]`));
  return arrays.reduce((all, next) => `$append(${all}, ${next})`, '[]');
}

function arrayItem(item: Expression, ctx: LowerContext): { text: string; kind: 'item' | 'wrapped' | 'one' } {
  const kinds: Kinds = kindsOf(item);
  const text = lowerNode(item, ctx);
  if (onlyKinds(kinds, 'string', 'number', 'boolean', 'null', 'object')) return { text, kind: 'item' };
  if (onlyKinds(kinds, 'array')) return { text, kind: 'wrapped' };
  return { text, kind: 'one' };
}
