/**
 * The subset of JSON Schema draft 2020-12 that typestep writes. Every schema
 * typestep derives from a TypeScript type is one of these objects; `{}`
 * accepts any JSON value (what `unknown` and `any` become).
 *
 * @example
 * const order: JsonSchema = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false };
 */
export interface JsonSchema {
  $schema?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: JsonTypeName | JsonTypeName[];
  const?: JsonValue;
  enum?: JsonValue[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema | boolean;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  readOnly?: boolean;
}

/** The names JSON Schema's `type` keyword takes. */
export type JsonTypeName = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The draft every typestep schema declares in `$schema`. */
export const JSON_SCHEMA_DRAFT = 'https://json-schema.org/draft/2020-12/schema';
