import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LocalS3, StateMachine, type ExecutionResult, type LocalS3Options } from '../src/index.js';

const PASS_PROCESSOR = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
const GET = 'arn:aws:states:::s3:getObject';
const LIST = 'arn:aws:states:::s3:listObjectsV2';
const PUT = 'arn:aws:states:::s3:putObject';

/** Runs a one-Map machine (a Distributed Map of Pass unless `map` says otherwise) against `s3`. */
async function runMap(map: object, s3: LocalS3 | LocalS3Options | undefined, input: unknown = {}, extra: object = {}) {
  const definition = { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: PASS_PROCESSOR, End: true, ...map } }, ...extra };
  const machine = new StateMachine(definition, { s3 });
  const execution = machine.start(input, { startTime: '2025-01-01T00:00:00Z', seed: 7 });
  const result: ExecutionResult = await execution.result;
  return { result, history: execution.history, machine };
}

function reader(key: string, config: object = {}, bucket = 'data') {
  return { ItemReader: { Resource: GET, ReaderConfig: config, Parameters: { Bucket: bucket, Key: key } } };
}

function output(result: ExecutionResult): unknown {
  if (result.status !== 'SUCCEEDED') throw new Error(`expected SUCCEEDED, got ${JSON.stringify(result)}`);
  return result.output;
}

function failure(result: ExecutionResult): { error?: string; cause?: string } {
  if (result.status === 'SUCCEEDED') throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return { error: result.error, cause: result.cause };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'typestep-dmap-'));
}

// --- Input types --------------------------------------------------------------------------------

const Inputs = suite('ItemReader input types');

Inputs('JSON: the array in the object, or the one ItemsPointer selects', async () => {
  const s3 = { objects: { 'data/a.json': '[{"n":1},{"n":2}]', 'data/nested.json': '{"inventory":{"products":[1,2,3]}}' } };
  assert.equal(output((await runMap(reader('a.json', { InputType: 'JSON' }), s3)).result), [{ n: 1 }, { n: 2 }]);
  const nested = reader('nested.json', { InputType: 'JSON', ItemsPointer: '/inventory/products' });
  assert.equal(output((await runMap(nested, s3)).result), [1, 2, 3]);
});

Inputs('JSON that is not an array fails with States.ItemReaderFailed', async () => {
  const { result } = await runMap(reader('o.json', { InputType: 'JSON' }), { objects: { 'data/o.json': '{"a":1}' } });
  assert.equal(failure(result), { error: 'States.ItemReaderFailed', cause: 'The JSON in s3://data/o.json must be an array, but was an object.' });
});

Inputs('JSONL: one item per line, blank lines and a missing last newline are fine', async () => {
  const s3 = { objects: { 'data/l.jsonl': '{"n":1}\r\n\n"two"\n3' } };
  assert.equal(output((await runMap(reader('l.jsonl', { InputType: 'JSONL' }), s3)).result), [{ n: 1 }, 'two', 3]);
});

Inputs('JSONL: a line that is not JSON fails the reader and says which', async () => {
  const { result } = await runMap(reader('l.jsonl', { InputType: 'JSONL' }), { objects: { 'data/l.jsonl': '{"n":1}\n{oops\n' } });
  const { error, cause } = failure(result);
  assert.is(error, 'States.ItemReaderFailed');
  assert.match(cause!, /^Line 2 of s3:\/\/data\/l\.jsonl is not valid JSON/);
});

Inputs('a .gz object is decompressed', async () => {
  const s3 = new LocalS3({ objects: { 'data/l.jsonl.gz': gzipSync('{"n":1}\n{"n":2}\n') } });
  assert.equal(output((await runMap(reader('l.jsonl.gz', { InputType: 'JSONL' }), s3)).result), [{ n: 1 }, { n: 2 }]);
});

