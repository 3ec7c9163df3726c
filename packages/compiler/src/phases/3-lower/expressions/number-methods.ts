import { Node, type CallExpression, type Expression } from '../../../ts-morph.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { jsString } from './to-string.js';
import { kindsOf, onlyKinds } from './value-kinds.js';

/**
 * Lowers `n.method(…)` for a number `n` (its text is `receiver`):
 * `toString()`, `toString(radix)`, `toFixed(digits)`, `toPrecision(digits)`,
 * `toExponential(digits?)`, `valueOf()`.
 */
export function lowerNumberMethod(name: string, receiver: string, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  const unsupported = (reason: string) => ctx.report('expression_unsupported_call', node, { name: `Number.prototype.${name}`, reason });
  // An explicit English locale prints the same everywhere: `n.toLocaleString('en-US')`.
  if (name === 'toLocaleString' && args.length === 1 && Node.isStringLiteral(args[0]) && ['en', 'en-US'].includes(args[0].getLiteralValue())) return `${ctx.helper('localeEn')}(${receiver})`;
  if (name === 'toLocaleString') return unsupported("it depends on the machine's locale (and, with options, on ICU's tables); `n.toLocaleString('en-US')` is supported, or use `toFixed(digits)`");
  if (args.some((a) => !onlyKinds(kindsOf(a), 'number'))) return unsupported('the argument must be a number');
  switch (name) {
    case 'toString':
      if (args.length === 0) return jsString(receiver, new Set(['number']), ctx);
      // $formatBase prints integers as toString(radix) does; JavaScript also prints fractional digits in any radix.
      return `${ctx.helper('radixString')}(${receiver}, ${lowerNode(args[0], ctx)})`;
    case 'toFixed':
      return `${ctx.helper('toFixed')}(${receiver}, ${args.length ? lowerNode(args[0], ctx) : '0'})`;
    case 'valueOf':
      return receiver;
    case 'toPrecision':
      return args.length ? `${ctx.helper('toPrecision')}(${receiver}, ${lowerNode(args[0], ctx)})` : jsString(receiver, new Set(['number']), ctx);
    case 'toExponential':
      return `${ctx.helper('toExponential')}(${receiver}${args.length ? `, ${lowerNode(args[0], ctx)}` : ''})`;
    default:
      return unsupported('toLocaleString depends on the machine\'s locale; use `toFixed(digits)`');
  }
}
