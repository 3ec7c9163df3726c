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

/** Reads the field at `path` (`['Entries']`, `['ResultConfiguration', 'OutputLocation']`) of a payload. */
export function readField(payload: Payload, path: string[]): PayloadField {
  let node: unknown = payload.body;
  let field: string = payload.key;
  for (const key of path) {
    if (isExpression(node, payload.queryLanguage)) return { kind: 'computed', expression: String(node), field };
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return { kind: 'absent', field: `${field}.${key}` };
    const record = node as Record<string, unknown>;
    if (payload.queryLanguage === 'JSONPath' && typeof record[`${key}.$`] === 'string') {
      return { kind: 'computed', expression: record[`${key}.$`] as string, field: `${field}.${key}.$` };
    }
    field = `${field}.${key}`;
    if (!(key in record)) return { kind: 'absent', field };
    node = record[key];
  }
  if (isExpression(node, payload.queryLanguage)) return { kind: 'computed', expression: String(node), field };
  return { kind: 'literal', value: node, field };
}

/** A JSONata `{% … %}` string; in JSONPath payloads computed values are marked by their key instead. */
function isExpression(value: unknown, queryLanguage: 'JSONPath' | 'JSONata'): boolean {
  return queryLanguage === 'JSONata' && typeof value === 'string' && /^\{%[\s\S]*%\}$/.test(value.trim());
}
