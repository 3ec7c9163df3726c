import { Computed, knownValue } from './expression-literals.js';

/**
 * One field of a Task's payload as far as it can be known before a run:
 * a literal (which may hold `${Name}` placeholders), a value computed at run
 * time (JSONPath `Key.$` or a JSONata `{% … %}`), or no field at all.
 */
export type PayloadField =
  | { kind: 'literal'; value: unknown; field: string }
  | { kind: 'computed'; expression: string; field: string }
  | { kind: 'absent'; field: string };

/** The payload of a Task, ItemReader or ResultWriter: `Arguments` (JSONata) or `Parameters` (JSONPath). */
export interface Payload {
  /** `Arguments` or `Parameters`: where field paths start. */
  key: 'Arguments' | 'Parameters';
  body: unknown;
  queryLanguage: 'JSONPath' | 'JSONata';
}

export function payloadOf(holder: Record<string, unknown>, queryLanguage: 'JSONPath' | 'JSONata'): Payload {
  const key = queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
  return { key, body: holder[key], queryLanguage };
}

/** Reads the field at `path` (`['TableName']`, `['Entries', '0', 'EventBusName']`) of a payload. */
export function readField(payload: Payload, path: string[]): PayloadField {
  let node: unknown = resolveExpression(payload.body, payload.queryLanguage);
  let field: string = payload.key;
  for (const key of path) {
    if (node instanceof Computed) return { kind: 'computed', expression: shorten(node.expression), field };
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      field = `${field}[${key}]`;
      if (Number(key) >= node.length) return { kind: 'absent', field };
      node = resolveExpression(node[Number(key)], payload.queryLanguage);
      continue;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return { kind: 'absent', field: `${field}.${key}` };
    const record = node as Record<string, unknown>;
    if (payload.queryLanguage === 'JSONPath' && typeof record[`${key}.$`] === 'string') {
      return { kind: 'computed', expression: record[`${key}.$`] as string, field: `${field}.${key}.$` };
    }
    field = `${field}.${key}`;
    if (!(key in record)) return { kind: 'absent', field };
    node = resolveExpression(record[key], payload.queryLanguage);
  }
  if (node instanceof Computed) return { kind: 'computed', expression: shorten(node.expression), field };
  return { kind: 'literal', value: node, field };
}

/** A JSONata `{% … %}` string becomes what is known of its value; anything else stays as it is. */
export function resolveExpression(value: unknown, queryLanguage: 'JSONPath' | 'JSONata'): unknown {
  const inner = queryLanguage === 'JSONata' && typeof value === 'string' ? /^\{%([\s\S]*)%\}$/.exec(value.trim())?.[1] : undefined;
  return inner === undefined ? value : knownValue(inner);
}

function shorten(expression: string): string {
  const text = `{% ${expression.trim()} %}`;
  return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}
