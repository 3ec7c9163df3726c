export { schemaForType } from './schema-for-type.js';
export { buildWorkflowSchemas } from './workflow-schemas.js';
export { SchemaBuilder } from './schema-builder.js';
export { JSON_SCHEMA_DRAFT, type JsonSchema, type JsonTypeName, type JsonValue } from './json-schema.js';
export type { WorkflowSchemaDocument, TaskSchemas } from './schema-document.js';
export { generateDeclarations, type DeclarationSource } from './declarations.js';
// Callers of schemaForType/buildWorkflowSchemas need a collector to pass in.
export { DiagnosticCollector } from '../diagnostics/index.js';
