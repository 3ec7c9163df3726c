import type { MockOptions } from '@typestep/runtime';

/** The in-memory S3 object that stands for a Distributed Map's ItemReader source under TestState. */
const READER_BUCKET = 'typestep-test-state';
const READER_KEY = 'item-reader-data';

/** The cause AWS's Map states give `States.ExceedToleratedFailureThreshold` (as the runtime's Map does). */
const THRESHOLD_CAUSE = 'The specified tolerated failure threshold was exceeded';

/**
 * A Distributed Map whose ItemReader reads `data` (TestState's
 * `stateConfiguration.mapItemReaderData`, the object's text as found in its
 * source) instead of S3: the reader keeps its ReaderConfig (InputType,
 * CSV headers, ItemsPointer, MaxItems) and reads one in-memory object, so
 * ItemSelector, ItemBatcher and the iterations run on those items.
 * Returns `problem` when the state cannot take the data.
 */
export function withItemReaderData(
  state: Record<string, unknown>,
  data: string,
  language: 'JSONPath' | 'JSONata',
): { state: Record<string, unknown>; objects: Record<string, string> } | { problem: string } {
  if (state.Type !== 'Map') return { problem: `mapItemReaderData is for a Map state, not a ${String(state.Type)} state` };
  const reader = state.ItemReader as Record<string, unknown> | undefined;
  if (!reader || typeof reader !== 'object') return { problem: 'mapItemReaderData needs a Map state with an ItemReader' };
  const config = (reader.ReaderConfig ?? {}) as { InputType?: unknown };
  // Without InputType the reader lists a bucket (s3:listObjectsV2); the data would be a listing, which is not emulated.
  if (config.InputType === undefined) return { problem: 'mapItemReaderData needs the ItemReader to read an object (ReaderConfig.InputType CSV, JSON, JSONL or MANIFEST)' };
  const location = { Bucket: READER_BUCKET, Key: READER_KEY };
  const { Parameters: _parameters, Arguments: _arguments, ...kept } = reader;
  const replaced = { ...kept, Resource: 'arn:aws:states:::s3:getObject', [language === 'JSONata' ? 'Arguments' : 'Parameters']: location };
  return { state: { ...state, ItemReader: replaced }, objects: { [`${READER_BUCKET}/${READER_KEY}`]: data } };
}

/**
 * Whether `failures` failed iterations out of `total` exceed a Map's
 * ToleratedFailureCount / ToleratedFailurePercentage (both default 0, so any
 * failure exceeds them): tolerated when within either one, as on AWS.
 * Returns `problem` for a threshold given by a path or an expression
 * (…Path fields, JSONata strings), which is not evaluated here.
 */
export function exceedsToleratedFailures(state: Record<string, unknown>, failures: number, total: number): boolean | { problem: string } {
  for (const field of ['ToleratedFailureCountPath', 'ToleratedFailurePercentagePath']) {
    if (state[field] !== undefined) return { problem: `mapIterationFailureCount needs a literal threshold; ${field} is not evaluated by the emulation` };
  }
  const count = state.ToleratedFailureCount ?? 0;
  const percentage = state.ToleratedFailurePercentage ?? 0;
  if (typeof count !== 'number' || typeof percentage !== 'number') {
    return { problem: 'mapIterationFailureCount needs ToleratedFailureCount and ToleratedFailurePercentage as numbers, not expressions' };
  }
  if (failures > total) return { problem: `mapIterationFailureCount ${failures} is more than the Map's ${total} iterations` };
  const withinPercentage = percentage > 0 && total > 0 && (failures / total) * 100 <= percentage;
  return !(failures <= count || withinPercentage);
}

/** A one-response mock configuration that fails the state `name` with States.ExceedToleratedFailureThreshold. */
export function thresholdExceededMock(name: string): MockOptions {
  return {
    config: {
      StateMachines: { TestState: { TestCases: { Exceeded: { [name]: 'Exceeded' } } } },
      MockedResponses: { Exceeded: { '0': { Throw: { Error: 'States.ExceedToleratedFailureThreshold', Cause: THRESHOLD_CAUSE } } } },
    },
    testCase: 'Exceeded',
    stateMachineName: 'TestState',
  };
}
