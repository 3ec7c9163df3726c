import type { JsonSchema } from './json-schema.js';

/**
 * The `<Name>.schema.json` document written beside a workflow's ASL: JSON
 * Schemas (draft 2020-12) of the execution's input and output and of each
 * task's request and response, sharing one `$defs` table. Every `$ref` is
 * `#/$defs/<Name>`, relative to this document's root, so a part is used on its
 * own as `{ ...document.input, $defs: document.$defs }`. See
 * `SCHEMA-FORMAT.md` beside this file.
 *
 * @example
 * {
 *   "$schema": "https://json-schema.org/draft/2020-12/schema",
 *   "title": "ProcessOrder",
 *   "input": { "$ref": "#/$defs/Order" },
 *   "output": { "type": "object", "properties": { "chargeId": { "type": "string" } }, "required": ["chargeId"], "additionalProperties": false },
 *   "tasks": { "chargeCard": { "kind": "lambda", "resource": "${ChargeFunctionArn}", "request": { … }, "response": { … } } },
 *   "$defs": { "Order": { … } }
 * }
 */
export interface WorkflowSchemaDocument {
  $schema: string;
  /** The workflow's (state machine's) name. */
  title: string;
  description?: string;
  /** The execution input: the workflow body's parameter. */
  input: JsonSchema;
  /** The execution output: what the body's promise resolves with. */
  output: JsonSchema;
  /** Each task the body calls, by the name of the `const` that declares it. */
  tasks: Record<string, TaskSchemas>;
  $defs?: Record<string, JsonSchema>;
}

/** One task's request and response, and how a handler finds it. */
export interface TaskSchemas {
  /** The declaring function: `lambda`, `awsSdk`, `callback`, `activity`, `sns.publish`, `workflow`… */
  kind: string;
  /**
   * The key a handler for this task is registered under by resource, when it
   * is known statically: the Lambda function ARN (or `${Placeholder}`), the
   * activity ARN, the aws-sdk or callback integration ARN.
   */
  resource?: string;
  /** The Task state's name, when the declaration gives one (`{ name: '…' }`). */
  stateName?: string;
  /** What the task is called with (for a callback: what the token function returns). */
  request: JsonSchema;
  /** What the call resolves with. */
  response: JsonSchema;
}
