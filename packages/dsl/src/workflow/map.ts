import { currentFrame, runInFrame } from '../native/native-frame.js';
import { copyJson } from '../native/service-results.js';
import { asFailure } from './error-failure.js';
import { isS3Items, readS3Items, type S3Items } from './s3-items.js';
import { WorkflowError } from './workflow-error.js';

/**
 * Options of {@link map}, as the Map state's fields.
 *
 * @example
 * const options: MapOptions = { maxConcurrency: 5 };
 */
export interface MapOptions {
  /** `MaxConcurrency`: at most this many iterations at once; 0 or absent: no limit. */
  maxConcurrency?: number;
  /** `ToleratedFailurePercentage` (0–100): the map still succeeds while no more than this share of items failed. */
  toleratedFailurePercentage?: number;
  /** `ToleratedFailureCount`: the map still succeeds while no more than this many items failed. */
  toleratedFailureCount?: number;
}

/**
 * Where an iteration failed in a map that tolerates failures: its ASL error
 * output in place of its result.
 *
 * @example
 * const results = await map(files, importFile, { toleratedFailureCount: 2 });
 * const failed = results.filter((r): r is MapItemFailure => typeof r === 'object' && r !== null && 'Error' in r);
 */
export interface MapItemFailure {
  Error: string | null;
  Cause?: string | null;
}

/**
 * Runs `fn` for every item (a Map state) and resolves with the results in
 * item order. The first failing iteration fails the map (and stops the
 * others at their next task call), unless failures are tolerated: then
 * failed iterations yield their `{ Error, Cause }` and the map fails with
 * `States.ExceedToleratedFailureThreshold` only past the threshold.
 * Inside `fn`, `context().map.item` is the item and its index.
 * `Promise.all(items.map(async (item) => …))` compiles to the same Map without options.
 * `items` may also be {@link s3Items}: the items of an S3 object, read by a
 * Distributed Map's ItemReader (natively, from the run's `s3` option). A
 * Distributed Map reports a failed item as AWS does: past the tolerated
 * failures (none by default) the map fails with
 * `States.ExceedToleratedFailureThreshold`, not with the item's error.
 *
 * @example
 * const receipts = await map(order.items, async (item) => reserve({ sku: item.sku, qty: item.qty }), { maxConcurrency: 5 });
 */
export function map<T, R>(
  items: readonly T[] | S3Items<T>,
  fn: (item: T, index: number) => Promise<R>,
  options: MapOptions & ({ toleratedFailureCount: number } | { toleratedFailurePercentage: number }),
): Promise<Array<R | MapItemFailure>>;
export function map<T, R>(items: readonly T[] | S3Items<T>, fn: (item: T, index: number) => Promise<R>, options?: MapOptions): Promise<R[]>;
export async function map<T, R>(source: readonly T[] | S3Items<T>, fn: (item: T, index: number) => Promise<R>, options: MapOptions = {}): Promise<Array<R | MapItemFailure>> {
  const frame = currentFrame('map()');
  const items = (isS3Items(source) ? await readS3Items(source, frame.execution) : source) as readonly T[];
  if (!Array.isArray(items)) throw new WorkflowError('States.Runtime', `map(): the items must be an array, not ${items === null ? 'null' : typeof items}`);
  const { maxConcurrency = 0, toleratedFailureCount, toleratedFailurePercentage } = options;
  checkCount(maxConcurrency, 'maxConcurrency');
  if (toleratedFailureCount !== undefined) checkCount(toleratedFailureCount, 'toleratedFailureCount');
  if (toleratedFailurePercentage !== undefined && !(typeof toleratedFailurePercentage === 'number' && toleratedFailurePercentage >= 0 && toleratedFailurePercentage <= 100)) {
    throw new TypeError(`map(): toleratedFailurePercentage must be a number from 0 to 100, not ${String(toleratedFailurePercentage)}`);
  }
  // A Distributed Map (tolerated failures, or items read from S3) fails with States.ExceedToleratedFailureThreshold past its threshold, 0 by default.
  const tolerant = isS3Items(source) || toleratedFailureCount !== undefined || toleratedFailurePercentage !== undefined;
  const tolerate = (failures: number) =>
    failures <= (toleratedFailureCount ?? 0) || ((toleratedFailurePercentage ?? 0) > 0 && (failures / items.length) * 100 <= toleratedFailurePercentage!);

  const controller = new AbortController();
  const results: Array<R | MapItemFailure> = new Array(items.length);
  let next = 0;
  let failures = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !controller.signal.aborted) {
      const index = next++;
      const value = copyJson(items[index]) as T;
      try {
        const output = await runInFrame({ execution: frame.execution, mapItem: { index, value }, signal: controller.signal }, () => fn(value, index));
        results[index] = copyJson(output) as R;
      } catch (caught) {
        const thrown = asFailure(caught);
        if (!(thrown instanceof WorkflowError) || !tolerant) throw thrown;
        failures++;
        if (!tolerate(failures)) throw new WorkflowError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
        results[index] = thrown.cause === undefined ? { Error: thrown.name } : { Error: thrown.name, Cause: thrown.cause };
      }
    }
  };
  const workers = Math.min(items.length, maxConcurrency > 0 ? maxConcurrency : items.length);
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } catch (thrown) {
    controller.abort();
    throw thrown;
  }
  return results;
}

function checkCount(value: number, field: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`map(): ${field} must be an integer of at least 0, not ${String(value)}`);
  }
}
