import { Node, type CallExpression, type Expression } from '../../../ts-morph.js';
import { isRegExp, lowerStringRegExpMethod } from './regexps.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { bindOnce } from './text.js';
import { jsString } from './to-string.js';
import { kindsOf, onlyKinds } from './value-kinds.js';

/** Lowers `s.method(…)` for a string `s` (its text is `receiver`). */
export function lowerStringMethod(name: string, receiver: string, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  const arg = (i: number) => lowerNode(args[i], ctx);
  const argOr = (i: number, fallback: string) => (args[i] ? arg(i) : fallback);
  const stringArg = (i: number) => jsString(arg(i), kindsOf(args[i]), ctx);
  if (args[0] && isRegExp(args[0]) && ['match', 'search', 'replace', 'replaceAll', 'split'].includes(name)) return lowerStringRegExpMethod(name, receiver, node, ctx);
  if (args.some((a) => Node.isRegularExpressionLiteral(a) || onlyKinds(kindsOf(a), 'object'))) {
    return ctx.report('expression_unsupported_call', node, { name: `.${name}`, reason: 'regular expressions are not supported; pass a string' });
  }
  const noPosition = (max: number) => args.length > max && ctx.report('expression_unsupported_call', node, { name: `.${name}`, reason: 'the position argument is not supported' });
  switch (name) {
    case 'toUpperCase':
      return `$uppercase(${receiver})`;
    case 'toLowerCase':
      return `$lowercase(${receiver})`;
    // JSONata's $trim also collapses inner whitespace; JavaScript's trim only cuts the ends.
    case 'trim':
      return `$replace(${receiver}, /^\\s+|\\s+$/, "")`;
    case 'trimStart':
      return `$replace(${receiver}, /^\\s+/, "")`;
    case 'trimEnd':
      return `$replace(${receiver}, /\\s+$/, "")`;
    case 'startsWith':
      if (noPosition(1)) return 'null';
      return bindOnce(stringArg(0), ctx, (p) => `($substring(${receiver}, 0, $length(${p})) = ${p})`);
    case 'endsWith':
      if (noPosition(1)) return 'null';
      return bindOnce(stringArg(0), ctx, (p) => `($length(${p}) <= $length(${receiver}) and $substring(${receiver}, $length(${receiver}) - $length(${p})) = ${p})`);
    case 'includes':
      if (noPosition(1)) return 'null';
      return `$contains(${receiver}, ${stringArg(0)})`;
    case 'indexOf':
      if (args.length > 1) {
        // From a position: search the rest (clamped to [0, length]) and shift the answer back.
        return bindOnce(`$min([$max([${ctx.helper('trunc')}(${arg(1)}), 0]), ${ctx.helper('length')}(${receiver})])`, ctx, (from) => {
          const found = ctx.temporary();
          return `(${found} := ${ctx.helper('indexOf')}($substring(${receiver}, ${from}), ${stringArg(0)}); ${found} < 0 ? -1 : ${found} + ${from})`;
        });
      }
      return `${ctx.helper('indexOf')}(${receiver}, ${stringArg(0)})`;
    case 'lastIndexOf':
      if (noPosition(1)) return 'null';
      return `${ctx.helper('lastIndexOf')}(${receiver}, ${stringArg(0)})`;
    case 'charCodeAt':
    case 'codePointAt':
      // In the Basic Multilingual Plane (the only text positions are taken in, see bmp) a code point is one code unit.
            if (name === 'charCodeAt') return `${ctx.helper('charCode')}(${receiver}, ${argOr(0, '0')})`;
      // Out of range codePointAt gives undefined, where charCodeAt gives NaN.
      return bindOnce(argOr(0, '0'), ctx, (i) => `($exists(${ctx.helper('charAt')}(${receiver}, ${ctx.helper('trunc')}(${i}))) ? ${ctx.helper('charCode')}(${receiver}, ${i}) : ())`);
    case 'localeCompare':
      // With a locale or options the order is another table; without, Node's default (ICU root) order, exact for printable ASCII.
      if (args.length !== 1) return ctx.report('expression_unsupported_call', node, { name: '.localeCompare', reason: 'only `a.localeCompare(b)` (the default locale, exact for printable ASCII) is supported; a locale or options choose other tables. Compare code units with `a < b ? -1 : a > b ? 1 : 0`' });
      return `${ctx.helper('localeCompare')}(${receiver}, ${stringArg(0)})`;
    case 'normalize':
      return ctx.report('expression_unsupported_call', node, { name: '.normalize', reason: 'JSONata has no Unicode normalization; normalize the text in a task or before the workflow' });
    case 'slice':
      return `${ctx.helper('stringSlice')}(${receiver}, ${argOr(0, '()')}, ${argOr(1, '()')})`;
    case 'substring':
      return `${ctx.helper('substring')}(${receiver}, ${argOr(0, '0')}, ${argOr(1, '()')})`;
    case 'split': {
      if (args.length === 0) return `[${receiver}]`;
      // JSONata's $split takes the same separator and limit; "" splits into characters as JavaScript does (outside emoji).
      const limit = args[1] ? `, ${arg(1)}` : '';
      // Splitting into characters counts code points in JSONata: guarded like every position (see the bmp helper).
      const separator = stringArg(0);
      return separator === '""' ? `[$split(${ctx.helper('bmp')}(${receiver}), ""${limit})]` : `[$split(${receiver}, ${separator}${limit})]`;
    }
    case 'replace':
    case 'replaceAll': {
      // With a string pattern JSONata inserts the replacement literally, while JavaScript expands `$&`, `$$`… in it.
      const limit = name === 'replace' ? ', 1' : '';
      const replacement = args[1];
      // JSONata rejects an empty pattern (D3010); JavaScript inserts the replacement before the string (replace) or
      // around every character (replaceAll).
      const replaceWith = (r: string) => bindOnce(stringArg(0), ctx, (p) => {
        const empty = name === 'replace' ? `(${r} & ${receiver})` : `(${receiver} = "" ? ${r} : ${r} & $join($split(${receiver}, ""), ${r}) & ${r})`;
        return `(${p} = "" ? ${empty} : $replace(${receiver}, ${p}, ${r}${limit}))`;
      });
      if (Node.isStringLiteral(replacement) || Node.isNoSubstitutionTemplateLiteral(replacement)) {
        if (replacement.getLiteralValue().includes('$')) {
          return ctx.report('expression_unsupported_call', node, { name: `.${name}`, reason: 'JavaScript expands `$` patterns in the replacement text; JSONata would insert them literally' });
        }
        return replaceWith(arg(1));
      }
      if (!onlyKinds(kindsOf(replacement), 'string')) return ctx.report('expression_unsupported_call', node, { name: `.${name}`, reason: 'the replacement must be a string' });
      return bindOnce(arg(1), ctx, (r) => `($contains(${r}, "$") ? $error("typestep: the replacement text contains $, which JavaScript would expand") : ${replaceWith(r)})`);
    }
    case 'padStart':
    case 'padEnd':
      return `${ctx.helper('pad')}(${receiver}, ${arg(0)}, ${args[1] ? stringArg(1) : '" "'}, ${name === 'padStart'})`;
    case 'repeat':
      return `${ctx.helper('repeat')}(${receiver}, ${arg(0)})`;
    case 'charAt':
      // charAt gives "" out of range where s[i] gives undefined.
      return `($__c := ${ctx.helper('charAt')}(${receiver}, ${ctx.helper('trunc')}(${argOr(0, '0')})); $exists($__c) ? $__c : "")`;
    case 'at':
      return bindOnce(arg(0), ctx, (i) => `${ctx.helper('charAt')}(${receiver}, ${ctx.helper('trunc')}(${i}) < 0 ? ${ctx.helper('trunc')}(${i}) + $length(${receiver}) : ${ctx.helper('trunc')}(${i}))`);
    case 'concat':
      return `(${[receiver, ...args.map((_, i) => stringArg(i))].join(' & ')})`;
    case 'toString':
    case 'valueOf':
      return receiver;
    default:
      return ctx.report('expression_unsupported_call', node, { name: `String.prototype.${name}`, reason: '' });
  }
}
