import type { Node, Type } from 'ts-morph';
import type { DiagnosticCollector } from '../diagnostics/index.js';
import { JSON_SCHEMA_DRAFT, type JsonSchema } from './json-schema.js';
import { SchemaBuilder } from './schema-builder.js';

/**
 * The JSON Schema (draft 2020-12) of one TypeScript type, standalone: named
 * types it uses are in its own `$defs`. Types JSON cannot carry are reported
 * to `diagnostics` at their declaration (or at `node`).
 *
 * @example
 * const alias = sourceFile.getTypeAliasOrThrow('Order');
 * schemaForType(alias.getType(), alias, diagnostics);
 * // { $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: '#/$defs/Order', $defs: { Order: { type: 'object', … } } }
 */
export function schemaForType(type: Type, node: Node, diagnostics: DiagnosticCollector): JsonSchema {
  const builder = new SchemaBuilder(diagnostics);
  const schema = builder.schemaFor(type, node);
  const defs = Object.entries(builder.defs).sort(([a], [b]) => a.localeCompare(b));
  return { $schema: JSON_SCHEMA_DRAFT, ...schema, ...(defs.length > 0 ? { $defs: Object.fromEntries(defs) } : {}) };
}
