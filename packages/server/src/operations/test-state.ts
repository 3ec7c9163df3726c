import { AwsApiError, type MockOptions } from '@typestep/runtime';
import { defined, optionalObject, optionalString, payloadField, requiredString } from '../request-fields.js';
import { parsePayload, type Operation } from '../server-context.js';

const LEVELS = new Set(['INFO', 'DEBUG', 'TRACE']);

/**
 * TestState's fields that @typestep/testing's emulation cannot honour yet:
 * asked for, they fail loudly rather than being ignored.
 */
const UNSUPPORTED_FIELDS = ['context', 'stateConfiguration'] as const;

/** The state to test: `definition` is one state, or a whole machine with `stateName` naming the state. */
function stateToTest(definition: string, stateName: string | undefined): { state: Record<string, unknown>; name: string; queryLanguage?: 'JSONPath' | 'JSONata' } {
  const parsed = parsePayload(definition, 'InvalidDefinition', 'State Machine Definition');
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AwsApiError('InvalidDefinition', `Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The definition must be a JSON object'`);
  }
  const object = parsed as Record<string, unknown>;
  if (object.States && typeof object.States === 'object') {
    const states = object.States as Record<string, Record<string, unknown>>;
    const name = stateName ?? (object.StartAt as string | undefined);
    const state = name === undefined ? undefined : states[name];
    if (!state) throw new AwsApiError('ValidationException', `The state machine has no state named '${String(name)}'`);
    const language = (state.QueryLanguage ?? object.QueryLanguage) as 'JSONPath' | 'JSONata' | undefined;
    return { state, name: name!, queryLanguage: language };
  }
  if (typeof object.Type !== 'string') {
    throw new AwsApiError('InvalidDefinition', `Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'Type' should be non-null at /Type'`);
  }
  return { state: object, name: stateName ?? 'State', queryLanguage: object.QueryLanguage as 'JSONPath' | 'JSONata' | undefined };
}

/**
 * A TestState `mock` as a one-response mock configuration for the tested
 * state: `result` is the service's whole response, `errorOutput` its error.
 */
function mockOf(mock: Record<string, unknown> | undefined, name: string): MockOptions | undefined {
  if (!mock) return undefined;
  const result = typeof mock.result === 'string' ? parsePayload(mock.result, 'ValidationException', 'mock result') : undefined;
  const errorOutput = mock.errorOutput as { error?: string; cause?: string } | undefined;
  if ((result === undefined) === (errorOutput === undefined)) throw new AwsApiError('ValidationException', `A mock needs exactly one of 'result' and 'errorOutput'`);
  const response = errorOutput ? { Throw: { Error: errorOutput.error ?? 'States.TaskFailed', Cause: errorOutput.cause ?? '' } } : { Return: result };
  return {
    config: { StateMachines: { TestState: { TestCases: { Mock: { [name]: 'Mocked' } } } }, MockedResponses: { Mocked: { '0': response } } },
    testCase: 'Mock',
    stateMachineName: 'TestState',
  };
}

/**
 * TestState through @typestep/testing's emulation: one attempt of one
 * state, its output or error and the state it would go to next. With
 * `inspectionLevel` DEBUG or TRACE, `inspectionData` holds the input and the
 * variables the state assigned (the steps between, such as
 * `afterInputPath`, are not recorded by the emulation).
 */
export const testStateOperation: Operation = async (body) => {
  const definition = requiredString(body, 'definition');
  for (const field of UNSUPPORTED_FIELDS) {
    if (body[field] !== undefined && body[field] !== null) {
      throw new AwsApiError('ValidationException', `typestep serve's TestState does not support '${field}' yet`);
    }
  }
  const level = optionalString(body, 'inspectionLevel') ?? 'INFO';
  if (!LEVELS.has(level)) throw new AwsApiError('ValidationException', `1 validation error detected: Value '${level}' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]`);
  const { state, name, queryLanguage } = stateToTest(definition, optionalString(body, 'stateName'));
  const inputText = payloadField(body, 'input') ?? '{}';
  const input = parsePayload(inputText, 'InvalidExecutionInput', 'State Machine Execution Input');
  const variablesText = optionalString(body, 'variables');
  const variables = variablesText === undefined ? undefined : (parsePayload(variablesText, 'ValidationException', 'variables') as Record<string, unknown>);
  const mocks = mockOf(optionalObject(body, 'mock'), name);
  // Loaded on first use: @typestep/testing brings the compiler, which the rest of the server never needs.
  const { testState } = await import('@typestep/testing');
  const result = await testState(state, { input, name, mocks, variables, queryLanguage });
  const inspect = level !== 'INFO';
  return defined({
    status: result.status,
    output: result.output === undefined ? undefined : JSON.stringify(result.output),
    error: result.error,
    cause: result.cause,
    nextState: result.nextState,
    inspectionData: inspect ? defined({ input: inputText, variables: result.variables ? JSON.stringify(result.variables) : undefined }) : undefined,
  });
};
