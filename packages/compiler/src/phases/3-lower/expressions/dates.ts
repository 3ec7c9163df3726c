/**
 * `Date` as a workflow value: a Date is lowered to its time value, the
 * number of milliseconds since 1970-01-01T00:00:00Z (what `getTime()` gives).
 * Every UTC reading is arithmetic on that number; every local-time reading
 * depends on the machine's time zone, which a state machine does not have,
 * so those are diagnostics that name the UTC method to use.
 *
 * `new Date()` and `Date.now()` read the clock: compiled it is the time the
 * service evaluates the expression (`$millis()`, one value per state),
 * natively the machine clock. The two runs differ, so outputs should not
 * depend on it.
 */
import { Node, type CallExpression, type Expression, type NewExpression, type Type } from '../../../ts-morph.js';
import { isGlobal } from './standard-globals.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { lowerToString } from './to-string.js';
import { kindsOf, onlyKinds } from './value-kinds.js';
import { typeOf } from '../../../program/index.js';

/** True when `type` is the standard library's Date. */
export function isDateType(type: Type): boolean {
  const symbol = type.getSymbol();
  return symbol?.getName() === 'Date' && symbol.getDeclarations().every((d) => d.getSourceFile().isDeclarationFile());
}

/** UTC getters: the field of the `dateParts` record each one reads. */
const UTC_GETTERS: Record<string, string> = {
  getUTCFullYear: 'year', getUTCMonth: 'month', getUTCDate: 'day', getUTCDay: 'weekday',
  getUTCHours: 'hours', getUTCMinutes: 'minutes', getUTCSeconds: 'seconds', getUTCMilliseconds: 'milliseconds',
};

/** Local-time methods and the UTC method to use instead. */
const LOCAL: Record<string, string> = {
  getFullYear: 'getUTCFullYear()', getMonth: 'getUTCMonth()', getDate: 'getUTCDate()', getDay: 'getUTCDay()', getHours: 'getUTCHours()',
  getMinutes: 'getUTCMinutes()', getSeconds: 'getUTCSeconds()', getMilliseconds: 'getUTCMilliseconds()', getTimezoneOffset: '0 (UTC)',
  toString: 'toISOString()', toDateString: 'toISOString().slice(0, 10)', toTimeString: 'toISOString().slice(11, 19)',
  toLocaleString: 'toISOString()', toLocaleDateString: 'toISOString().slice(0, 10)', toLocaleTimeString: 'toISOString().slice(11, 19)', toUTCString: 'toISOString()', toGMTString: 'toISOString()',
};

/** `new Date(…)`; undefined when `node` constructs something else. */
export function lowerNewDate(node: NewExpression, ctx: LowerContext): string | undefined {
  if (!isGlobal(node.getExpression(), 'Date')) return undefined;
  const args = (node.getArguments() as Expression[]);
  if (args.length === 0) return '$millis()';
  if (args.length > 1) return ctx.report('expression_unsupported_call', node, { name: 'new Date', reason: 'with several arguments it reads them in the machine\'s time zone; use `new Date(Date.UTC(year, month, …))`' });
  const [value] = args;
  if (isDateType(typeOf(value))) return lowerNode(value, ctx);
  const kinds = kindsOf(value);
  if (onlyKinds(kinds, 'number')) return `${ctx.helper('timeClip')}(${lowerNode(value, ctx)})`;
  if (onlyKinds(kinds, 'string')) return `${ctx.helper('parseDate')}(${lowerNode(value, ctx)})`;
  return ctx.report('expression_unsupported_call', node, { name: 'new Date', reason: 'it takes a number of milliseconds, an ISO 8601 string or another Date' });
}

/** `Date.now()`, `Date.parse(s)`, `Date.UTC(y, m, …)`. */
export function lowerDateStatic(name: string, node: CallExpression, ctx: LowerContext): string {
  const args = node.getArguments() as Expression[];
  if (args.some((a) => Node.isSpreadElement(a) || !onlyKinds(kindsOf(a), name === 'parse' ? 'string' : 'number'))) {
    return ctx.report('expression_unsupported_call', node, { name: `Date.${name}`, reason: name === 'parse' ? 'it takes a string' : 'it takes numbers' });
  }
  switch (name) {
    case 'now':
      return '$millis()';
    case 'parse':
      return `${ctx.helper('parseDate')}(${lowerNode(args[0], ctx)})`;
    case 'UTC': {
      const [year, month = '0', day = '1', hours = '0', minutes = '0', seconds = '0', ms = '0'] = args.map((a) => lowerNode(a, ctx));
      return `${ctx.helper('dateUTC')}(${[year, month, day, hours, minutes, seconds, ms].join(', ')})`;
    }
    default:
      return ctx.report('expression_unsupported_call', node, { name: `Date.${name}`, reason: '' });
  }
}

/** A method of a Date whose time value is `receiver`. */
export function lowerDateMethod(name: string, receiver: string, node: CallExpression, ctx: LowerContext): string {
  if (name === 'getTime' || name === 'valueOf') return receiver;
  if (name === 'toISOString' || name === 'toJSON') return `${ctx.helper('isoString')}(${receiver})`;
  if (Object.hasOwn(UTC_GETTERS, name)) return `${ctx.helper('dateParts')}(${receiver}).${UTC_GETTERS[name]}`;
  if (Object.hasOwn(LOCAL, name)) {
    return ctx.report('expression_unsupported_call', node, { name: `Date.prototype.${name}`, reason: `it depends on the machine's time zone; use \`${LOCAL[name]}\`` });
  }
  if (name.startsWith('set')) {
    return ctx.report('expression_mutation', node, { text: `${node.getText()} (build a new date: \`new Date(Date.UTC(…))\` or \`new Date(d.getTime() + ms)\`)` });
  }
  return ctx.report('expression_unsupported_call', node, { name: `Date.prototype.${name}`, reason: '' });
}

/**
 * Reports a Date turned into text by `String(d)` or a template: JavaScript
 * writes it in the machine's time zone. Returns true when it reported.
 */
export function reportDateString(node: Expression, ctx: LowerContext): boolean {
  if (!isDateType(typeOf(node).getNonNullableType())) return false;
  ctx.report('expression_unsupported_call', node, { name: 'String(date)', reason: 'JavaScript writes a Date in the machine\'s time zone; use `d.toISOString()`' });
  return true;
}

/** `d1 < d2` compares time values in both languages. */
export function isDateComparison(left: Expression, right: Expression): boolean {
  return isDateType(typeOf(left)) && isDateType(typeOf(right));
}

/** `String(x)` of a value that is not a Date. */
export function nonDateString(node: Expression, ctx: LowerContext): string {
  return reportDateString(node, ctx) ? 'null' : lowerToString(node, ctx);
}
