import { Node, type CallExpression, type Expression, type Identifier } from 'ts-morph';
import { isGlobal } from './access.js';
import type { LowerContext } from './lower-context.js';
import { lowerNode } from './lower-expression.js';
import { toNumber } from './operators.js';
import { bindOnce } from './text.js';
import { lowerToString } from './to-string.js';
import { truthy } from './truthiness.js';
import { kindsOf, onlyKinds } from './value-kinds.js';

/** Standard-library objects whose methods are lowered. */
export const GLOBAL_OBJECTS = ['Math', 'JSON', 'Object', 'Array', 'Number', 'String'] as const;
type GlobalObject = (typeof GLOBAL_OBJECTS)[number];

const MATH_UNARY: Record<string, (x: string, ctx: LowerContext) => string> = {
  floor: (x) => `$floor(${x})`,
  ceil: (x) => `$ceil(${x})`,
  abs: (x) => `$abs(${x})`,
  // $sqrt raises D3060 for a negative number where JavaScript gives NaN (not JSON either): a runtime error.
  sqrt: (x) => `$sqrt(${x})`,
  round: (x, ctx) => `${ctx.helper('round')}(${x})`,
  trunc: (x, ctx) => `${ctx.helper('trunc')}(${x})`,
  sign: (x, ctx) => bindOnce(x, ctx, (v) => `(${v} > 0 ? 1 : ${v} < 0 ? -1 : 0)`),
};

/** `Math.floor(x)`, `JSON.stringify(v)`, `Object.keys(o)`, `Array.isArray(v)`, `Number.isInteger(n)`… */
export function lowerGlobalMethod(object: GlobalObject, name: string, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  const unsupported = (reason = '') => ctx.report('expression_unsupported_call', node, { name: `${object}.${name}`, reason });
  const hasSpread = args.some((a) => Node.isSpreadElement(a));
  if (hasSpread && !(object === 'Math' && (name === 'max' || name === 'min') && args.length === 1)) return unsupported('spread arguments are only supported as `Math.max(...xs)`');
  const arg = (i: number) => lowerNode(args[i], ctx);
  switch (object) {
    case 'Math': {
      if (name in MATH_UNARY && args.length === 1 && onlyKinds(kindsOf(args[0]), 'number')) return MATH_UNARY[name](arg(0), ctx);
      if (name === 'pow' && args.length === 2) return `$power(${arg(0)}, ${arg(1)})`;
      if (name === 'max' || name === 'min') {
        const list = hasSpread ? lowerNode((args[0] as any).getExpression(), ctx) : `[${args.map((_, i) => arg(i)).join(', ')}]`;
        // With no numbers JavaScript answers ∓Infinity, which JSON cannot carry: fail loudly instead of JSONata's undefined.
        return bindOnce(list, ctx, (l) => `($count(${l}) = 0 ? $error("typestep: Math.${name}() of no numbers is ${name === 'max' ? '-' : ''}Infinity") : $${name}(${l}))`);
      }
      return unsupported(name === 'random' ? 'a workflow must be deterministic; pass random values in' : '');
    }
    case 'JSON':
      if (name === 'stringify') {
        if (args.length === 1) return `${ctx.helper('stringify')}(${arg(0)}, false)`;
        if (args.length === 3 && Node.isNullLiteral(args[1]) && Node.isNumericLiteral(args[2]) && args[2].getLiteralValue() === 2) return `${ctx.helper('stringify')}(${arg(0)}, true)`;
        return unsupported('only `JSON.stringify(v)` and `JSON.stringify(v, null, 2)`');
      }
      // Step Functions' $parse is JSON.parse (AWS removes $eval).
      if (name === 'parse' && args.length === 1) return `$parse(${arg(0)})`;
      return unsupported();
    case 'Object':
      switch (name) {
        case 'keys':
          // $keys gives nothing for {} and the key itself for one key; [ ] makes both an array.
          return `[$keys(${arg(0)})]`;
        case 'values':
          return `${ctx.helper('values')}(${arg(0)})`;
        case 'entries':
          return `${ctx.helper('entries')}(${arg(0)})`;
        case 'fromEntries':
          return `$merge([$map(${arg(0)}, function($e){ {${ctx.helper('string')}(${ctx.helper('at')}($e, 0)): ${ctx.helper('at')}($e, 1)} })])`;
        case 'assign':
          if (!Node.isObjectLiteralExpression(args[0])) return ctx.report('expression_mutation', node, { text: `${node.getText()} (use \`{ ...a, ...b }\`)` });
          return `$merge([${args.map((_, i) => arg(i)).join(', ')}])`;
        default:
          return unsupported();
      }
    case 'Array':
      if (name === 'isArray') return `($type(${arg(0)}) = "array")`;
      return unsupported();
    case 'Number':
      if (name === 'isInteger') return bindOnce(arg(0), ctx, (v) => `($type(${v}) = "number" and $floor(${v}) = ${v})`);
      if (name === 'isFinite') return `($type(${arg(0)}) = "number")`;
      if (name === 'parseInt' || name === 'parseFloat') return lowerParse(name, node, ctx);
      return unsupported();
    case 'String':
      return unsupported();
  }
}

/** `Number(x)`, `String(x)`, `Boolean(x)`, `parseInt(s)`, `parseFloat(s)`; undefined when `callee` is no such global. */
export function lowerGlobalCall(callee: Identifier, node: CallExpression, ctx: LowerContext): string | undefined {
  const args = node.getArguments() as Expression[];
  const name = callee.getText();
  if (!['Number', 'String', 'Boolean', 'parseInt', 'parseFloat'].some((g) => isGlobal(callee, g) && g === name)) return undefined;
  if (args.length === 0) return { Number: '0', String: '""', Boolean: 'false' }[name] ?? ctx.report('expression_unsupported_call', node, { name, reason: 'it needs an argument' });
  const kinds = kindsOf(args[0]);
  switch (name) {
    case 'Number':
      return toNumber(lowerNode(args[0], ctx), kinds, ctx);
    case 'String':
      return lowerToString(args[0], ctx);
    case 'Boolean':
      return truthy(lowerNode(args[0], ctx), kinds, ctx);
    default:
      return lowerParse(name, node, ctx);
  }
}

/**
 * parseInt / parseFloat read the longest number at the start of the string.
 * Where JavaScript finds none it gives NaN, which JSON cannot carry: JSONata raises an error instead.
 */
function lowerParse(name: string, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  if (!onlyKinds(kindsOf(args[0]), 'string')) return ctx.report('expression_unsupported_call', node, { name, reason: 'the argument must be a string' });
  if (name.endsWith('parseInt')) {
    if (args.length > 1 && !(Node.isNumericLiteral(args[1]) && args[1].getLiteralValue() === 10)) {
      return ctx.report('expression_unsupported_call', node, { name, reason: 'only radix 10 is supported' });
    }
    return `($__m := $match(${lowerNode(args[0], ctx)}, /^\\s*([-+]?)0*(\\d+)/); $exists($__m) ? ($__m.groups[0] = "-" ? -1 : 1) * $number($__m.groups[1]) : $error("typestep: parseInt found no number (NaN)"))`;
  }
  return `($__m := $match(${lowerNode(args[0], ctx)}, /^\\s*([-+]?)(\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?)/); $exists($__m) ? ($__m.groups[0] = "-" ? -1 : 1) * $number(($__s := $__m.groups[1]; $substring($__s, 0, 1) = "." ? "0" & $__s : $substring($__s, $length($__s) - 1) = "." ? $__s & "0" : $__s)) : $error("typestep: parseFloat found no number (NaN)"))`;
}
