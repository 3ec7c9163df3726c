import type { QueryLanguage, StateDefinition } from '../../definition.js';
import { StatesError } from '../../errors.js';
import { thenMaybe } from '../../execution/maybe-async.js';
import type { StateVisit, Thread } from '../../execution/thread.js';
import { S3Error, type LocalS3, type S3ObjectWriter } from '../../integrations/local-s3.js';
import { compileJsonataTemplate } from '../../jsonata/template.js';
import { compilePayloadTemplate } from '../../jsonpath/payload-template.js';
import type { ChildRun } from '../branches.js';
import { jsonataScope, StatePathScope } from '../state-scope.js';
import type { MapRunIdentity } from './map-run-identity.js';

type Transformation = 'NONE' | 'COMPACT' | 'FLATTEN';
type Status = 'SUCCEEDED' | 'FAILED' | 'PENDING';

/** A prepared ResultWriter: `start` opens the results of one Map Run. */
export interface PreparedResultWriter {
  start(thread: Thread, visit: StateVisit, input: unknown, effective: unknown, run: MapRunIdentity): MapRunResults | Promise<MapRunResults>;
}

/**
 * ResultWriter. With `Resource` (`arn:aws:states:::s3:putObject`) and a
 * Bucket/Prefix, the children's results are streamed to
 * `<Prefix>/<map run id>/SUCCEEDED_0.json`, `FAILED_0.json` and
 * `PENDING_0.json` (each only when it has entries) plus `manifest.json`, and
 * the Map's result is `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }`.
 * With only `WriterConfig`, the results stay the Map's result, formatted.
 * `WriterConfig.Transformation`: NONE (each child's execution record;
 * the default when exporting), COMPACT (its output; the default otherwise)
 * or FLATTEN (outputs, arrays flattened one level). Failed children are
 * always written as NONE records. `OutputType`: JSON (an array, the
 * default) or JSONL.
 *
 * @example
 * "ResultWriter": {
 *   "Resource": "arn:aws:states:::s3:putObject",
 *   "Parameters": { "Bucket": "results", "Prefix": "runs" },
 *   "WriterConfig": { "Transformation": "COMPACT", "OutputType": "JSONL" }
 * }
 */
export function prepareResultWriter(writer: StateDefinition, language: QueryLanguage): PreparedResultWriter {
  const config = (writer.WriterConfig ?? {}) as { Transformation?: string; OutputType?: string };
  const exports = writer.Resource !== undefined;
  const transformation = (config.Transformation ?? (exports ? 'NONE' : 'COMPACT')) as Transformation;
  const outputType = config.OutputType ?? 'JSON';
  const location =
    language === 'JSONata'
      ? ((template) => (thread: Thread, visit: StateVisit, input: unknown) => template(jsonataScope(thread, visit, input)))(
          compileJsonataTemplate(writer.Arguments ?? {}, 'ResultWriter/Arguments'),
        )
      : ((template) => (thread: Thread, visit: StateVisit, _input: unknown, effective: unknown) =>
          template(new StatePathScope(thread, visit, effective)))(compilePayloadTemplate(writer.Parameters ?? {}));

  return {
    start(thread, visit, input, effective, run) {
      if (!['NONE', 'COMPACT', 'FLATTEN'].includes(transformation)) {
        throw writerFailed(`WriterConfig.Transformation must be NONE, COMPACT or FLATTEN, but was ${JSON.stringify(transformation)}.`);
      }
      if (outputType !== 'JSON' && outputType !== 'JSONL') {
        throw writerFailed(`WriterConfig.OutputType must be JSON or JSONL, but was ${JSON.stringify(outputType)}.`);
      }
      if (!exports) return new MapRunResults(thread, run, transformation, undefined);
      if (!/^arn:[\w-]+:states:::s3:putObject$/.test(String(writer.Resource))) {
        throw writerFailed(`The ResultWriter resource ${JSON.stringify(writer.Resource)} is not supported; use arn:aws:states:::s3:putObject.`);
      }
      const s3 = thread.run.s3;
      if (!s3) throw writerFailed('No S3 stand-in is configured: give the StateMachine an `s3` option ({ root }, { buckets } or { objects }).');
      return thenMaybe(location(thread, visit, input, effective), (args) => {
        const { Bucket, Prefix } = (args ?? {}) as { Bucket?: unknown; Prefix?: unknown };
        if (typeof Bucket !== 'string' || Bucket === '') throw writerFailed(`The ResultWriter's Bucket must be a non-empty string, but was ${JSON.stringify(Bucket) ?? 'missing'}.`);
        if (Prefix !== undefined && typeof Prefix !== 'string') throw writerFailed(`The ResultWriter's Prefix must be a string, but was ${JSON.stringify(Prefix)}.`);
        if (!s3.hasBucket(Bucket)) throw writerFailed(`The specified bucket does not exist: ${Bucket}`);
        const folder = `${Prefix ? (Prefix.endsWith('/') ? Prefix : `${Prefix}/`) : ''}${run.id}/`;
        return new MapRunResults(thread, run, transformation, { s3, bucket: Bucket, folder, extension: outputType === 'JSONL' ? 'jsonl' : 'json' });
      });
    },
  };
}

interface ExportTarget {
  s3: LocalS3;
  bucket: string;
  /** `<Prefix>/<map run id>/`. */
  folder: string;
  extension: 'json' | 'jsonl';
}

/**
 * The results of one Map Run, as they come. Exported results go to their
 * files the moment a child ends, so a run over many items never holds them;
 * a preview (no export) keeps them by item index for the Map's result.
 */
