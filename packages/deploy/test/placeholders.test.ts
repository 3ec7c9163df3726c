import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { placeholders } from '../src/index.js';

const task = (Resource: string, Arguments: object) => ({ Type: 'Task', Resource, Arguments, Next: 'Done' });

/** One JSONata machine using a placeholder in each place typestep infers a kind for. */
const definition = {
  QueryLanguage: 'JSONata',
  StartAt: 'Charge',
  States: {
    Charge: task('arn:aws:states:::lambda:invoke', { FunctionName: '${ChargeArn}', Payload: '{% $states.input %}' }),
    Save: task('arn:aws:states:::dynamodb:putItem', { TableName: '${OrdersTable}', Item: { env: { S: 'orders-${Stage}' } } }),
    Ask: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { QueueUrl: '${ApprovalQueueUrl}', MessageBody: '{% $states.context.Task.Token %}' }),
    Tell: task('arn:aws:states:::sns:publish', { TopicArn: '${OrdersTopicArn}', Message: 'x' }),
    Emit: task('arn:aws:states:::events:putEvents', { Entries: [{ EventBusName: '${Bus}', Detail: {} }] }),
    Child: task('arn:aws:states:::states:startExecution.sync:2', { StateMachineArn: '${ChildArn}' }),
    Sdk: task('arn:aws:states:::aws-sdk:dynamodb:query', { TableName: '${OrdersTable}' }),
    Review: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:review', Next: 'Fan out' },
    'Fan out': {
      Type: 'Map',
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Arguments: { Bucket: '${InputBucket}', Key: 'k' } },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'Resize',
        States: { Resize: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: '${ChargeArn}' }, End: true } },
      },
      Next: 'Done',
    },
    Done: { Type: 'Pass', Output: { note: '${Stage}' }, End: true },
  },
};

const Placeholders = suite('placeholders');

Placeholders('every placeholder, in order of first use, with its kind from the field it fills', () => {
  assert.equal(
    placeholders(definition).map((p) => [p.name, p.kind]),
    [
      ['ChargeArn', 'lambda-function-arn'],
      ['OrdersTable', 'table-name'],
      ['Stage', 'string'],
      ['ApprovalQueueUrl', 'queue-url'],
      ['OrdersTopicArn', 'topic-arn'],
      ['Bus', 'event-bus-name'],
      ['ChildArn', 'state-machine-arn'],
      ['InputBucket', 'bucket-name'],
    ],
  );
});

Placeholders('each use says where: state path and field path, nested states and readers included', () => {
  const byName = Object.fromEntries(placeholders(definition).map((p) => [p.name, p]));
  assert.equal(byName.ChargeArn!.uses, [
    { state: 'Charge', field: 'Arguments.FunctionName', kind: 'lambda-function-arn' },
    { state: 'Fan out/Resize', field: 'Arguments.FunctionName', kind: 'lambda-function-arn' },
  ]);
  assert.equal(byName.OrdersTable!.uses.map((u) => u.state), ['Save', 'Sdk']);
  assert.equal(byName.Stage!.uses, [
    { state: 'Save', field: 'Arguments.Item.env.S', kind: 'string' },
    { state: 'Done', field: 'Output.note', kind: 'string' },
  ]);
  assert.equal(byName.InputBucket!.uses, [{ state: 'Fan out', field: 'ItemReader.Arguments.Bucket', kind: 'bucket-name' }]);
  assert.equal(byName.Bus!.uses[0]!.field, 'Arguments.Entries[0].EventBusName');
  assert.match(byName.ChargeArn!.description, /^ARN \(or name\) of a Lambda function\. Used by Charge: Arguments\.FunctionName; Fan out\/Resize/);
});

Placeholders('a placeholder used as two different things is a plain string, and says so', () => {
  const [entry] = placeholders({
    StartAt: 'A',
    States: {
      A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: '${Thing}' }, Next: 'B' },
      B: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: '${Thing}' }, End: true },
    },
  });
  assert.is(entry!.kind, 'string');
  assert.match(entry!.description, /its uses disagree: lambda-function-arn, topic-arn/);
});

Placeholders('an activity ARN placeholder in Resource; none at all is an empty list', () => {
  const [entry] = placeholders({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:${Account}:activity:review', End: true } } });
  assert.equal([entry!.name, entry!.kind], ['Account', 'string']);
  assert.equal(placeholders({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }), []);
});

Placeholders('inside a JSONata expression, a placeholder that is a constructor literal gets the field it fills; one in other code is a string of the whole field', () => {
  const manifest = placeholders({
    QueryLanguage: 'JSONata',
    StartAt: 'Save',
    States: {
      Save: {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:putItem',
        Arguments: '{% ($f := function($s){ $s & "${Suffix}" }; {"TableName": "${Scores}", "Item": {"id": {"S": $f($states.input.id)}}}) %}',
        End: true,
      },
    },
  });
  assert.equal(manifest.map((p) => [p.name, p.kind, p.uses[0]!.field]), [
    ['Scores', 'table-name', 'Arguments.TableName'],
    ['Suffix', 'string', 'Arguments'],
  ]);
});

Placeholders('every ${Name} in every compiled fixture and example is in its manifest', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const fixtures = join(root, 'packages/compiler/test/fixtures');
  const files = readdirSync(fixtures).map((name) => join(fixtures, name, 'expected.asl.json')).filter((f) => existsSync(f));
  const examples = join(root, 'examples');
  for (const dir of readdirSync(examples)) {
    if (!existsSync(join(examples, dir))) continue;
    for (const name of readdirSync(join(examples, dir))) if (name.endsWith('.asl.json')) files.push(join(examples, dir, name));
  }
  let count = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const names = new Set([...text.matchAll(/\$\{([^}\s]+)\}/g)].map((m) => m[1]));
    const manifest = placeholders(JSON.parse(text));
    assert.equal(new Set(manifest.map((p) => p.name)), names, file);
    count += manifest.length;
    for (const p of manifest) if (p.uses.some((u) => u.field.endsWith('FunctionName'))) assert.is(p.kind, 'lambda-function-arn', `${file}: ${p.name}`);
  }
  assert.ok(count > 50);
});

Placeholders.run();