Inputs('MANIFEST: an S3 Inventory manifest and its CSV files', async () => {
  const manifest = {
    sourceBucket: 'source',
    destinationBucket: 'arn:aws:s3:::inventory',
    fileFormat: 'CSV',
    fileSchema: 'Bucket, Key, Size, LastModifiedDate',
    files: [{ key: 'inv/data/1.csv.gz' }],
  };
  const csv = '"source","csvDataset/","0","2022-11-16T00:27:19.000Z"\n"source","csvDataset/titles.csv","3399671","2022-11-16T00:29:32.000Z"\n';
  const s3 = new LocalS3({ objects: { 'inventory/inv/manifest.json': JSON.stringify(manifest), 'inventory/inv/data/1.csv.gz': gzipSync(csv) } });
  const { result } = await runMap(reader('inv/manifest.json', { InputType: 'MANIFEST' }, 'inventory'), s3);
  assert.equal(output(result), [
    { Bucket: 'source', Key: 'csvDataset/', Size: '0', LastModifiedDate: '2022-11-16T00:27:19.000Z' },
    { Bucket: 'source', Key: 'csvDataset/titles.csv', Size: '3399671', LastModifiedDate: '2022-11-16T00:29:32.000Z' },
  ]);
});

Inputs('an unsupported InputType fails clearly', async () => {
  const { result } = await runMap(reader('p.parquet', { InputType: 'PARQUET' }), { objects: { 'data/p.parquet': 'PAR1' } });
  assert.equal(failure(result), {
    error: 'States.ItemReaderFailed',
    cause: 'The InputType "PARQUET" is not supported locally; use CSV, JSON, JSONL or MANIFEST.',
  });
});

Inputs.run();

// --- CSV --------------------------------------------------------------------------------------

const Csv = suite('ItemReader CSV');

Csv('FIRST_ROW: the first row names the columns; every value is a string', async () => {
  const s3 = { objects: { 'data/r.csv': 'userId,movieId,rating\r\n1,307,3.5\r\n1,481,3.5\r\n' } };
  assert.equal(output((await runMap(reader('r.csv', { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }), s3)).result), [
    { userId: '1', movieId: '307', rating: '3.5' },
    { userId: '1', movieId: '481', rating: '3.5' },
  ]);
});

Csv("GIVEN headers, and AWS's parsing example (quotes, commas and a newline in a field)", async () => {
  const line = 'abc,123,"This string contains commas, a double quotation marks (""), and a newline (\n)",{""MyKey"":""MyValue""},"[1,2,3]"\n';
  const config = { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['MyLetters', 'MyNumbers', 'MyString', 'MyObject', 'MyArray'] };
  const { result } = await runMap(reader('in.csv', config), { objects: { 'data/in.csv': line } });
  assert.equal(output(result), [
    {
      MyLetters: 'abc',
      MyNumbers: '123',
      MyString: 'This string contains commas, a double quotation marks ("), and a newline (\n)',
      MyObject: '{"MyKey":"MyValue"}',
      MyArray: '[1,2,3]',
    },
  ]);
});

Csv('missing fields become empty strings, extra fields are dropped, backslashes escape', async () => {
  const text = 'a,b,c\n1\n1,2,3,4\nC:\\\\Program Files\\\\x.exe,\\,,\\q\n';
  const { result } = await runMap(reader('r.csv', { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }), { objects: { 'data/r.csv': text } });
  assert.equal(output(result), [
    { a: '1', b: '', c: '' },
    { a: '1', b: '2', c: '3' },
    { a: 'C:\\Program Files\\x.exe', b: ',', c: 'q' },
  ]);
});

