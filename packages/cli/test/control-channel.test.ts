import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetActivityTaskCommand, SendTaskFailureCommand, SendTaskHeartbeatCommand, SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { StateMachine, TaskService } from '@typestep/runtime';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openControlChannel } from '../src/control-channel.js';
import { bin, scratchFolder, typestep } from './support/cli-process.js';
import { runInBackground, waitForLines } from './support/background-run.js';

const { dir, file } = scratchFolder('typestep-control-');

const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:review';
const callbackMachine = {
  StartAt: 'Ask for approval',
  States: {
    'Ask for approval': {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/approvals', MessageBody: { 'token.$': '$$.Task.Token', 'order.$': '$.order' } },
      End: true,
    },
  },
};
const activityMachine = {
  StartAt: 'Review',
  States: { Review: { Type: 'Task', Resource: ACTIVITY, End: true } },
};

/** An SDK client as a user would point it at the control channel. */
const sdkClient = (endpoint: string) =>
  new SFNClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });

const sdk = suite('control channel with the AWS SDK for JavaScript v3');

sdk('SendTaskHeartbeat and SendTaskSuccess answer a callback; the output is the task result', async () => {
  const service = new TaskService();
  const channel = await openControlChannel(service, 0);
  const tokens: string[] = [];
  service.onTaskWaiting((task) => tokens.push(task.taskToken!));
  try {
    const execution = new StateMachine(callbackMachine, { taskService: service }).start({ order: 7 }, { clock: 'real' });
    while (tokens.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const client = sdkClient(channel.endpoint);
    await client.send(new SendTaskHeartbeatCommand({ taskToken: tokens[0] }));
    await client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: JSON.stringify({ approved: true }) }));
    assert.equal(await execution.result, { status: 'SUCCEEDED', output: { approved: true } });
  } finally {
    await channel.close();
  }
});

