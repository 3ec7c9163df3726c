import type { QueryLanguage, StateDefinition } from '../../definition.js';
import { StatesError } from '../../errors.js';
import { ExecutionInterrupted } from '../../execution/execution-run.js';
import { thenMaybe } from '../../execution/maybe-async.js';
import type { StateVisit, Thread } from '../../execution/thread.js';
import type { LocalS3 } from '../../integrations/local-s3.js';
import { compileJsonataTemplate } from '../../jsonata/template.js';
import { compilePayloadTemplate } from '../../jsonpath/payload-template.js';
import { prepareInteger } from '../map.js';
import { jsonataScope, StatePathScope } from '../state-scope.js';
import { ItemReaderProblem, readObjectItems, type ContentConfig } from './object-items.js';

/** Reads a Distributed Map's items; settles to the item list or rejects with States.ItemReaderFailed. */
export type ReadItems = (thread: Thread, visit: StateVisit, input: unknown, effective: unknown) => Promise<unknown[]>;

interface ReaderConfig extends ContentConfig {
  Transformation?: string;
  ManifestType?: string;
}

const RESOURCE = /^arn:[\w-]+:states:::s3:(getObject|listObjectsV2)$/;

/**
 * ItemReader: the items come from S3 (the local stand-in, `StateMachineOptions.s3`)
 * instead of ItemsPath/Items.
 * - `s3:getObject` reads one object by `ReaderConfig.InputType` (see `readObjectItems`);
 * - `s3:listObjectsV2` lists a prefix, one item per object (`Etag`, `Key`,
 *   `LastModified`, `Size`, `StorageClass`), or with `Transformation:
 *   LOAD_AND_FLATTEN` the items of every listed object.
 * `Parameters` (JSONPath, `.$` paths over the effective input) or `Arguments`
 * (JSONata) give Bucket and Key/Prefix; `MaxItems(Path)` stops the reading early.
 *
 * @example
 * "ItemReader": {
 *   "Resource": "arn:aws:states:::s3:getObject",
 *   "ReaderConfig": { "InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "MaxItems": 100 },
 *   "Parameters": { "Bucket": "data", "Key.$": "$.key" }
 * }
 */
export function prepareItemReader(reader: StateDefinition, language: QueryLanguage): ReadItems {
  const resource = RESOURCE.exec(String(reader.Resource))?.[1];
  const config = (reader.ReaderConfig ?? {}) as ReaderConfig & StateDefinition;
  const maxItems = prepareInteger(config, 'MaxItems', language, 0);
  const parameters =
    language === 'JSONata'
      ? ((template) => (thread: Thread, visit: StateVisit, input: unknown) => template(jsonataScope(thread, visit, input)))(
          compileJsonataTemplate(reader.Arguments ?? {}, 'ItemReader/Arguments'),
        )
      : ((template) => (thread: Thread, visit: StateVisit, _input: unknown, effective: unknown) =>
          template(new StatePathScope(thread, visit, effective)))(compilePayloadTemplate(reader.Parameters ?? {}));

  return async (thread, visit, input, effective) => {
    const [args, limit] = await thenMaybe(parameters(thread, visit, input, effective), (value) =>
      thenMaybe(maxItems(thread, visit, input, effective), (count) => [value, count] as const),
    );
    try {
      if (!resource) throw new ItemReaderProblem(`The ItemReader resource ${JSON.stringify(reader.Resource)} is not supported; use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2.`);
      const s3 = thread.run.s3;
      if (!s3) throw new ItemReaderProblem('No S3 stand-in is configured: give the StateMachine an `s3` option ({ root }, { buckets } or { objects }).');
      return await readItems(s3, resource, args as Record<string, unknown>, config, limit || Infinity);
    } catch (error) {
      if (error instanceof StatesError || error instanceof ExecutionInterrupted) throw error;
      throw new StatesError('States.ItemReaderFailed', (error as Error).message);
    }
  };
}

/**
 * The items of one S3 object, read as an `s3:getObject` ItemReader with this
 * `ReaderConfig` reads them; any problem is `States.ItemReaderFailed` with the
 * cause the Map state would report. For typestep's native runs (`@typestep/dsl`'s
 * `s3Items`), so both runs read the same items.
 *
 * @example
 * const rows = await readObjectItemList(new LocalS3({ root: './s3' }), { Bucket: 'imports', Key: 'day.jsonl' }, { InputType: 'JSONL' });
 */
export async function readObjectItemList(s3: LocalS3 | undefined, args: { Bucket: unknown; Key: unknown }, config: ContentConfig): Promise<unknown[]> {
  try {
    if (!s3) throw new ItemReaderProblem('No S3 stand-in is configured: give the run an `s3` option ({ root }, { buckets } or { objects }).');
    return await readItems(s3, 'getObject', args, config, Infinity);
  } catch (error) {
    if (error instanceof StatesError) throw error;
    throw new StatesError('States.ItemReaderFailed', (error as Error).message);
  }
}

async function readItems(
  s3: LocalS3,
  resource: string,
  args: Record<string, unknown>,
  config: ReaderConfig,
  limit: number,
): Promise<unknown[]> {
  const bucket = stringArgument(args, 'Bucket');
  const items: unknown[] = [];
  const add = (item: unknown) => {
    items.push(item);
    return items.length < limit;
  };
  if (config.ManifestType !== undefined && config.ManifestType !== 'S3_INVENTORY') {
    throw new ItemReaderProblem(`The ManifestType ${JSON.stringify(config.ManifestType)} is not supported locally.`);
  }
  if (resource === 'getObject') {
    const content = config.ManifestType === 'S3_INVENTORY' ? { ...config, InputType: 'MANIFEST' } : config;
    await readObjectItems(s3, bucket, stringArgument(args, 'Key'), content, add);
    return items;
  }
  const prefix = args.Prefix === undefined ? '' : stringArgument(args, 'Prefix');
  const listing = s3.listObjects(bucket, prefix);
  if ((config.Transformation ?? 'NONE') === 'NONE') {
    for (const summary of listing) if (!add(summary)) break;
    return items;
  }
  if (config.Transformation !== 'LOAD_AND_FLATTEN') {
    throw new ItemReaderProblem(`ReaderConfig.Transformation must be NONE or LOAD_AND_FLATTEN, but was ${JSON.stringify(config.Transformation)}.`);
  }
  for (const summary of listing) {
    if (!(await readObjectItems(s3, bucket, summary.Key, config, add))) break;
  }
  return items;
}

function stringArgument(args: Record<string, unknown>, name: string): string {
  const value = args?.[name];
  if (typeof value !== 'string' || value === '') {
    throw new ItemReaderProblem(`The ItemReader's ${name} must be a non-empty string, but was ${JSON.stringify(value) ?? 'missing'}.`);
  }
  return value;
}
