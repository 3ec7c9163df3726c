/**
 * A JSON copy of `value`, as it would arrive after crossing AWS's
 * serialization boundary: `undefined` becomes `null`, objects are copied
 * through `JSON.stringify`, other primitives are returned as they are.
 * Native workflow runs (`@typestep/dsl`) copy with it too, so both sides
 * hand user code the same values.
 *
 * @example
 * const sent = { at: new Date(0) };
 * copyJson(sent); // { at: '1970-01-01T00:00:00.000Z' }
 * copyJson(undefined); // null
 */
export function copyJson(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  return JSON.parse(JSON.stringify(value));
}
