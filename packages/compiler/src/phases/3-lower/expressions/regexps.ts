/**
 * Regular expression literals. JSONata's regex literals are JavaScript
 * RegExps (jsonata-js builds `new RegExp(pattern, flags + 'g')`), so a pattern
 * matches the same text; what differs is around it:
 *
 * - JSONata accepts only the flags `i` and `m` (and always adds `g`);
 * - its parser finds the closing `/` by counting brackets, so some patterns
 *   must be written differently;
 * - `$replace` reads `$0`…`$9` in the replacement, JavaScript `$&`, `$1`…;
 * - `$split` leaves out captured groups, which JavaScript's split inserts;
 * - a pattern that can match the empty string fails in `$replace`/`$split`
 *   and global `match` (JSONata raises D1004): a run-time error, not a value.
 *
 * Each case lowers only where the result is the same and reports the rest.
 */
import { Node, type CallExpression, type Expression, type RegularExpressionLiteral } from '../../../ts-morph.js';
import { callbackResultKinds, lowerCallback } from './callbacks.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { bindOnce } from './text.js';
import { jsString } from './to-string.js';
import { kindsOf, onlyKinds } from './value-kinds.js';

interface Pattern {
  /** The JSONata regex literal. */
  text: string;
  global: boolean;
  /** Number of capturing groups. */
  groups: number;
}

/** The regex literal `node` is (directly, or a `const` initialized with one); undefined when it is none. */
export function regexLiteralOf(node: Node): RegularExpressionLiteral | undefined {
  if (Node.isParenthesizedExpression(node)) return regexLiteralOf(node.getExpression());
  if (Node.isRegularExpressionLiteral(node)) return node;
  if (Node.isIdentifier(node)) {
    const declaration = node.getSymbol()?.getDeclarations()[0];
    if (Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.getDeclarationKind() === 'const') {
      const initializer = declaration.getInitializer();
      return initializer && Node.isRegularExpressionLiteral(initializer) ? initializer : undefined;
    }
  }
  return undefined;
}

/** True when `node` is a RegExp value (a literal, a const, or anything typed RegExp). */
export function isRegExp(node: Node): boolean {
  return regexLiteralOf(node) !== undefined || node.getType().getSymbol()?.getName() === 'RegExp';
}

/** The pattern of a RegExp argument as a JSONata literal, or a reported reason why not. */
function patternOf(node: Node, ctx: LowerContext): Pattern | undefined {
  const literal = regexLiteralOf(node);
  if (!literal) {
    ctx.report('expression_unsupported_call', node, { name: 'RegExp', reason: 'only a regular expression literal (or a `const` holding one) can be lowered: JSONata cannot build a pattern at run time' });
    return undefined;
  }
  const text = literal.getText();
  const slash = text.lastIndexOf('/');
  const source = text.slice(1, slash);
  const flags = text.slice(slash + 1);
  const refuse = (reason: string) => {
    ctx.report('expression_unsupported_call', node, { name: text, reason });
    return undefined;
  };
  const unsupportedFlag = [...flags].find((flag) => !'gim'.includes(flag));
  if (unsupportedFlag) return refuse(`JSONata supports only the flags i, m and g, not \`${unsupportedFlag}\``);
  if (/\(\?<[=!]/.test(source)) return refuse('lookbehind is not in every regex dialect a JSONata engine may use; rewrite without `(?<=`/`(?<!`');
  if (/\(\?<[A-Za-z_$]/.test(source) || /\\k</.test(source)) return refuse('named groups are not supported; use a numbered group');
  if (!closesWhereJsonataLooks(source)) return refuse('JSONata\'s parser pairs brackets inside the pattern and would not find its end; escape the bracket that has no partner (e.g. `[(]` → `\\(`)');
  const groups = new RegExp(`${source}|`).exec('')!.length - 1;
  return { text: `/${source}/${flags.replace('g', '')}`, global: flags.includes('g'), groups };
}

/** Mirrors jsonata's lexer: the closing `/` is the first unescaped one outside (naively counted) brackets. */
function closesWhereJsonataLooks(source: string): boolean {
  let depth = 0;
  const text = `${source}/`;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && depth === 0) {
      let backslashes = 0;
      while (text[i - backslashes - 1] === '\\') backslashes++;
      if (backslashes % 2 === 0) return i === source.length;
    }
    if ('([{'.includes(c) && text[i - 1] !== '\\') depth++;
    if (')]}'.includes(c) && text[i - 1] !== '\\') depth--;
  }
  return false;
}

