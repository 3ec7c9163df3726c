import type { ValidationProblem } from './context.js';
import { jsonSyntaxErrorAt } from './json-syntax-error.js';
import { formatMessage } from './messages.js';
import { collectProblems, type ValidationOptions } from './validate-definition.js';

/** What {@link parseDefinitionText} found. */
export interface ParsedDefinition {
  /** The parsed JSON; absent only when the text is not JSON. */
  definition?: unknown;
  problems: ValidationProblem[];
}

/**
 * Loads a definition from its JSON text and validates it, as CreateStateMachine
 * would. Malformed JSON gives a single `invalid_json` problem whose message
 * names the line and column; otherwise `definition` is the parsed value and
 * `problems` everything wrong with it (empty when it is valid).
 *
 * @example
 * const { definition, problems } = parseDefinitionText(await readFile('machine.asl.json', 'utf8'));
 * if (problems.length > 0) for (const p of problems) console.error(`${p.location || '/'}: ${p.message}`);
 */
export function parseDefinitionText(text: string, options: ValidationOptions = {}): ParsedDefinition {
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    return { problems: [describeInvalidJson(text, error)] };
  }
  return { definition, problems: collectProblems(definition, text.length, options) };
}

function describeInvalidJson(text: string, error: unknown): ValidationProblem {
  return { code: 'invalid_json', message: formatMessage('invalid_json', jsonSyntaxErrorAt(text, error)), location: '' };
}