Csv('CSVDelimiter: PIPE, SEMICOLON, SPACE and TAB', async () => {
  for (const [name, char] of [['PIPE', '|'], ['SEMICOLON', ';'], ['SPACE', ' '], ['TAB', '\t']] as const) {
    const text = `a${char}b\n1${char}"x${char}y"\n`;
    const config = { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', CSVDelimiter: name };
    const { result } = await runMap(reader('r.csv', config), { objects: { 'data/r.csv': text } });
    assert.equal(output(result), [{ a: '1', b: `x${char}y` }], name);
  }
});

Csv('duplicate headers, a header-only file and an open quote fail the reader', async () => {
  const cases: Array<[string, object, string]> = [
    ['a,a\n1,2\n', { CSVHeaderLocation: 'FIRST_ROW' }, 'CSV headers cannot contain duplicates.'],
    ['1,2\n', { CSVHeaderLocation: 'GIVEN', CSVHeaders: ['x', 'x'] }, 'CSV headers cannot contain duplicates.'],
    ['a,b\n', { CSVHeaderLocation: 'FIRST_ROW' }, 's3://data/r.csv contains only CSV headers and no rows.'],
    ['a,b\n1,"2\n', { CSVHeaderLocation: 'FIRST_ROW' }, 's3://data/r.csv is not valid CSV: the text ends inside a quoted field'],
  ];
  for (const [text, config, cause] of cases) {
    const { result } = await runMap(reader('r.csv', { InputType: 'CSV', ...config }), { objects: { 'data/r.csv': text } });
    assert.equal(failure(result), { error: 'States.ItemReaderFailed', cause });
  }
});

Csv.run();

// --- MaxItems, parameters ---------------------------------------------------------------------

const Limits = suite('ItemReader MaxItems and parameters');

const JSONL_10 = Array.from({ length: 10 }, (_, n) => JSON.stringify({ n })).join('\n');

Limits('MaxItems stops the reading', async () => {
  const { result } = await runMap(reader('l.jsonl', { InputType: 'JSONL', MaxItems: 3 }), { objects: { 'data/l.jsonl': JSONL_10 } });
  assert.equal(output(result), [{ n: 0 }, { n: 1 }, { n: 2 }]);
});

Limits('MaxItemsPath and Parameters paths read the effective input', async () => {
  const map = {
    InputPath: '$.job',
    ItemReader: { Resource: GET, ReaderConfig: { InputType: 'JSONL', MaxItemsPath: '$.limit' }, Parameters: { Bucket: 'data', 'Key.$': '$.key' } },
  };
  const { result } = await runMap(map, { objects: { 'data/l.jsonl': JSONL_10 } }, { job: { key: 'l.jsonl', limit: 2 } });
  assert.equal(output(result), [{ n: 0 }, { n: 1 }]);
});

Limits('JSONata: Arguments and MaxItems are expressions', async () => {
  const map = {
    ItemReader: {
      Resource: GET,
      ReaderConfig: { InputType: 'JSONL', MaxItems: '{% $states.input.limit %}' },
      Arguments: { Bucket: 'data', Key: "{% $states.input.name & '.jsonl' %}" },
    },
  };
  const { result } = await runMap(map, { objects: { 'data/l.jsonl': JSONL_10 } }, { name: 'l', limit: 1 }, { QueryLanguage: 'JSONata' });
  assert.equal(output(result), [{ n: 0 }]);
});

Limits('ItemSelector and $$.Map.Item see the items read', async () => {
  const map = { ...reader('l.jsonl', { InputType: 'JSONL', MaxItems: 2 }), ItemSelector: { 'i.$': '$$.Map.Item.Index', 'v.$': '$$.Map.Item.Value.n' } };
  const { result } = await runMap(map, { objects: { 'data/l.jsonl': JSONL_10 } });
  assert.equal(output(result), [{ i: 0, v: 0 }, { i: 1, v: 1 }]);
});

Limits('ItemBatcher batches the items read', async () => {
  const map = { ...reader('r.csv', { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }), ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { from: 'csv' } } };
  const { result } = await runMap(map, { objects: { 'data/r.csv': 'k\na\nb\nc\n' } });
  assert.equal(output(result), [
    { BatchInput: { from: 'csv' }, Items: [{ k: 'a' }, { k: 'b' }] },
    { BatchInput: { from: 'csv' }, Items: [{ k: 'c' }] },
  ]);
});

