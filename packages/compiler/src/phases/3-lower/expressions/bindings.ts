import { Node, type BindingName } from '../../../ts-morph.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { bindOnce, stringLiteral } from './text.js';
import { numericLiteralValue } from '../../1-discover/static-value.js';

/**
 * The JSONata bindings (`$x := …`) for a declaration's name or destructuring
 * pattern, reading from `value` (which must be simple text: a variable).
 * Defaults apply when the value is undefined (not null), as in JavaScript.
 *
 * @example
 * bindPattern(`{ a, b: [first] = [] }`, '$v', ctx) // ['$a := $v.a', '$first := …']
 */
export function bindPattern(name: BindingName, value: string, ctx: LowerContext, declare: (node: Node, name: string) => string = (node, n) => ctx.declareLocal(node, n)): string[] {
  if (Node.isIdentifier(name)) return [`${declare(name.getParent()!, name.getText())} := ${value}`];
  const out: string[] = [];
  const source = ctx.temporary();
  out.push(`${source} := ${value}`);
  if (Node.isObjectBindingPattern(name)) {
    const taken: string[] = [];
    for (const element of name.getElements()) {
      const target = element.getNameNode();
      if (element.getDotDotDotToken()) {
        // { a, ...rest }: the other keys; $sift gives nothing for no keys where JavaScript gives {}.
        const keys = `[${taken.map(stringLiteral).join(', ')}]`;
        const rest = `($__r := $sift(${source}, function($v, $k){ $not($k in ${keys}) }); $exists($__r) ? $__r : {})`;
        out.push(...bindTarget(target, rest, undefined, ctx, declare));
        continue;
      }
      const property = element.getPropertyNameNode() ?? target;
      let key: string;
      if (Node.isIdentifier(property) || Node.isStringLiteral(property)) key = Node.isStringLiteral(property) ? property.getLiteralValue() : property.getText();
      else if (Node.isNumericLiteral(property)) key = String(numericLiteralValue(property));
      else {
        out.push(`${ctx.temporary()} := ${ctx.report('unsupported_expression', element, { kind: 'computed key in a destructuring pattern' })}`);
        continue;
      }
      taken.push(key);
      out.push(...bindTarget(target, `$lookup(${source}, ${stringLiteral(key)})`, element.getInitializer(), ctx, declare));
    }
  } else {
    name.getElements().forEach((element, index) => {
      if (Node.isOmittedExpression(element)) return;
      const target = element.getNameNode();
      if (element.getDotDotDotToken()) {
        out.push(...bindTarget(target, `${ctx.helper('slice')}(${source}, ${index}, ())`, undefined, ctx, declare));
        return;
      }
      out.push(...bindTarget(target, `${ctx.helper('at')}(${source}, ${index})`, element.getInitializer(), ctx, declare));
    });
  }
  return out;
}

function bindTarget(target: BindingName, value: string, initializer: Node | undefined, ctx: LowerContext, declare: (node: Node, name: string) => string): string[] {
  let text = value;
  if (initializer) {
    const fallback = lowerNode(initializer as any, ctx);
    text = bindOnce(value, ctx, (v) => `($exists(${v}) ? ${v} : ${fallback})`);
  }
  return bindPattern(target, text, ctx, declare);
}
