import type { Type } from 'ts-morph';
import type { JsonSchema, JsonTypeName, JsonValue } from './json-schema.js';

/**
 * The schema of a union. `undefined` members drop out (JSON has no
 * `undefined`; an optional property is simply absent). Literal members become
 * one `enum`, plain primitive members one `type` list, `true | false` is
 * `boolean`; unions of objects that share a literal-typed tag property are
 * discriminated and become `oneOf` (exactly one member matches), any other
 * union `anyOf`.
 *
 * @example
 * schemaForUnion(typeOf<'a' | 'b' | null>(), convert); // { enum: ['a', 'b', null] }
 */
export function schemaForUnion(type: Type, convert: (member: Type) => JsonSchema): JsonSchema {
  // The checker orders members by creation; `null` (created first) reads better last.
  const members = type
    .getUnionTypes()
    .filter((member) => !member.isUndefined() && !member.isVoid())
    .sort((a, b) => Number(a.isNull()) - Number(b.isNull()));
  const hasTrue = members.some((member) => member.isBooleanLiteral() && member.getText() === 'true');
  const hasFalse = members.some((member) => member.isBooleanLiteral() && member.getText() === 'false');
  const schemas: JsonSchema[] = [];
  if (hasTrue && hasFalse) schemas.push({ type: 'boolean' });
  for (const member of members) {
    if (hasTrue && hasFalse && member.isBooleanLiteral()) continue;
    schemas.push(convert(member));
  }
  if (schemas.length === 0) return {};
  if (schemas.length === 1) return schemas[0]!;
  if (schemas.some((schema) => Object.keys(schema).length === 0)) return {};
  const simple = enumSchema(schemas) ?? typeListSchema(schemas);
  if (simple) return simple;
  if (isDiscriminated(members)) return { oneOf: schemas };
  return { anyOf: mergePlainTypes(schemas) };
}

/** `string | number | T[]` → `anyOf: [{ type: ['string', 'number'] }, { type: 'array', … }]`. */
function mergePlainTypes(schemas: JsonSchema[]): JsonSchema[] {
  const plain = schemas.filter((schema) => typeof schema.type === 'string' && Object.keys(schema).length === 1);
  if (plain.length < 2) return schemas;
  const merged: JsonSchema = { type: plain.map((schema) => schema.type as JsonTypeName) };
  return [merged, ...schemas.filter((schema) => !plain.includes(schema))];
}

/** `'a' | 'b' | null` → `{ type: 'string' | ['string', 'null'], enum: [...] }` when every member is one value. */
function enumSchema(schemas: JsonSchema[]): JsonSchema | undefined {
  const values: JsonValue[] = [];
  for (const schema of schemas) {
    if ('const' in schema && Object.keys(schema).length === 1) values.push(schema.const!);
    else if (schema.type === 'null' && Object.keys(schema).length === 1) values.push(null);
    else return undefined;
  }
  const types = [...new Set(values.map(jsonTypeOf))];
  return { type: types.length === 1 ? types[0]! : types, enum: values };
}

/** `string | number | null` → `{ type: ['string', 'number', 'null'] }`. */
function typeListSchema(schemas: JsonSchema[]): JsonSchema | undefined {
  const types: JsonTypeName[] = [];
  for (const schema of schemas) {
    if (typeof schema.type !== 'string' || Object.keys(schema).length !== 1) return undefined;
    types.push(schema.type);
  }
  return { type: types };
}

/** Every member is an object with a literal-typed property of one name, and the literals differ. */
function isDiscriminated(members: Type[]): boolean {
  if (!members.every((member) => member.isObject() && !member.isArray() && !member.isTuple())) return false;
  const candidates = members[0]!.getProperties().map((property) => property.getName());
  return candidates.some((name) => {
    const seen = new Set<unknown>();
    for (const member of members) {
      const property = member.getProperty(name);
      const declaration = property?.getValueDeclaration();
      const propertyType = property && declaration ? property.getTypeAtLocation(declaration) : undefined;
      if (!(propertyType?.isLiteral() || propertyType?.isBooleanLiteral()) || seen.has(propertyType.getText())) return false;
      seen.add(propertyType.getText());
    }
    return true;
  });
}

function jsonTypeOf(value: JsonValue): JsonTypeName {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'string' | 'number' | 'boolean' | 'object';
}
