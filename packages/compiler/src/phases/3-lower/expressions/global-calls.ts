import { Node, type CallExpression, type Expression, type Identifier } from '../../../ts-morph.js';
import { isGlobal } from './standard-globals.js';
import { infinitySign } from './infinity-bounds.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { mayBeNaN } from './nan-analysis.js';
import { nanArithmetic, truthinessKinds, unlessNaN } from './nan-values.js';
import { lowerNumberConversion } from './operators.js';
import { bindOnce, numberLiteral } from './text.js';
import { truthy } from './truthiness.js';
import { isArrayOfLength, lowerArrayOfLength, undefinedItemsUnread } from './array-methods.js';
import { isCollection, reportNonJson } from './collections.js';
import { nonDateString } from './dates.js';
import { kindsOf, onlyKinds } from './value-kinds.js';
import { numericLiteralValue } from '../../1-discover/static-value.js';

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

function isUndefined(node: Expression): boolean {
  return Node.isIdentifier(node) && node.getText() === 'undefined';
}

/** Math functions whose results JSONata cannot reproduce bit for bit. */
const TRANSCENDENTAL = new Set(['log', 'log2', 'log10', 'log1p', 'exp', 'expm1', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt', 'hypot']);

/** The numbers of `Math.max(a, ...xs, b)` as one JSONata array. */
function numberList(args: Expression[], ctx: LowerContext): string {
  const parts = args.map((a) => (Node.isSpreadElement(a) ? lowerNode(a.getExpression(), ctx) : `[${lowerNode(a, ctx)}]`));
  return parts.length === 1 ? parts[0] : parts.reduce((all, next) => `$append(${all}, ${next})`);
}

/** `Math.floor(x)`, `JSON.stringify(v)`, `Object.keys(o)`, `Array.isArray(v)`, `Number.isInteger(n)`… */
export function lowerGlobalMethod(object: GlobalObject, name: string, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  const unsupported = (reason = '') => ctx.report('expression_unsupported_call', node, { name: `${object}.${name}`, reason });
  const hasSpread = args.some((a) => Node.isSpreadElement(a));
  if (hasSpread && !(object === 'Math' && (name === 'max' || name === 'min')) && !(object === 'Array' && name === 'of')) return unsupported('spread arguments are only supported in `Math.max`/`Math.min` and `Array.of`');
  const arg = (i: number) => lowerNode(args[i], ctx);
  switch (object) {
    case 'Math': {
      if (name in MATH_UNARY && args.length === 1 && onlyKinds(kindsOf(args[0]), 'number')) {
        // Math.sqrt of a negative number is NaN; every Math function of NaN is NaN.
        if (name === 'sqrt' && mayBeNaN(node)) return bindOnce(arg(0), ctx, (v) => `(${mayBeNaN(args[0]) ? `${v} = null or ` : ''}${v} < 0 ? null : $sqrt(${v}))`);
        if (mayBeNaN(args[0])) return unlessNaN(arg(0), ctx, 'null', (v) => MATH_UNARY[name](v, ctx));
        return MATH_UNARY[name](arg(0), ctx);
      }
      if (name === 'pow' && args.length === 2) return mayBeNaN(node) ? nanArithmetic('**', args[0], arg(0), args[1], arg(1), ctx) : `$power(${arg(0)}, ${arg(1)})`;
      if (name === 'max' || name === 'min') {
        // Math.min(x, Infinity) is x: an infinity that cannot win is left out (one that wins stays, and is reported).
        const neutral = name === 'min' ? 1 : -1;
        const kept = args.filter((a) => infinitySign(a) !== neutral);
        const numbers = kept.length > 0 ? kept : args;
        const list = hasSpread ? numberList(numbers, ctx) : `[${numbers.map((a) => lowerNode(a, ctx)).join(', ')}]`;
        if (mayBeNaN(node)) return bindOnce(list, ctx, (l) => `($count(${l}) = 0 ? $error("typestep: Math.${name}() of no numbers is ${name === 'max' ? '-' : ''}Infinity") : null in ${l} ? null : $${name}(${l}))`);
        // With no numbers JavaScript answers ∓Infinity, which JSON cannot carry: fail loudly instead of JSONata's undefined.
        return bindOnce(list, ctx, (l) => `($count(${l}) = 0 ? $error("typestep: Math.${name}() of no numbers is ${name === 'max' ? '-' : ''}Infinity") : $${name}(${l}))`);
      }
      if (name === 'random') return unsupported('a workflow must be deterministic; pass random values in');
      if (TRANSCENDENTAL.has(name)) return unsupported('JSONata has no logarithms, exponentials or trigonometry, and an approximation would differ from JavaScript in the last digits; compute it in a task');
      return unsupported('');
    }
    case 'JSON':
      if (name === 'stringify') {
        reportNonJson(args[0], (code, at, params) => ctx.report(code, at, params));
        if (args.length === 1) return `${ctx.helper('stringify')}(${arg(0)}, false)`;
        if (args.length === 3 && Node.isNullLiteral(args[1]) && Node.isNumericLiteral(args[2]) && numericLiteralValue(args[2]) === 2) return `${ctx.helper('stringify')}(${arg(0)}, true)`;
        if (args.length === 3 && (Node.isNullLiteral(args[1]) || isUndefined(args[1])) && onlyKinds(kindsOf(args[2]), 'number', 'string')) {
          return `${ctx.helper('stringifyIndented')}(${arg(0)}, ${arg(2)})`;
        }
        return unsupported('a replacer is not supported: `JSON.stringify(v)` or `JSON.stringify(v, null, indent)`');
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
      if (name === 'of') return args.reduce((all, a, i) => `$append(${all}, ${Node.isSpreadElement(a) ? lowerNode(a.getExpression(), ctx) : `${ctx.helper('one')}(${arg(i)})`})`, '[]');
      if (name === 'from' && !hasSpread) return lowerArrayFrom(node, ctx);
      return unsupported();
    case 'Number':
      if (name === 'isInteger') return bindOnce(arg(0), ctx, (v) => `($type(${v}) = "number" and $floor(${v}) = ${v})`);
      if (name === 'isFinite') return `($type(${arg(0)}) = "number")`;
      if (name === 'isSafeInteger') return bindOnce(arg(0), ctx, (v) => `($type(${v}) = "number" and $floor(${v}) = ${v} and $abs(${v}) <= 9007199254740991)`);
      // No JSON value is NaN (an expression that would make one fails instead), so only the argument's errors remain.
      if (name === 'isNaN') return mayBeNaN(args[0]) ? `(${arg(0)} = null)` : `(${arg(0)}; false)`;
      if (name === 'parseInt' || name === 'parseFloat') return lowerParse(name, node, ctx);
      return unsupported();
    case 'String':
      if (name === 'fromCharCode' && !hasSpread) return args.length === 0 ? '""' : `(${args.map((_, i) => `${ctx.helper('fromCharCode')}(${arg(i)})`).join(' & ')})`;
      return unsupported();
  }
}

/**
 * `Array.from(items, mapper?)` for an array (a copy), a Set or a Map (their
 * lowered forms are arrays already), a string (its characters) and
 * `{ length: n }` (the mapper sees undefined and the index).
 */
function lowerArrayFrom(node: CallExpression, ctx: LowerContext): string {
  const [source, mapper] = node.getArguments() as Expression[];
  const kinds = kindsOf(source);
  let items: string;
  let lengthOnly = false;
  if (onlyKinds(kinds, 'array') || isCollection(source)) items = lowerNode(source, ctx);
  else if (onlyKinds(kinds, 'string')) items = `[$split(${ctx.helper('bmp')}(${lowerNode(source, ctx)}), "")]`;
  else if (Node.isObjectLiteralExpression(source) && source.getProperties().length === 1 && source.getProperty('length')) {
    const length = source.getPropertyOrThrow('length');
    if (!Node.isPropertyAssignment(length) && !Node.isShorthandPropertyAssignment(length)) return ctx.report('expression_unsupported_call', node, { name: 'Array.from', reason: 'the length must be a plain property' });
    const value = Node.isPropertyAssignment(length) ? length.getInitializerOrThrow() : length.getNameNode();
    // Array.from reads the length with ToLength (a fraction truncated, a negative length 0), unlike `Array(n)`.
    items = `${ctx.helper('lengthIndexes')}(${lowerNode(value, ctx)})`;
    lengthOnly = true;
  } else {
    return ctx.report('expression_unsupported_call', node, { name: 'Array.from', reason: 'it takes an array, a string, a Set, a Map or `{ length: n }`' });
  }
  if (!mapper && lengthOnly && !undefinedItemsUnread(node)) {
    return ctx.report('unsupported_expression', node, { kind: 'An array of `undefined` items (`Array.from({ length: n })`)', reason: 'a workflow array holds undefined as null, so reading its items would differ; give the items a value (`Array.from({ length: n }, () => null)`, `Array(n).fill(v)`) or map over it ignoring the item' });
  }
  if (!mapper) return lengthOnly ? `${ctx.helper('map')}(${items}, function(){ null })` : items;
  const fn = lowerNode(mapper, ctx);
  // The items of `{ length: n }` are undefined: the mapper is handed nothing and the index.
  return lengthOnly ? `${ctx.helper('map')}(${items}, function($__v, $__i){ (${fn})((), $__i) })` : `${ctx.helper('map')}(${items}, ${fn})`;
}

/** `Number(x)`, `String(x)`, `Boolean(x)`, `parseInt(s)`, `parseFloat(s)`, `structuredClone(v)`; undefined when `callee` is no such global. */
export function lowerGlobalCall(callee: Identifier, node: CallExpression, ctx: LowerContext): string | undefined {
  const args = node.getArguments() as Expression[];
  const name = callee.getText();
  if (name === 'Array' && isGlobal(callee, 'Array') && isArrayOfLength(node)) return lowerArrayOfLength(node, ctx);
  // A deep copy: every workflow value is already one (JSON values have no identity in ASL).
  if (name === 'structuredClone' && isGlobal(callee, 'structuredClone') && args.length === 1) return lowerNode(args[0]!, ctx);
  if (!['Number', 'String', 'Boolean', 'parseInt', 'parseFloat', 'isNaN', 'isFinite'].some((g) => isGlobal(callee, g) && g === name)) return undefined;
  if (args.length === 0) return { Number: '0', String: '""', Boolean: 'false' }[name] ?? ctx.report('expression_unsupported_call', node, { name, reason: 'it needs an argument' });
  const kinds = kindsOf(args[0]);
  switch (name) {
    case 'Number':
      return lowerNumberConversion(args[0], ctx);
    case 'String':
      return nonDateString(args[0], ctx);
    case 'Boolean':
      return truthy(lowerNode(args[0], ctx), truthinessKinds(args[0]), ctx);
    case 'isNaN':
    case 'isFinite':
      // TypeScript accepts only numbers here, and no JSON number is NaN or infinite: only the argument's errors remain.
      if (!onlyKinds(kinds, 'number')) return ctx.report('expression_unsupported_call', node, { name, reason: 'the argument must be a number' });
      // A NaN is null: not a number to $type, and the only null a number-typed value holds.
      if (mayBeNaN(args[0])) return name === 'isNaN' ? `(${lowerNode(args[0], ctx)} = null)` : `($type(${lowerNode(args[0], ctx)}) = "number")`;
      return `(${lowerNode(args[0], ctx)}; ${name === 'isFinite'})`;
    default:
      return lowerParse(name, node, ctx);
  }
}

/**
 * parseInt / parseFloat read the longest number at the start of the string
 * (`runtime-helpers.ts`); where JavaScript finds none, the NaN is null. A
 * literal is parsed by JavaScript itself.
 */
function lowerParse(name: string, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  const int = name.endsWith('parseInt');
  if (!onlyKinds(kindsOf(args[0]), 'string')) return ctx.report('expression_unsupported_call', node, { name, reason: 'the argument must be a string' });
  if (int && args.length > 1 && !onlyKinds(kindsOf(args[1]), 'number', 'undefined')) return ctx.report('expression_unsupported_call', node, { name, reason: 'the radix must be a number' });
  const [text, radix] = args;
  if (Node.isStringLiteral(text) && (radix === undefined || Node.isNumericLiteral(radix))) {
    const value = int ? Number.parseInt(text.getLiteralValue(), radix && numericLiteralValue(radix)) : Number.parseFloat(text.getLiteralValue());
    if (Number.isFinite(value)) return numberLiteral(value);
    if (Number.isNaN(value)) return 'null';
  }
  if (!int) return `${ctx.helper('parseFloat')}(${lowerNode(text, ctx)})`;
  return `${ctx.helper('parseInt')}(${lowerNode(text, ctx)}, ${radix === undefined ? '()' : lowerNode(radix, ctx)})`;
}
