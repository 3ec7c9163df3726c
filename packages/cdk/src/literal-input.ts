import type { WorkflowSchemaDocument } from '@typestep/compiler';
import { SchemaChecks, StatesError, type MachineSchema } from '@typestep/runtime';

/**
 * Checks an input written entirely as values against the machine's input
 * schema, so a wrong input fails the synth rather than the execution. An
 * input holding any expression (a `{% … %}` string, a JSONPath `key.$`) is
 * left to run time: its value is not known yet.
 */
export function checkLiteralInput(schema: WorkflowSchemaDocument | undefined, input: unknown, machine: string): void {
  if (!schema || holdsExpression(input)) return;
  try {
    new SchemaChecks(schema as unknown as MachineSchema).checkInput(input);
  } catch (error) {
    if (!(error instanceof StatesError)) throw error;
    const problems = (error.cause ?? error.message).replace(/^The execution input does not match the input schema: /, '');
    throw new Error(`typestep: an input for ${machine} does not match its input schema: ${problems}`);
  }
}

function holdsExpression(value: unknown): boolean {
  if (typeof value === 'string') return /^\{%[\s\S]*%\}$/.test(value.trim());
  if (Array.isArray(value)) return value.some(holdsExpression);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => key.endsWith('.$') || holdsExpression(item));
  return false;
}
