import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WorkflowSchemaDocument } from '@typestep/compiler';
import { compileWorkflowFile } from './compile-workflow.js';

/** Where a machine's definition comes from: exactly one of the three. */
export interface DefinitionSourceProps {
  /** A TypeScript file with `workflow(…)` calls, compiled at synth time. */
  readonly workflow?: string;
  /** Which workflow of the file, when it declares more than one. */
  readonly workflowName?: string;
  /** The tsconfig whose compiler options compile `workflow` (default: typestep's own). */
  readonly tsconfig?: string;
  /** A compiled ASL definition. */
  readonly definition?: object;
  /** The path of a compiled `.asl.json`; a `.schema.json` next to it is read as its schema. */
  readonly definitionFile?: string;
  /** The JSON Schemas of input and output, for `definition` or `definitionFile`. */
  readonly schema?: WorkflowSchemaDocument;
}

/** A definition ready to deploy, with what is known about it. */
export interface LoadedDefinition {
  definition: Record<string, unknown>;
  schema?: WorkflowSchemaDocument;
  /** The workflow's name, when compiled from TypeScript. */
  name?: string;
  /** The type the workflow declares (`workflow(…, { type: 'EXPRESS' })`). */
  type?: 'STANDARD' | 'EXPRESS';
}

export function loadDefinition(props: DefinitionSourceProps): LoadedDefinition {
  const given = (['workflow', 'definition', 'definitionFile'] as const).filter((key) => props[key] !== undefined);
  if (given.length !== 1) {
    throw new Error(`typestep: give exactly one of workflow, definition and definitionFile${given.length ? ` (got ${given.join(', ')})` : ''}`);
  }
  if (props.workflow !== undefined) return loadWorkflow(props.workflow, props.workflowName, props.tsconfig);
  if (props.definitionFile !== undefined) return loadDefinitionFile(props.definitionFile, props.schema);
  if (typeof props.definition !== 'object' || props.definition === null || Array.isArray(props.definition)) {
    throw new Error('typestep: definition must be an ASL definition object (for a file, use definitionFile)');
  }
  return { definition: props.definition as Record<string, unknown>, schema: props.schema };
}

function loadWorkflow(file: string, name: string | undefined, tsconfig: string | undefined): LoadedDefinition {
  const workflows = compileWorkflowFile(file, tsconfig);
  const names = workflows.map((workflow) => workflow.name);
  if (workflows.length === 0) throw new Error(`typestep: no workflow(…) found in ${file}`);
  const chosen = name === undefined ? (workflows.length === 1 ? workflows[0] : undefined) : workflows.find((workflow) => workflow.name === name);
  if (!chosen) {
    const why = name === undefined ? 'declares several workflows; choose one with workflowName' : `has no workflow named ${JSON.stringify(name)}`;
    throw new Error(`typestep: ${file} ${why} (it declares ${names.join(', ')})`);
  }
  return { definition: chosen.definition, schema: chosen.schema, name: chosen.name, type: chosen.type };
}

function loadDefinitionFile(file: string, schema: WorkflowSchemaDocument | undefined): LoadedDefinition {
  const path = resolve(file);
  const definition = readJson(path, 'definition') as Record<string, unknown>;
  const schemaFile = path.replace(/\.asl\.json$/, '.schema.json');
  if (schema === undefined && schemaFile !== path && existsSync(schemaFile)) schema = readJson(schemaFile, 'schema') as WorkflowSchemaDocument;
  return { definition, schema };
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`typestep: cannot read the ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`typestep: the ${what} ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
