import { AwsApiError, type MockOptions } from '@typestep/runtime';
import { defined, fieldError, optionalObject, optionalString, payloadField, requiredString } from '../request-fields.js';
import { parsePayload, type Operation } from '../server-context.js';

const LEVELS = new Set(['INFO', 'DEBUG', 'TRACE']);

/** What TestState's `stateConfiguration` asks of the emulation. */
interface StateConfiguration {
  retrierRetryCount?: number;
  errorCausedByState?: string;
  mapIterationFailureCount?: number;
  mapItemReaderData?: string;
}

/** A `stateConfiguration` count: absent, or an integer of at least 0 (AWS's constraint). */
function countField(configuration: Record<string, unknown>, field: string): number | undefined {
  const count = configuration[field];
  if (count === undefined || count === null) return undefined;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw fieldError(`stateConfiguration.${field}`, count, 'Member must have value greater than or equal to 0');
  }
  return count;
}

/** The `stateConfiguration` field, checked against AWS's constraints. */
function stateConfigurationOf(body: Record<string, unknown>): StateConfiguration {
  const configuration = optionalObject(body, 'stateConfiguration') ?? {};
  const readerData = optionalString(configuration, 'mapItemReaderData');
  if (readerData !== undefined && readerData.length > 262144) {
    throw fieldError('stateConfiguration.mapItemReaderData', '***', 'Member must have length less than or equal to 262144');
  }
  const causedBy = optionalString(configuration, 'errorCausedByState');
  if (causedBy !== undefined && (causedBy.length < 1 || causedBy.length > 80)) {
    throw fieldError('stateConfiguration.errorCausedByState', causedBy, 'Member must have length between 1 and 80');
  }
  return {
    retrierRetryCount: countField(configuration, 'retrierRetryCount'),
    errorCausedByState: causedBy,
    mapIterationFailureCount: countField(configuration, 'mapIterationFailureCount'),
    mapItemReaderData: readerData,
  };
}

/** TestState's `context`: a JSON object laid over the tested state's context object. */
function contextOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const text = payloadField(body, 'context');
  if (text === undefined) return undefined;
  const context = parsePayload(text, 'ValidationException', 'context');
  if (context === null || typeof context !== 'object' || Array.isArray(context)) throw new AwsApiError('ValidationException', `'context' must be a JSON object`);
  return context as Record<string, unknown>;
}

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

/** The emulation's data-flow steps as `inspectionData` fields (JSON text, as AWS sends them). */
function dataFlowFields(dataFlow: Record<string, unknown> | undefined): Record<string, string> {
  if (!dataFlow) return {};
  const { afterInputPath, afterParameters, afterResultSelector, afterResultPath } = dataFlow;
  return Object.fromEntries(Object.entries({ afterInputPath, afterParameters, afterResultSelector, afterResultPath }).map(([key, value]) => [key, JSON.stringify(value)]));
}

/**
 * TestState through @typestep/testing's emulation: one attempt of one
 * state, its output or error and the state it would go to next. `context`
 * is laid over the state's context object; `stateConfiguration`'s
 * `retrierRetryCount`, `errorCausedByState`, `mapIterationFailureCount` and
 * `mapItemReaderData` are honoured. With
 * `inspectionLevel` DEBUG or TRACE, `inspectionData` holds the input, the
 * variables the state assigned, `errorDetails`, and for a JSONPath Task that
 * succeeded its data-flow steps (`afterInputPath`, `afterParameters`, `result`,
 * `afterResultSelector`, `afterResultPath`), for a JSONata Task that succeeded
 * `afterArguments` and `result`.
 */
export const testStateOperation: Operation = async (body) => {
  const definition = requiredString(body, 'definition');
  const configuration = stateConfigurationOf(body);
  const context = contextOf(body);
  const level = optionalString(body, 'inspectionLevel') ?? 'INFO';
  if (!LEVELS.has(level)) throw new AwsApiError('ValidationException', `1 validation error detected: Value '${level}' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]`);
  const { state, name, queryLanguage } = stateToTest(definition, optionalString(body, 'stateName'));
  const inputText = payloadField(body, 'input') ?? '{}';
  const input = parsePayload(inputText, 'InvalidExecutionInput', 'State Machine Execution Input');
  const variablesText = optionalString(body, 'variables');
  const variables = variablesText === undefined ? undefined : (parsePayload(variablesText, 'ValidationException', 'variables') as Record<string, unknown>);
  const mock = optionalObject(body, 'mock');
  if (configuration.errorCausedByState !== undefined && mock?.errorOutput === undefined) {
    throw new AwsApiError('ValidationException', `'stateConfiguration.errorCausedByState' needs a mocked error ('mock.errorOutput')`);
  }
  const mocks = mockOf(mock, name);
  // Loaded on first use: @typestep/testing brings the compiler, which the rest of the server never needs.
  const { testState, StateTestConfigError } = await import('@typestep/testing');
  let result: Awaited<ReturnType<typeof testState>>;
  try {
    result = await testState(state, { input, name, mocks, variables, queryLanguage, context, ...configuration });
  } catch (error) {
    // The emulation refuses a configuration that does not fit the state (e.g. errorCausedByState on a Pass state).
    if (error instanceof StateTestConfigError) throw new AwsApiError('ValidationException', error.message);
    throw error;
  }
  const inspect = level !== 'INFO';
  return defined({
    status: result.status,
    output: result.output === undefined ? undefined : JSON.stringify(result.output),
    error: result.error,
    cause: result.cause,
    nextState: result.nextState,
    inspectionData: inspect
      ? defined({
          input: inputText,
          ...dataFlowFields(result.dataFlow),
          ...(result.jsonataDataFlow ? { afterArguments: JSON.stringify(result.jsonataDataFlow.afterArguments) } : {}),
          result: result.dataFlow ? JSON.stringify(result.dataFlow.result) : result.jsonataDataFlow ? JSON.stringify(result.jsonataDataFlow.result) : typeof mock?.result === 'string' ? mock.result : undefined,
          variables: result.variables ? JSON.stringify(result.variables) : undefined,
          errorDetails: result.errorDetails,
        })
      : undefined,
  });
};
