import { runtime } from '../native/runtime.js';
import type { NativeExecution } from '../native/native-frame.js';
import { WorkflowError } from './workflow-error.js';

/** How an S3 object's content becomes items: a JSON array, one JSON value per line, or CSV rows (objects of strings, headers from the first row). */
export type S3ItemsFormat = 'JSON' | 'JSONL' | 'CSV';

/**
 * Where {@link s3Items} reads: one object. `bucket` and `key` may be computed
 * from the input (`` `exports/${day}.jsonl` ``); `inputType` is fixed when the
 * workflow is written.
 *
 * @example
 * const source: S3ItemsSource = { bucket: 'imports', key: 'records/2026-11-24.jsonl', inputType: 'JSONL' };
 */
export interface S3ItemsSource {
  bucket: string;
  key: string;
  /** Default `'JSON'` (the object is a JSON array). */
  inputType?: S3ItemsFormat;
}

const S3_ITEMS = Symbol.for('typestep.s3Items');
const FORMATS: readonly string[] = ['JSON', 'JSONL', 'CSV'];

/**
 * The items of an S3 object, to hand to {@link map}: `T` is the type of one item
 * (for CSV, an object of strings). Not an array: the workflow never holds the
 * whole object, each iteration receives its item.
 */
export interface S3Items<T> {
  readonly [S3_ITEMS]: Required<S3ItemsSource>;
  /** Only carries the item type. */
  readonly __item?: T;
}

/**
 * The items of one S3 object, for `map(s3Items<Row>({ bucket, key }), async (row) => …)`.
 * Compiled, that map is a Distributed Map whose `ItemReader` reads the object
 * (`arn:aws:states:::s3:getObject` with `ReaderConfig.InputType`), so the
 * object can hold more items than a state's payload allows; each iteration is
 * a child execution. Natively, `map` reads the object from the run's `s3`
 * option (`wf.run(input, { s3: { root: './s3' } })`: the runtime's local S3
 * stand-in). A missing object or a malformed one fails the map with
 * `States.ItemReaderFailed` in both.
 *
 * @example
 * interface Customer { id: string; email: string }
 * const results = await map(s3Items<Customer>({ bucket: 'imports', key: `records/${day}.jsonl`, inputType: 'JSONL' }), async (customer) => check(customer), { maxConcurrency: 10 });
 */
export function s3Items<T>(source: S3ItemsSource): S3Items<T> {
  if (typeof source !== 'object' || source === null) throw new TypeError('s3Items(): give the object as { bucket, key, inputType? }');
  const { bucket, key, inputType = 'JSON' } = source;
  if (!FORMATS.includes(inputType)) throw new TypeError(`s3Items(): inputType must be JSON, JSONL or CSV, not ${JSON.stringify(inputType)}`);
  return { [S3_ITEMS]: { bucket, key, inputType } } as S3Items<T>;
}

/** True for what {@link s3Items} returns. */
export function isS3Items(value: unknown): value is S3Items<unknown> {
  return typeof value === 'object' && value !== null && S3_ITEMS in value;
}

/** Reads the items as the compiled ItemReader does, from the run's local S3; failures are `States.ItemReaderFailed`. */
export async function readS3Items(items: S3Items<unknown>, execution: NativeExecution): Promise<unknown[]> {
  const { bucket, key, inputType } = items[S3_ITEMS];
  try {
    return await runtime().readObjectItemList(execution.s3, { Bucket: bucket, Key: key }, { InputType: inputType });
  } catch (error) {
    const failure = error as { error?: string; cause?: string };
    if (failure.error === 'States.ItemReaderFailed') throw new WorkflowError(failure.error, failure.cause);
    throw error;
  }
}
