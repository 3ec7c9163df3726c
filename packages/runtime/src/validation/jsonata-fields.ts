import { expressionText, parseJsonata } from '../jsonata/expression.js';
import { appendPointer, describeFieldAt, type Site } from './context.js';
import { expectNumber, isJsonObject, type JsonObject, type NumberRange } from './field-types.js';

/**
 * JSONata-language fields: any string of the form `{% expr %}`, at any depth,
 * is an expression and must parse; `.$` keys belong to JSONPath and are
 * rejected. Expressions are parsed, not evaluated — evaluation needs data.
 */

/** Checks a JSONata template (Output, Arguments, an Assign value…) at any depth. */
export function checkJsonataTemplate(
  site: Site,
  field: string,
  value: unknown,
  pointer = appendPointer(site.pointer, field),
): void {
  const text = expressionText(value);
  if (text !== undefined) {
    checkJsonataExpression(site, describeFieldAt(site, pointer), text, pointer);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkJsonataTemplate(site, field, item, appendPointer(pointer, index)));
  } else if (isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const itemPointer = appendPointer(pointer, key);
      if (key.endsWith('.$')) site.ctx.report('jsonpath_in_jsonata_state', itemPointer, { owner: site.owner, field, key });
      checkJsonataTemplate(site, field, item, itemPointer);
    }
  }
}

/** Parses one expression (the text inside `{% %}`) with the interpreter's JSONata. */
export function checkJsonataExpression(site: Site, field: string, text: string, pointer: string): void {
  try {
    parseJsonata(text);
  } catch (error) {
    const { message, position } = error as { message?: unknown; position?: unknown };
    const reason = typeof message === 'string' ? message : String(error);
    site.ctx.report('invalid_jsonata', pointer, {
      owner: site.owner,
      field,
      text: text.trim(),
      reason: typeof position === 'number' ? `${reason} (at character ${position} of the expression)` : reason,
    });
  }
}

/** Whether `value` is a `{% … %}` string. */
export function isJsonataString(value: unknown): value is string {
  return expressionText(value) !== undefined;
}

/**
 * A field that holds either a literal of its own type or, in JSONata states, a
 * `{% %}` expression computing it (TimeoutSeconds, Seconds, MaxConcurrency…).
 * Returns true when `object[field]` is an expression (checked here) so that
 * callers skip their literal checks.
 */
export function checkExpressionField(site: Site, object: JsonObject, field: string, pathField?: string): boolean {
  const value = object[field];
  const text = expressionText(value);
  if (text === undefined) return false;
  const pointer = appendPointer(site.pointer, field);
  if (site.language === 'JSONata') checkJsonataExpression(site, field, text, pointer);
  else site.ctx.report('jsonata_in_jsonpath_state', pointer, { owner: site.owner, field, pathField });
  return true;
}

/** A numeric field that JSONata states may compute with an expression. */
export function checkNumberOrExpression(
  site: Site,
  object: JsonObject,
  field: string,
  range: NumberRange,
  pathField?: string,
): boolean {
  if (object[field] === undefined || checkExpressionField(site, object, field, pathField)) return false;
  return expectNumber(site, object, field, range);
}