Limits.run();

// --- listObjectsV2 ----------------------------------------------------------------------------

const Listing = suite('ItemReader listObjectsV2');

Listing('lists a prefix of a folder bucket, in key order, shaped like S3', async () => {
  const root = tempDir();
  try {
    mkdirSync(join(root, 'bucket', 'logs', 'b'), { recursive: true });
    writeFileSync(join(root, 'bucket', 'logs', 'b', 'z.txt'), 'zz');
    writeFileSync(join(root, 'bucket', 'logs', 'a.txt'), 'a');
    writeFileSync(join(root, 'bucket', 'other.txt'), 'x');
    const map = { ItemReader: { Resource: LIST, Parameters: { Bucket: 'bucket', Prefix: 'logs/' } } };
    const items = output((await runMap(map, { root })).result) as Array<Record<string, unknown>>;
    assert.equal(items.map((item) => [item.Key, item.Size, item.StorageClass]), [
      ['logs/a.txt', 1, 'STANDARD'],
      ['logs/b/z.txt', 2, 'STANDARD'],
    ]);
    assert.is(items[0]!.Etag, `"${createHash('md5').update('a').digest('hex')}"`);
    assert.type(items[0]!.LastModified, 'number');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Listing('LOAD_AND_FLATTEN reads every listed object; MaxItems counts across them', async () => {
  const s3 = { objects: { 'data/p/1.jsonl': '1\n2\n', 'data/p/2.jsonl': '3\n4\n', 'data/q.jsonl': '9\n' } };
  const config = { InputType: 'JSONL', Transformation: 'LOAD_AND_FLATTEN' };
  const map = (extra: object) => ({ ItemReader: { Resource: LIST, ReaderConfig: { ...config, ...extra }, Parameters: { Bucket: 'data', Prefix: 'p/' } } });
  assert.equal(output((await runMap(map({}), s3)).result), [1, 2, 3, 4]);
  assert.equal(output((await runMap(map({ MaxItems: 3 }), s3)).result), [1, 2, 3]);
});

Listing('a bucket buckets{} maps to a folder; a missing bucket or key fails the reader', async () => {
  const root = tempDir();
  try {
    writeFileSync(join(root, 'items.json'), '[1]');
    assert.equal(output((await runMap(reader('items.json', { InputType: 'JSON' }, 'mine'), { buckets: { mine: root } })).result), [1]);
    const missingKey = await runMap(reader('nope.json', { InputType: 'JSON' }, 'mine'), { buckets: { mine: root } });
    assert.equal(failure(missingKey.result), { error: 'States.ItemReaderFailed', cause: 'The specified key does not exist: s3://mine/nope.json' });
    const missingBucket = await runMap(reader('items.json', { InputType: 'JSON' }, 'absent'), { root });
    assert.equal(failure(missingBucket.result), { error: 'States.ItemReaderFailed', cause: 'The specified bucket does not exist: absent' });
    const noS3 = await runMap(reader('items.json', { InputType: 'JSON' }), undefined);
    assert.is(failure(noS3.result).error, 'States.ItemReaderFailed');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Listing.run();

// --- ResultWriter -----------------------------------------------------------------------------

const Writer = suite('ResultWriter');

Writer("writes AWS's layout to a folder bucket and returns ResultWriterDetails", async () => {
  const root = tempDir();
  try {
    mkdirSync(join(root, 'out'));
    const map = {
      ...reader('l.jsonl', { InputType: 'JSONL', MaxItems: 2 }),
      ResultWriter: { Resource: PUT, Parameters: { Bucket: 'out', Prefix: 'runs' } },
    };
    const s3 = new LocalS3({ root, objects: { 'data/l.jsonl': JSONL_10 } });
    const { result, history } = await runMap(map, s3);
    const out = output(result) as { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } };
    const runId = out.MapRunArn.split(':').at(-1)!;
    assert.match(out.MapRunArn, /^arn:aws:states:us-east-1:123456789012:mapRun:typestep\/M:[0-9a-f-]{36}$/);
    assert.equal(out.ResultWriterDetails, { Bucket: 'out', Key: `runs/${runId}/manifest.json` });
    assert.equal(readdirSync(join(root, 'out', 'runs', runId)).sort(), ['SUCCEEDED_0.json', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(root, 'out', 'runs', runId, 'manifest.json'), 'utf8'));
    const succeeded = readFileSync(join(root, 'out', 'runs', runId, 'SUCCEEDED_0.json'), 'utf8');
    assert.equal(manifest, {
      DestinationBucket: 'out',
      MapRunArn: out.MapRunArn,
      ResultFiles: { FAILED: [], PENDING: [], SUCCEEDED: [{ Key: `runs/${runId}/SUCCEEDED_0.json`, Size: Buffer.byteLength(succeeded) }] },
    });
    const records = JSON.parse(succeeded) as Array<Record<string, unknown>>;
    assert.equal(Object.keys(records[0]!), [
      'ExecutionArn', 'Input', 'InputDetails', 'Name', 'Output', 'OutputDetails', 'RedriveCount', 'RedriveStatus',
      'RedriveStatusReason', 'StartDate', 'StateMachineArn', 'Status', 'StopDate',
    ]);
    assert.equal(records.map((r) => [r.Input, r.Output, r.Status]), [['{"n":0}', '{"n":0}', 'SUCCEEDED'], ['{"n":1}', '{"n":1}', 'SUCCEEDED']]);
    assert.is(records[0]!.StateMachineArn, 'arn:aws:states:us-east-1:123456789012:stateMachine:typestep/M');
    assert.is(records[0]!.ExecutionArn, `arn:aws:states:us-east-1:123456789012:execution:typestep/M:${records[0]!.Name}`);
    assert.is(records[0]!.StartDate, '2025-01-01T00:00:00.000Z');
    // The MapRunStarted event names the same run.
    const started = history.find((event) => event.type === 'MapRunStarted')!;
    assert.equal(started.mapRunStartedEventDetails, { mapRunArn: out.MapRunArn });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Writer('WriterConfig: COMPACT, FLATTEN and JSONL; a Label names the run; EXPRESS children', async () => {
  const s3 = new LocalS3({ objects: { 'data/a.json': '[[1,2],[3]]' } });
  const map = (config: object) => ({
    ...reader('a.json', { InputType: 'JSON' }),
    Label: 'Batch',
    ItemProcessor: { ...PASS_PROCESSOR, ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } },
    ResultWriter: { Resource: PUT, Parameters: { Bucket: 'out' }, WriterConfig: config },
  });
  const read = async (config: object) => {
    const { result, machine } = await runMap(map(config), s3);
    const { ResultWriterDetails, MapRunArn } = output(result) as { MapRunArn: string; ResultWriterDetails: { Key: string } };
    assert.match(MapRunArn, /:mapRun:typestep\/Batch:/);
    const manifest = JSON.parse(machine.s3!.getObjectText('out', ResultWriterDetails.Key)!);
    return machine.s3!.getObjectText('out', manifest.ResultFiles.SUCCEEDED[0].Key)!;
  };
  assert.is(await read({ Transformation: 'COMPACT', OutputType: 'JSON' }), '[[1,2],[3]]');
  assert.is(await read({ Transformation: 'FLATTEN', OutputType: 'JSON' }), '[1,2,3]');
  assert.is(await read({ Transformation: 'COMPACT', OutputType: 'JSONL' }), '[1,2]\n[3]\n');
  const none = JSON.parse(await read({}));
  assert.match(none[0].ExecutionArn, /^arn:aws:states:us-east-1:123456789012:express:typestep\/Batch:[0-9a-f-]{36}:[0-9a-f-]{36}$/);
});

Writer('WriterConfig alone formats the Map result without exporting it', async () => {
  const s3 = { objects: { 'data/a.json': '[[1,2],[3]]' } };
  const map = { ...reader('a.json', { InputType: 'JSON' }), ResultWriter: { WriterConfig: { Transformation: 'FLATTEN', OutputType: 'JSON' } } };
  assert.equal(output((await runMap(map, s3)).result), [1, 2, 3]);
});

Writer('real clock, JSONata Arguments: the same layout, records for every item', async () => {
  const s3 = new LocalS3({ objects: { 'data/l.jsonl': JSONL_10 } });
  const definition = {
    QueryLanguage: 'JSONata',
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        ItemProcessor: PASS_PROCESSOR,
        MaxConcurrency: 3,
        ItemReader: { Resource: GET, ReaderConfig: { InputType: 'JSONL' }, Arguments: { Bucket: 'data', Key: 'l.jsonl' } },
        ResultWriter: { Resource: PUT, Arguments: { Bucket: 'out', Prefix: '{% $states.input.prefix %}' }, WriterConfig: { Transformation: 'COMPACT' } },
        End: true,
      },
    },
  };
  const machine = new StateMachine(definition, { s3 });
  const result = await machine.run({ prefix: 'real' }, { clock: 'real' });
  const { ResultWriterDetails } = output(result) as { ResultWriterDetails: { Key: string } };
  assert.match(ResultWriterDetails.Key, /^real\//);
  const manifest = JSON.parse(s3.getObjectText('out', ResultWriterDetails.Key)!);
  const succeeded = JSON.parse(s3.getObjectText('out', manifest.ResultFiles.SUCCEEDED[0].Key)!) as Array<{ n: number }>;
  assert.equal(succeeded.map((item) => item.n).sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

Writer('a missing output bucket fails with States.ResultWriterFailed', async () => {
  const root = tempDir();
  try {
    const map = { ItemsPath: '$.xs', ResultWriter: { Resource: PUT, Parameters: { Bucket: 'nowhere', Prefix: 'p' } } };
    const { result } = await runMap(map, { root }, { xs: [1] });
    assert.equal(failure(result), { error: 'States.ResultWriterFailed', cause: 'The specified bucket does not exist: nowhere' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Writer.run();

// --- Tolerated failures, history --------------------------------------------------------------

const Failures = suite('Distributed Map failures and history');

const FAIL_ODD = {
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
  StartAt: 'C',
  States: {
    C: { Type: 'Choice', Choices: [{ Variable: '$.odd', BooleanEquals: true, Next: 'F' }], Default: 'P' },
    F: { Type: 'Fail', Error: 'Odd', Cause: 'odd item' },
    P: { Type: 'Pass', End: true },
  },
};
const FIVE_ITEMS = Array.from({ length: 5 }, (_, n) => JSON.stringify({ n, odd: n % 2 === 1 })).join('\n');

Failures('tolerated failures are written to FAILED_0.json and the Map succeeds', async () => {
  const s3 = new LocalS3({ objects: { 'data/l.jsonl': FIVE_ITEMS } });
  const map = {
    ...reader('l.jsonl', { InputType: 'JSONL' }),
    ItemProcessor: FAIL_ODD,
    ToleratedFailureCount: 2,
    ResultWriter: { Resource: PUT, Parameters: { Bucket: 'out', Prefix: 'r/' }, WriterConfig: { Transformation: 'COMPACT' } },
  };
  const { result } = await runMap(map, s3);
  const { ResultWriterDetails } = output(result) as { ResultWriterDetails: { Key: string } };
  assert.match(ResultWriterDetails.Key, /^r\/[0-9a-f-]{36}\/manifest\.json$/);
  const manifest = JSON.parse(s3.getObjectText('out', ResultWriterDetails.Key)!);
  const succeeded = JSON.parse(s3.getObjectText('out', manifest.ResultFiles.SUCCEEDED[0].Key)!);
  const failed = JSON.parse(s3.getObjectText('out', manifest.ResultFiles.FAILED[0].Key)!);
  assert.equal(succeeded, [{ n: 0, odd: false }, { n: 2, odd: false }, { n: 4, odd: false }]);
  // Failed children are always written whole (AWS: as with Transformation NONE).
  assert.equal(failed.map((r: Record<string, unknown>) => [r.Error, r.Cause, r.Status, r.RedriveStatus, r.Input]), [
    ['Odd', 'odd item', 'FAILED', 'REDRIVABLE_BY_MAP_RUN', '{"n":1,"odd":true}'],
    ['Odd', 'odd item', 'FAILED', 'REDRIVABLE_BY_MAP_RUN', '{"n":3,"odd":true}'],
  ]);
  assert.equal(manifest.ResultFiles.PENDING, []);
});

Failures('past the threshold: States.ExceedToleratedFailureThreshold, unstarted items PENDING', async () => {
  const s3 = new LocalS3({ objects: { 'data/l.jsonl': FIVE_ITEMS } });
  const map = {
    ...reader('l.jsonl', { InputType: 'JSONL' }),
    ItemProcessor: FAIL_ODD,
    ToleratedFailureCount: 0,
    ResultWriter: { Resource: PUT, Parameters: { Bucket: 'out', Prefix: 'r' } },
  };
  const { result, history } = await runMap(map, s3);
  assert.equal(failure(result), { error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' });
  assert.ok(history.some((event) => event.type === 'MapRunFailed'));
  const manifestKey = s3.listObjects('out', 'r/').find((object) => object.Key.endsWith('manifest.json'))!.Key;
  const manifest = JSON.parse(s3.getObjectText('out', manifestKey)!);
  const pending = JSON.parse(s3.getObjectText('out', manifest.ResultFiles.PENDING[0].Key)!);
  assert.equal(pending.map((r: Record<string, unknown>) => r.Input), ['{"n":2,"odd":false}', '{"n":3,"odd":true}', '{"n":4,"odd":false}']);
  assert.is(manifest.ResultFiles.SUCCEEDED.length, 1);
  assert.is(manifest.ResultFiles.FAILED.length, 1);
});

Failures("children's events stay out of the parent history: its size does not grow with the items", async () => {
  const lines = (count: number) => Array.from({ length: count }, (_, n) => String(n)).join('\n');
  const sizes: number[] = [];
  for (const count of [10, 2000]) {
    const s3 = new LocalS3({ objects: { 'data/l.jsonl': lines(count) } });
    const { history } = await runMap({ ...reader('l.jsonl', { InputType: 'JSONL' }), ResultWriter: { Resource: PUT, Parameters: { Bucket: 'out' } } }, s3);
    sizes.push(history.length);
  }
  assert.is(sizes[0], sizes[1]);
  assert.is(sizes[0], 8);
});

Failures.run();

const ChildContext = suite('Distributed Map child context');

ChildContext('each child is an execution of its own: its own $$.Execution and $$.StateMachine', async () => {
  const { StateMachine } = await import('../src/index.js');
  const machine = new StateMachine({
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        Label: 'Each',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'P',
          States: { P: { Type: 'Pass', Parameters: { 'execution.$': '$$.Execution', 'machine.$': '$$.StateMachine.Name' }, End: true } },
        },
        End: true,
      },
    },
  }, { name: 'parent' });
  const result = (await machine.run([10, 20], { name: 'run-1' })) as { status: string; output: Array<{ execution: Record<string, unknown>; machine: string }> };
  assert.is(result.status, 'SUCCEEDED');
  const [first, second] = result.output;
  assert.equal(first!.execution.Input, 10);
  assert.equal(second!.execution.Input, 20);
  assert.match(first!.execution.Id as string, /:execution:parent\/Each:/);
  assert.is.not(first!.execution.Id, second!.execution.Id);
  assert.is(first!.machine, 'parent/Each');
});

ChildContext.run();