/** `re.test(s)`. */
export function lowerRegExpMethod(name: string, receiverNode: Expression, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  if (name !== 'test') return ctx.report('expression_unsupported_call', node, { name: `RegExp.prototype.${name}`, reason: name === 'exec' ? 'exec keeps state in lastIndex; use `s.match(re)`' : '' });
  const pattern = patternOf(receiverNode, ctx);
  if (!pattern) return 'null';
  // A global regex kept in a const carries lastIndex from one test to the next in JavaScript.
  if (pattern.global && !Node.isRegularExpressionLiteral(receiverNode)) return ctx.report('expression_unsupported_call', node, { name: '.test', reason: 'a global (g) RegExp remembers where the last test stopped; drop the g flag' });
  return `$contains(${stringOf(args[0], ctx)}, ${pattern.text})`;
}

/** `s.match(re)`, `s.search(re)`, `s.replace(re, …)`, `s.replaceAll(re, …)`, `s.split(re)` for a string `s` (text `receiver`). */
export function lowerStringRegExpMethod(name: string, receiver: string, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  const pattern = patternOf(args[0], ctx);
  if (!pattern) return 'null';
  const unsupported = (reason: string) => ctx.report('expression_unsupported_call', node, { name: `.${name}`, reason });
  switch (name) {
    case 'search':
      return bindOnce(`$match(${receiver}, ${pattern.text}, 1)`, ctx, (m) => `($exists(${m}) ? ${m}.index : -1)`);
    case 'match': {
      if (pattern.global) {
        // Every match's text, or null when there is none.
        const all = ctx.temporary();
        return `(${all} := $match(${receiver}, ${pattern.text}); $count(${all}) = 0 ? null : [${all}.match])`;
      }
      // The first match and its groups (an unmatched group is undefined, JSON null); JSON has no index/input fields.
      return bindOnce(`$match(${receiver}, ${pattern.text}, 1)`, ctx, (m) => `($exists(${m}) ? $append([${m}.match], ${ctx.helper('map')}(${m}.groups, function($__g){ $__g })) : null)`);
    }
    case 'split': {
      if (pattern.groups > 0) return unsupported('JavaScript inserts the captured groups into the result and JSONata does not; use a non-capturing group `(?:…)`');
      return `[$split(${receiver}, ${pattern.text}${args[1] ? `, ${lowerNode(args[1], ctx)}` : ''})]`;
    }
    case 'replace':
    case 'replaceAll': {
      if (name === 'replaceAll' && !pattern.global) return unsupported('JavaScript throws a TypeError for replaceAll with a non-global RegExp; add the g flag');
      const limit = pattern.global ? '' : ', 1';
      const replacement = args[1];
      if (Node.isArrowFunction(replacement) || Node.isFunctionExpression(replacement)) {
        // JavaScript calls the function with the match, each group, the offset and the string; JSONata with a match record.
        const params = replacement.getParameters().length;
        if (params > 1 + pattern.groups) return unsupported('a replacement function is handed the match and its groups only (not the offset or the whole string)');
        const fn = lowerCallback(replacement, ctx);
        const passed = ['$__m.match', ...Array.from({ length: params - 1 }, (_, i) => `$__m.groups[${i}]`)].slice(0, Math.max(params, 1));
        return `$replace(${receiver}, ${pattern.text}, function($__m){ ${jsString(`(${fn})(${passed.join(', ')})`, callbackResultKinds(replacement), ctx)} }${limit})`;
      }
      if (!Node.isStringLiteral(replacement) && !Node.isNoSubstitutionTemplateLiteral(replacement)) {
        if (!onlyKinds(kindsOf(replacement), 'string')) return unsupported('the replacement must be a string or a function');
        return bindOnce(lowerNode(replacement, ctx), ctx, (r) => `($contains(${r}, "$") ? $error("typestep: the replacement text contains $, which JavaScript and JSONata expand differently") : $replace(${receiver}, ${pattern.text}, ${r}${limit}))`);
      }
      const translated = translateReplacement(replacement.getLiteralValue(), pattern.groups);
      if (translated === undefined) return unsupported('only `$&`, `$$` and `$1`…`$9` (of groups the pattern has) are supported in the replacement text');
      return `$replace(${receiver}, ${pattern.text}, ${JSON.stringify(translated)}${limit})`;
    }
    default:
      return unsupported(name === 'matchAll' ? 'use `s.match(/…/g)` for the matched texts' : 'it takes a string here, not a RegExp');
  }
}

/** A JavaScript replacement text in JSONata's syntax (`$&` → `$0`), or undefined when it uses what JSONata lacks. */
function translateReplacement(text: string, groups: number): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') out += '$$';
    else if (next === '&') out += '$0';
    else if (next !== undefined && /[1-9]/.test(next) && Number(next) <= groups && !/\d/.test(text[i + 2] ?? '')) out += `$${next}`;
    else return undefined;
    i++;
  }
  return out;
}

function stringOf(node: Expression, ctx: LowerContext): string {
  return jsString(lowerNode(node, ctx), kindsOf(node), ctx);
}