export class MapRunResults {
  private readonly files = new Map<Status, { writer: S3ObjectWriter; key: string; count: number }>();
  private readonly preview: unknown[] | undefined;
  private startTimes: Float64Array = new Float64Array(0);
  private started = 0;

  constructor(
    private readonly thread: Thread,
    private readonly run: MapRunIdentity,
    private readonly transformation: Transformation,
    private readonly target: ExportTarget | undefined,
  ) {
    this.preview = target ? undefined : [];
  }

  /** Hooks the children's start and end into this run's results (keeping hooks they already have). */
  attach(children: ChildRun[]): void {
    this.startTimes = new Float64Array(children.length);
    const clock = this.thread.run.clock;
    children.forEach((child, index) => {
      const onStart = child.onStart;
      child.onStart = (thread: Thread) => {
        onStart?.(thread);
        this.started++;
        this.startTimes[index] = clock.now(thread.now);
      };
      child.onSuccess = (thread: Thread, output: unknown) => {
        if (this.transformation === 'NONE') this.add('SUCCEEDED', index, this.record(index, child.input, clock.now(thread.now), { output }));
        else if (this.transformation === 'FLATTEN' && this.target && Array.isArray(output)) for (const item of output) this.add('SUCCEEDED', index, item);
        else this.add('SUCCEEDED', index, output);
      };
      child.onFailure = (thread: Thread, error: StatesError) => {
        this.add('FAILED', index, this.record(index, child.input, clock.now(thread.now), { error }));
      };
    });
  }

  /**
   * Ends the run: records the children that never started as PENDING,
   * writes the manifest and returns the Map's result (ResultWriterDetails,
   * or the formatted results of a preview).
   */
  finish(children: ChildRun[]): unknown {
    // Children start in index order, so the ones that never ran are the tail.
    for (let index = this.started; index < children.length; index++) {
      this.add('PENDING', index, { Input: JSON.stringify(children[index]!.input), InputDetails: { Included: true }, Status: 'PENDING' });
    }
    if (!this.target) {
      // FLATTEN: array outputs are spliced in; records of failed children are objects and stay whole.
      return this.transformation === 'FLATTEN' ? this.preview!.flatMap((entry) => entry) : this.preview;
    }
    const { s3, bucket, folder } = this.target;
    const resultFiles: Record<Status, Array<{ Key: string; Size: number }>> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
    for (const [status, file] of this.files) {
      if (this.target.extension === 'json') file.writer.write(']');
      resultFiles[status].push({ Key: file.key, Size: guard(() => file.writer.close()) });
    }
    const key = `${folder}manifest.json`;
    const manifest = { DestinationBucket: bucket, MapRunArn: this.run.arn, ResultFiles: resultFiles };
    guard(() => s3.putObject(bucket, key, JSON.stringify(manifest)));
    return { MapRunArn: this.run.arn, ResultWriterDetails: { Bucket: bucket, Key: key } };
  }

  private add(status: Status, index: number, entry: unknown): void {
    if (!this.target) {
      // By index: a preview keeps item order even when children end out of order (real clock).
      this.preview![index] = entry;
      return;
    }
    let file = this.files.get(status);
    if (!file) {
      const key = `${this.target.folder}${status}_0.${this.target.extension}`;
      file = { writer: guard(() => this.target!.s3.createObject(this.target!.bucket, key)), key, count: 0 };
      this.files.set(status, file);
      if (this.target.extension === 'json') file.writer.write('[');
    }
    const text = JSON.stringify(entry) ?? 'null';
    const writer = file.writer;
    guard(() => writer.write(this.target!.extension === 'json' ? (file.count === 0 ? text : `,${text}`) : `${text}\n`));
    file.count++;
  }

  /** A child's execution record, as DescribeExecution would show it (AWS's `NONE` transformation). */
  private record(index: number, input: unknown, stopTime: number, end: { output: unknown } | { error: StatesError }): Record<string, unknown> {
    const name = this.run.childName(index);
    const record: Record<string, unknown> = {};
    if ('error' in end) {
      if (end.error.cause !== undefined) record.Cause = end.error.cause;
      if (end.error.error) record.Error = end.error.error;
    }
    record.ExecutionArn = this.run.childExecutionArn(name);
    record.Input = JSON.stringify(input) ?? 'null';
    record.InputDetails = { Included: true };
    record.Name = name;
    if ('output' in end) {
      record.Output = JSON.stringify(end.output) ?? 'null';
      record.OutputDetails = { Included: true };
    }
    record.RedriveCount = 0;
    if ('output' in end) {
      record.RedriveStatus = 'NOT_REDRIVABLE';
      record.RedriveStatusReason = 'Execution is SUCCEEDED and cannot be redriven';
    } else {
      record.RedriveStatus = 'REDRIVABLE_BY_MAP_RUN';
    }
    record.StartDate = isoTime(this.startTimes[index]!);
    record.StateMachineArn = this.run.childStateMachineArn;
    record.Status = 'output' in end ? 'SUCCEEDED' : 'FAILED';
    record.StopDate = isoTime(stopTime);
    return record;
  }
}

let lastTime = NaN;
let lastTimeText = '';

/** ISO text of an epoch-ms time; on the virtual clock most children share one, so the last is kept. */
function isoTime(ms: number): string {
  if (ms !== lastTime) {
    lastTime = ms;
    lastTimeText = new Date(ms).toISOString();
  }
  return lastTimeText;
}

function writerFailed(cause: string): StatesError {
  return new StatesError('States.ResultWriterFailed', cause);
}

/** Runs an S3 write; its failure becomes States.ResultWriterFailed. */
function guard<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof StatesError) throw error;
    throw writerFailed(error instanceof S3Error ? error.message : `Could not write the results: ${(error as Error).message}`);
  }
}
