import { Node, type CallExpression, type Type } from '../ts-morph.js';
import type { DiagnosticCollector } from '../diagnostics/index.js';
import { JSON_SCHEMA_DRAFT, type JsonSchema } from './json-schema.js';
import { SchemaBuilder } from './schema-builder.js';
import type { TaskSchemas, WorkflowSchemaDocument } from './schema-document.js';
import { findTaskCalls, taskTypes, type TaskCall } from './task-calls.js';

/**
 * Derives a workflow's schema document from its `workflow(name, async (input:
 * In) => …)` call: the input from the body's parameter, the output from the
 * awaited return type, and a request and response for every task the body
 * calls. Types JSON cannot carry are reported to `diagnostics` (their part of
 * the schema is `{}`).
 *
 * @example
 * const call = sourceFile.getFirstDescendantByKindOrThrow(SyntaxKind.CallExpression); // workflow('ProcessOrder', …)
 * const document = buildWorkflowSchemas(call, diagnostics);
 * writeFileSync(`${document.title}.schema.json`, JSON.stringify(document, null, 2));
 */
export function buildWorkflowSchemas(workflowCall: CallExpression, diagnostics: DiagnosticCollector, options: { strict?: boolean } = {}): WorkflowSchemaDocument {
  const builder = new SchemaBuilder(diagnostics, options);
  const [nameArgument, body] = workflowCall.getArguments();
  const title = nameArgument && Node.isStringLiteral(nameArgument) ? nameArgument.getLiteralValue() : (nameArgument?.getText() ?? 'Workflow');
  const { input, output } = bodySchemas(body, workflowCall, builder);
  const tasks: Record<string, TaskSchemas> = {};
  if (body) {
    for (const task of findTaskCalls(body)) {
      const schemas = taskSchemas(task, builder, diagnostics);
      if (schemas) tasks[task.name] = schemas;
    }
  }
  const document: WorkflowSchemaDocument = { $schema: JSON_SCHEMA_DRAFT, title, input, output, tasks };
  if (Object.keys(builder.defs).length > 0) document.$defs = sortedDefs(builder.defs);
  return document;
}

/** Input and output of a workflow body (an arrow or function expression). */
function bodySchemas(body: Node | undefined, where: Node, builder: SchemaBuilder): { input: JsonSchema; output: JsonSchema } {
  if (!body || !(Node.isArrowFunction(body) || Node.isFunctionExpression(body))) return { input: {}, output: {} };
  const parameter = body.getParameters()[0];
  const input = parameter ? builder.schemaFor(parameter.getType(), parameter.getTypeNode() ?? parameter) : {};
  const output = builder.schemaFor(awaited(body.getReturnType()), body.getReturnTypeNode() ?? body);
  return { input, output };
}

function taskSchemas(task: TaskCall, builder: SchemaBuilder, diagnostics: DiagnosticCollector): TaskSchemas | undefined {
  const schemas: Omit<TaskSchemas, 'request' | 'response'> = { kind: task.kind, ...handlerKeys(task) };
  if (task.kind === 'workflow') {
    const { input, output } = bodySchemas(task.initializer.getArguments()[1], task.initializer, builder);
    return { ...schemas, request: input, response: output };
  }
  const types = taskTypes(task);
  if (!types) {
    diagnostics.report('schema_task_types_unknown', task.call, { task: task.name });
    return undefined;
  }
  const [requestNode, responseNode] = task.initializer.getTypeArguments();
  return {
    ...schemas,
    request: builder.schemaFor(types.request, requestNode ?? task.declaration),
    response: builder.schemaFor(types.response, responseNode ?? task.declaration),
  };
}

/**
 * What a handler is registered under, from the declaration's literal
 * arguments: the function ARN of `lambda`, the ARN of `activity`, the
 * integration ARN of `awsSdk` and `callback`, and `name` from the options.
 */
function handlerKeys(task: TaskCall): { resource?: string; stateName?: string } {
  const literals = task.initializer.getArguments().map((argument) => (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument) ? argument.getLiteralValue() : undefined));
  const keys: { resource?: string; stateName?: string } = {};
  const [first, second] = literals;
  if ((task.kind === 'lambda' || task.kind === 'activity') && first) keys.resource = first;
  if (task.kind === 'awsSdk' && first && second) keys.resource = `arn:aws:states:::aws-sdk:${first}:${second}`;
  if (task.kind === 'callback' && first) keys.resource = first.endsWith('.waitForTaskToken') ? first : `${first}.waitForTaskToken`;
  const service = /^(\w+)\.(\w+)$/.exec(task.kind);
  if (service) keys.resource = serviceResource(service[1]!, service[2]!);
  const options = task.initializer.getArguments().find((argument) => Node.isObjectLiteralExpression(argument));
  const nameProperty = options && Node.isObjectLiteralExpression(options) ? options.getProperty('name') : undefined;
  const nameValue = nameProperty && Node.isPropertyAssignment(nameProperty) ? nameProperty.getInitializer() : undefined;
  if (nameValue && Node.isStringLiteral(nameValue)) keys.stateName = nameValue.getLiteralValue();
  return keys;
}

/** The DSL's optimized integrations (`sns.publish`, `glue.startJobRun`…) and the Resource each declares (see DESIGN.md). */
const SERVICE_NAMES: Record<string, string> = { eventBridge: 'events' };
const SYNC_ACTIONS = new Set(['ecs.runTask', 'glue.startJobRun', 'batch.submitJob', 'sagemaker.createTrainingJob']);

function serviceResource(object: string, action: string): string {
  const suffix = SYNC_ACTIONS.has(`${object}.${action}`) ? '.sync' : '';
  return `arn:aws:states:::${SERVICE_NAMES[object] ?? object}:${action}${suffix}`;
}

function awaited(type: Type): Type {
  return type.getAwaitedType() ?? type;
}

function sortedDefs(defs: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b)));
}
