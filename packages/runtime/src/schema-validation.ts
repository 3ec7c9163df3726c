import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { StatesError } from './errors.js';
import type { HandlerMap, TaskHandler } from './handlers.js';

/**
 * The JSON Schemas a machine's executions are checked against: the
 * compiler's `<Name>.schema.json` document (`input`, `output`, `tasks`,
 * `$defs`, every `$ref` being `#/$defs/…`), or just `{ input?, output? }` with
 * any JSON Schemas (draft 2020-12; a schema without `$schema` is read as
 * 2020-12) for ASL that typestep did not compile.
 *
 * @example
 * const schema: MachineSchema = JSON.parse(readFileSync('ProcessOrder.schema.json', 'utf8'));
 * const machine = new StateMachine<ProcessOrderInput, ProcessOrderOutput>(definition, { schema });
 */
export interface MachineSchema {
  input?: object;
  output?: object;
  /** Each task's request/response and the keys its handler is found by (see `TaskTypes`). */
  tasks?: Record<string, { resource?: string; stateName?: string; request?: object; response?: object }>;
  $defs?: Record<string, object>;
}

/**
 * The request and response types of a machine's tasks, by task name — the
 * `<Name>Tasks` type `typestep types` generates, or written by hand keyed by
 * Task state name. `StateMachine<In, Out, Tasks>` then type-checks the
 * handlers registered for those tasks.
 *
 * @example
 * type Tasks = { chargeCard: { request: { amount: number }; response: { chargeId: string } } };
 */
export type TaskTypes = Record<string, { request: unknown; response: unknown }>;

/**
 * Handlers for a typed machine: one per task, each checked against its
 * request and response. With no task types (`{}`), any `HandlerMap`.
 *
 * @example
 * const handlers: TypedHandlerMap<Tasks> = { chargeCard: ({ amount }) => ({ chargeId: `ch-${amount}` }) };
 */
export type TypedHandlerMap<Tasks extends TaskTypes> = string extends keyof Tasks
  ? HandlerMap
  : keyof Tasks extends never
    ? HandlerMap
    : { [Name in keyof Tasks]?: TaskHandler<Tasks[Name]['request'], Tasks[Name]['response']> };

/** The error an execution fails with when its input does not match the input schema. */
export const INPUT_VALIDATION_ERROR = 'Typestep.InputValidation';
/** The error an execution fails with when its output does not match the output schema. */
export const OUTPUT_VALIDATION_ERROR = 'Typestep.OutputValidation';

/** At most this many problems are listed in a cause; the rest are counted. */
const MAX_LISTED = 5;

/**
 * Input and output checks for one machine, compiled once. `checkInput` and
 * `checkOutput` throw a `StatesError` (`Typestep.InputValidation` /
 * `Typestep.OutputValidation`) whose cause names each JSON path and what was
 * expected there.
 *
 * @example
 * const checks = new SchemaChecks({ input: { type: 'object', required: ['id'] } });
 * checks.checkInput({}); // throws: "The execution input does not match the input schema: $.id is required"
 */
export class SchemaChecks {
  private readonly input: ValidateFunction | undefined;
  private readonly output: ValidateFunction | undefined;

  constructor(schema: MachineSchema) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    this.input = schema.input && ajv.compile(partSchema(schema.input, schema.$defs));
    this.output = schema.output && ajv.compile(partSchema(schema.output, schema.$defs));
  }

  checkInput(value: unknown): void {
    check(this.input, value, INPUT_VALIDATION_ERROR, 'The execution input does not match the input schema');
  }

  checkOutput(value: unknown): void {
    check(this.output, value, OUTPUT_VALIDATION_ERROR, 'The execution output does not match the output schema');
  }
}

/** A part of a schema document as a schema of its own: its `#/$defs/…` refs resolve against the document's `$defs`. */
function partSchema(part: object, defs: Record<string, object> | undefined): object {
  const { $schema: _ignored, ...rest } = part as { $schema?: string };
  // Ajv2020 only reads 2020-12; a part written for draft-07 (`definitions`) keeps working because both keys are kept.
  return defs && !('$defs' in rest) ? { ...rest, $defs: defs } : rest;
}

function check(validate: ValidateFunction | undefined, value: unknown, error: string, lead: string): void {
  if (!validate || validate(value)) return;
  throw new StatesError(error, `${lead}: ${describeProblems(validate.errors ?? [])}`);
}

/**
 * The fields of an ajv error object that the messages use. Declared here so
 * that the runtime's public types do not pull ajv's declarations into every
 * program that type-checks against them (the compiler's, for one).
 */
export interface SchemaProblem {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown> | object;
  message?: string;
  data?: unknown;
}

/**
 * One sentence per problem, each naming the JSON path (`$.items[0].qty`) and
 * what was expected there. A failing union lists its own problem, not every
 * member's.
 *
 * @example
 * describeProblems(validate.errors); // "$.total must be number (got string); $.id is required"
 */
export function describeProblems(errors: SchemaProblem[]): string {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  // Errors inside a union's branches repeat, per member, why that member did not match; the union's own error says it.
  const relevant = errors.filter((e) => !unions.some((path) => e.schemaPath !== path && e.schemaPath.startsWith(`${path}/`)));
  const lines = [...new Set(relevant.map(describeProblem))];
  const listed = lines.slice(0, MAX_LISTED).join('; ');
  return lines.length > MAX_LISTED ? `${listed}; and ${lines.length - MAX_LISTED} more` : listed;
}

function describeProblem(error: SchemaProblem): string {
  const path = jsonPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${jsonPath(`${error.instancePath}/${escapePointer(String(params.missingProperty))}`)} is required`;
    case 'additionalProperties':
      return `${jsonPath(`${error.instancePath}/${escapePointer(String(params.additionalProperty))}`)} is not allowed (no such property in the schema)`;
    case 'type':
      return `${path} must be ${String(params.type).replace(/,/g, ' or ')} (got ${describeValue(error.data)})`;
    case 'const':
      return `${path} must be ${JSON.stringify(params.allowedValue)} (got ${JSON.stringify(error.data)})`;
    case 'enum':
      return `${path} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(error.data)})`;
    case 'anyOf':
    case 'oneOf':
      return `${path} must match ${error.keyword === 'oneOf' ? 'exactly one' : 'one'} of the union's members (got ${describeValue(error.data)})`;
    default:
      return `${path} ${error.message ?? 'is invalid'}`;
  }
}

/** `/items/0/qty` → `$.items[0].qty`; keys that are not identifiers are quoted: `$['a b']`. */
function jsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return `$${pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((key) => (/^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`))
    .join('')}`;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}

/**
 * The handler map a machine registers: handlers keyed by a task name of the
 * schema document are registered under that task's resource and state name
 * (what the runtime finds a Task state's handler by); other keys stay as they
 * are (state names, ARNs).
 *
 * @example
 * handlersForTasks({ chargeCard: fn }, { tasks: { chargeCard: { resource: '${ChargeFunctionArn}' } } });
 * // { '${ChargeFunctionArn}': fn }
 */
export function handlersForTasks(handlers: HandlerMap, schema: MachineSchema | undefined): HandlerMap {
  const tasks = schema?.tasks;
  if (!tasks) return handlers;
  const mapped: HandlerMap = {};
  for (const [key, handler] of Object.entries(handlers)) {
    const task = Object.hasOwn(tasks, key) ? tasks[key] : undefined;
    if (!task || (!task.resource && !task.stateName)) {
      mapped[key] = handler;
      continue;
    }
    if (task.resource) mapped[task.resource] = handler;
    if (task.stateName) mapped[task.stateName] = handler;
  }
  return mapped;
}