sdk('AWS error codes reach the SDK as its exception names: InvalidToken, TaskTimedOut, InvalidOutput', async () => {
  const service = new TaskService();
  const channel = await openControlChannel(service, 0);
  const tokens: string[] = [];
  service.onTaskWaiting((task) => tokens.push(task.taskToken!));
  const client = sdkClient(channel.endpoint);
  const nameOf = (promise: Promise<unknown>) => promise.then(() => 'no error', (error: Error) => error.name);
  try {
    assert.is(await nameOf(client.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' }))), 'InvalidToken');
    const execution = new StateMachine(callbackMachine, { taskService: service }).start({ order: 1 }, { clock: 'real' });
    while (tokens.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.is(await nameOf(client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{not json' }))), 'InvalidOutput');
    await client.send(new SendTaskFailureCommand({ taskToken: tokens[0], error: 'Rejected', cause: 'no stock' }));
    assert.equal(await execution.result, { status: 'FAILED', error: 'Rejected', cause: 'no stock' });
    assert.is(await nameOf(client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{}' }))), 'TaskTimedOut');
  } finally {
    await channel.close();
  }
});

sdk('GetActivityTask hands a worker the activity input as JSON text', async () => {
  const service = new TaskService();
  const channel = await openControlChannel(service, 0);
  try {
    const execution = new StateMachine(activityMachine, { taskService: service }).start({ doc: 'a.pdf' }, { clock: 'real' });
    const client = sdkClient(channel.endpoint);
    const task = await client.send(new GetActivityTaskCommand({ activityArn: ACTIVITY, workerName: 'worker-1' }));
    assert.equal(JSON.parse(task.input!), { doc: 'a.pdf' });
    await client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken!, output: '{"reviewed":true}' }));
    assert.equal(await execution.result, { status: 'SUCCEEDED', output: { reviewed: true } });
    const started = execution.history.find((event) => event.type === 'ActivityStarted') as { activityStartedEventDetails: { workerName: string } };
    assert.is(started.activityStartedEventDetails.workerName, 'worker-1');
  } finally {
    await channel.close();
  }
});

sdk('closing the channel ends a waiting long poll with an empty answer', async () => {
  const channel = await openControlChannel(new TaskService(), 0);
  const poll = sdkClient(channel.endpoint).send(new GetActivityTaskCommand({ activityArn: ACTIVITY }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await channel.close();
  const answer = await poll;
  assert.is(answer.taskToken, undefined);
});

sdk('a request for another operation is refused with a clear message', async () => {
  const channel = await openControlChannel(new TaskService(), 0);
  try {
    const response = await fetch(channel.endpoint, { method: 'POST', headers: { 'x-amz-target': 'AWSStepFunctions.StartExecution' }, body: '{}' });
    assert.is(response.status, 400);
    const body = (await response.json()) as { __type: string; message: string };
    assert.ok(body.__type.endsWith('#UnknownOperationException'));
    assert.match(body.message, /SendTaskSuccess/);
  } finally {
    await channel.close();
  }
});

sdk.run();

const cli = suite('typestep run --listen, from a second process');

cli('a token file line per waiting task; send-task-failure from another process fails the run', async () => {
  const tokens = join(dir, 'tokens-1.jsonl');
  const run = runInBackground(['run', file('callback.json', callbackMachine), '--input', '{"order":3}', '--task-tokens', tokens, '--json']);
  const [line] = await waitForLines(tokens, 1);
  assert.is(line!.stateName, 'Ask for approval');
  assert.equal(line!.input.MessageBody, { token: line!.taskToken, order: 3 });
  assert.is(typestep('send-task-heartbeat', '--endpoint', line!.endpoint, '--task-token', line!.taskToken).code, 0);
  assert.is(typestep('send-task-failure', '--endpoint', line!.endpoint, '--task-token', line!.taskToken, '--error', 'Rejected', '--cause', 'too big').code, 0);
  const result = await run.done;
  assert.is(result.code, 1);
  assert.equal(JSON.parse(result.stdout), { status: 'FAILED', error: 'Rejected', cause: 'too big' });
  assert.match(result.stderr, /control channel on http:\/\/127\.0\.0\.1:\d+/);
});

cli('get-activity-task and send-task-success through the CLI; a spent token exits 1 with the AWS error', async () => {
  const tokens = join(dir, 'tokens-2.jsonl');
  const run = runInBackground(['run', file('activity.json', activityMachine), '--input', '{"doc":"b.pdf"}', '--task-tokens', tokens, '--json']);
  const [line] = await waitForLines(tokens, 1);
  assert.is(line!.kind, 'activity');
  const polled = typestep('get-activity-task', '--endpoint', line!.endpoint, '--activity-arn', ACTIVITY, '--worker-name', 'cli-worker');
  assert.is(polled.code, 0);
  const task = JSON.parse(polled.stdout) as { taskToken: string; input: string };
  assert.equal(JSON.parse(task.input), { doc: 'b.pdf' });
  const env = { ...process.env, TYPESTEP_ENDPOINT: line!.endpoint };
  const answered = spawnSync(process.execPath, [bin, 'send-task-success', '--task-token', task.taskToken, '--task-output', '{"ok":true}'], { env, encoding: 'utf8' });
  assert.is(answered.status, 0);
  const result = await run.done;
  assert.equal(JSON.parse(result.stdout), { status: 'SUCCEEDED', output: { ok: true } });
});

cli('the send-task commands need an endpoint and report an unreachable one as usage (exit 2)', () => {
  const env = { ...process.env };
  delete env.TYPESTEP_ENDPOINT;
  const missing = spawnSync(process.execPath, [bin, 'send-task-heartbeat', '--task-token', 't'], { env, encoding: 'utf8' });
  assert.is(missing.status, 2);
  assert.match(missing.stderr, /--endpoint or \$TYPESTEP_ENDPOINT/);
  const unreachable = typestep('send-task-heartbeat', '--endpoint', 'http://127.0.0.1:9', '--task-token', 't');
  assert.is(unreachable.code, 2);
  assert.match(unreachable.stderr, /cannot reach/);
});

cli.run();

const flags = suite('typestep run: child machines and local S3');

flags('--state-machine NAME=FILE registers a child for startExecution.sync:2', () => {
  const child = file('child.json', { StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, $.n)' }, End: true } } });
  const parent = file('parent.json', {
    StartAt: 'Run child',
    States: {
      'Run child': {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:doubler', Input: { 'n.$': '$.n' } },
        OutputPath: '$.Output',
        End: true,
      },
    },
  });
  const ok = typestep('run', parent, '--input', '{"n":21}', '--state-machine', `doubler=${child}`, '--json');
  assert.is(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout), { status: 'SUCCEEDED', output: { n: 42 } });
  const bad = typestep('run', parent, '--state-machine', 'doubler');
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /NAME=FILE/);
});

flags('--s3-root serves a Distributed Map its items from local folders', () => {
  const root = join(dir, 's3');
  mkdirSync(join(root, 'inbox'), { recursive: true });
  writeFileSync(join(root, 'inbox', 'items.json'), JSON.stringify([{ v: 1 }, { v: 2 }, { v: 3 }]));
  const machine = file('dmap.json', {
    QueryLanguage: 'JSONata',
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Arguments: { Bucket: 'inbox', Key: 'items.json' } },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'Square',
          States: { Square: { Type: 'Pass', Output: '{% $states.input.v * $states.input.v %}', End: true } },
        },
        End: true,
      },
    },
  });
  const ok = typestep('run', machine, '--s3-root', root, '--json');
  assert.is(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout), { status: 'SUCCEEDED', output: [1, 4, 9] });
  const other = join(dir, 'elsewhere');
  mkdirSync(other, { recursive: true });
  writeFileSync(join(other, 'items.json'), JSON.stringify([{ v: 5 }]));
  const mapped = typestep('run', machine, '--s3-root', root, '--s3-bucket', `inbox=${other}`, '--json');
  assert.equal(JSON.parse(mapped.stdout), { status: 'SUCCEEDED', output: [25] });
});

flags.run();
