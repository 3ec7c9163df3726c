import { AwsApiError, parseDefinitionText, type ValidationProblem } from '@typestep/runtime';

/**
 * AWS's diagnostic codes for the problems typestep's validator reports under
 * its own codes; everything else AWS reports as a schema failure.
 */
const AWS_CODES: Partial<Record<string, string>> = {
  invalid_json: 'INVALID_JSON_DESCRIPTION',
  start_at_not_found: 'MISSING_TRANSITION_TARGET',
  transition_target_not_found: 'MISSING_TRANSITION_TARGET',
  missing_transition: 'MISSING_TRANSITION_TARGET',
  unreachable_state: 'UNREACHABLE_STATE',
  no_terminal_state: 'NO_TERMINAL_STATE',
  duplicate_state_name: 'DUPLICATE_STATE_NAME',
  invalid_path: 'INVALID_JSON_PATH',
  invalid_reference_path: 'INVALID_JSON_PATH',
  invalid_jsonata: 'INVALID_JSONATA',
};

/** AWS's code for one of typestep's problems. */
export function awsCodeOf(problem: ValidationProblem): string {
  return AWS_CODES[problem.code] ?? 'SCHEMA_VALIDATION_FAILED';
}

/** Every problem of a definition given as text, as CreateStateMachine would find them. */
export function definitionProblems(definition: string, type: 'STANDARD' | 'EXPRESS'): ValidationProblem[] {
  return parseDefinitionText(definition, { type }).problems;
}

/**
 * `InvalidDefinition` in AWS's words:
 * `Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: … at /States/A/Next'`,
 * problems joined by `, `.
 */
export function invalidDefinition(problems: readonly ValidationProblem[]): AwsApiError {
  const listed = problems.map((problem) => `${awsCodeOf(problem)}: ${problem.message}${problem.location ? ` at ${problem.location}` : ''}`).join(', ');
  return new AwsApiError('InvalidDefinition', `Invalid State Machine Definition: '${listed}'`);
}

/** Throws `InvalidDefinition` unless the definition is valid for `type`. */
export function checkDefinition(definition: string, type: 'STANDARD' | 'EXPRESS'): void {
  const problems = definitionProblems(definition, type);
  if (problems.length > 0) throw invalidDefinition(problems);
}
