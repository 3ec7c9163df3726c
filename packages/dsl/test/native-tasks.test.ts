import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { HandlerRegistry, job, type TaskContext } from '@typestep/runtime';
import { awsSdk, context, dynamodb, eventBridge, glue, lambda, sns, sqs, workflow, WorkflowError } from '../src/index.js';

const START = '2025-01-01T00:00:00Z';
const CHARGE = '${ChargeFunctionArn}';
const chargeCard = lambda<{ amount: number }, { chargeId: string }>(CHARGE);

/** Runs `body` as a one-off workflow and returns its output, or the WorkflowError it failed with. */
async function outcome<T>(body: () => Promise<T>, handlers: object, extra: object = {}): Promise<T | WorkflowError> {
  try {
    return await workflow('Probe', body).run(undefined, { handlers: handlers as never, startTime: START, ...extra });
  } catch (error) {
    if (error instanceof WorkflowError) return error;
    throw error;
  }
}

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

const Tasks = suite('native task calls');

Tasks('a handler registered by the placeholder answers; the workflow sees the payload', async () => {
  const seen: unknown[] = [];
  const output = await outcome(() => chargeCard({ amount: 5 }), {
    [CHARGE]: (input: { amount: number }) => {
      seen.push(input);
      return { chargeId: `ch_${input.amount}` };
    },
  });
  assert.equal(output, { chargeId: 'ch_5' });
  assert.equal(seen, [{ amount: 5 }]);
});

Tasks('lookup order: the name option first, then the resource; lambda:invoke as resource also matches', async () => {
  const named = lambda<unknown, string>(CHARGE, { name: 'Charge card' });
  const both = { 'Charge card': () => 'by name', [CHARGE]: () => 'by function' };
  assert.is(await outcome(() => named({}), both), 'by name');
  assert.is(await outcome(() => chargeCard({ amount: 1 }) as Promise<unknown>, both), 'by function');
  assert.is(await outcome(() => chargeCard({ amount: 1 }) as Promise<unknown>, { 'arn:aws:states:::lambda:invoke': () => 'by resource' }), 'by resource');
  assert.is(await outcome(() => named({}, { name: 'Other' }), { Other: () => 'call-site name' }), 'call-site name');
  const registry = new HandlerRegistry().byResource('arn:aws:states:::aws-sdk:s3:*', () => 'wildcard');
  assert.is(await outcome(() => awsSdk('s3', 'getObject')({}) as Promise<unknown>, registry), 'wildcard');
});

Tasks('handlers get a JSON copy of the input and their result is copied back', async () => {
  const kept: Array<Record<string, unknown>> = [];
  const shared = { n: 1 };
  const output = await outcome(
    async () => {
      const input = { when: new Date(0), nothing: undefined, nested: { a: 1 } };
      const result = (await lambda<object, { list: number[] }>('${F}')(input)) as { list: number[] };
      shared.n = 2;
      return { result, input };
    },
    {
      '${F}': (input: Record<string, unknown>) => {
        kept.push(input);
        (input.nested as { a: number }).a = 99;
        return { list: [1, 2], shared };
      },
    },
  );
  assert.equal(kept[0], { when: '1970-01-01T00:00:00.000Z', nested: { a: 99 } });
  assert.equal(output, { result: { list: [1, 2], shared: { n: 1 } }, input: { when: '1970-01-01T00:00:00.000Z', nested: { a: 1 } } });
});

Tasks('a missing handler is States.TaskFailed naming the task and its resource', async () => {
  const error = (await outcome(() => chargeCard({ amount: 1 }), {})) as WorkflowError;
  assert.instance(error, WorkflowError);
  assert.is(error.name, 'States.TaskFailed');
  assert.match(error.message, "No handler is registered for task lambda('${ChargeFunctionArn}') (resource 'arn:aws:states:::lambda:invoke')");
  const byName = (await outcome(() => sns.publish({ name: 'Notify' })({ Message: 'x' }), {})) as WorkflowError;
  assert.match(byName.message, "task 'Notify' (resource 'arn:aws:states:::sns:publish')");
});

Tasks('a Lambda function error: its name, and Lambda\'s error document as the cause', async () => {
  const error = (await outcome(() => chargeCard({ amount: 1 }), { [CHARGE]: () => { throw named('CardDeclined', 'insufficient funds'); } })) as WorkflowError;
  assert.is(error.name, 'CardDeclined');
  assert.equal(JSON.parse(error.message), { errorMessage: 'insufficient funds', errorType: 'CardDeclined', trace: [] });
  assert.is(error.cause, error.message);
  const service = (await outcome(() => chargeCard({ amount: 1 }), { [CHARGE]: () => { throw named('Lambda.TooManyRequestsException', 'slow down'); } })) as WorkflowError;
  assert.is(service.name, 'Lambda.TooManyRequestsException');
  assert.is(service.message, 'slow down');
});

Tasks('an AWS SDK error is <Service>.<Name>Exception; other integrations keep the name', async () => {
  const sdk = (await outcome(() => awsSdk('s3', 'getObject')({}), { 'arn:aws:states:::aws-sdk:s3:getObject': () => { throw named('NoSuchKey', 'gone'); } })) as WorkflowError;
  assert.is(sdk.name, 'S3.NoSuchKeyException');
  assert.match(sdk.message, /^gone \(Service: S3, Status Code: 400, Request ID: [0-9a-f-]{36}\)$/);
  const plain = (await outcome(() => sqs.sendMessage()({ QueueUrl: 'q', MessageBody: 'b' }), { 'arn:aws:states:::sqs:sendMessage': () => { throw named('Sqs.QueueDoesNotExist', 'no queue'); } })) as WorkflowError;
  assert.is(plain.name, 'Sqs.QueueDoesNotExist');
  assert.is(plain.message, 'no queue');
  const thrownWorkflowError = (await outcome(() => sqs.sendMessage()({ QueueUrl: 'q', MessageBody: 'b' }), { 'arn:aws:states:::sqs:sendMessage': () => { throw new WorkflowError('Custom', 'why'); } })) as WorkflowError;
  assert.is(thrownWorkflowError.name, 'Custom');
  assert.is(thrownWorkflowError.message, 'why');
});

Tasks('optimized integrations add what the service adds, as the runtime does', async () => {
  const output = (await outcome(
    async () => ({
      published: await sns.publish()({ TopicArn: 't', Message: { a: 1 } }),
      sent: await sqs.sendMessage()({ QueueUrl: 'q', MessageBody: 'b' }),
      got: await dynamodb.getItem()({ TableName: 'T', Key: { pk: { S: '1' } } }),
      events: await eventBridge.putEvents()({ Entries: [{ Source: 's', DetailType: 'd', Detail: {} }] }),
    }),
    {
      'arn:aws:states:::sns:publish': () => ({}),
      'arn:aws:states:::sqs:sendMessage': () => ({ MessageId: 'm-1' }),
      'arn:aws:states:::dynamodb:getItem': () => ({ Item: { pk: { S: '1' } } }),
      'arn:aws:states:::events:putEvents': () => undefined,
    },
  )) as Record<string, Record<string, unknown>>;
  assert.match(output.published!.MessageId as string, /^[0-9a-f-]{36}$/);
  assert.is(output.sent!.MessageId, 'm-1');
  assert.is(output.sent!.MD5OfMessageBody, '');
  assert.equal(output.got!.Item, { pk: { S: '1' } });
  assert.equal((output.got!.SdkHttpMetadata as { HttpStatusCode: number }).HttpStatusCode, 200);
  assert.is(output.events!.FailedEntryCount, 0);
  assert.is((output.events!.Entries as unknown[]).length, 1);
});

Tasks('handlers see the context object and task facts', async () => {
  let seen: TaskContext | undefined;
  await outcome(() => lambda('${F}', { name: 'Look' })({}), { Look: (_: unknown, ctx: TaskContext) => void (seen = ctx) }, { executionName: 'run-1' });
  assert.is(seen!.stateName, 'Look');
  assert.is(seen!.resource, 'arn:aws:states:::lambda:invoke');
  assert.equal(seen!.context, {
    Execution: {
      Id: 'arn:aws:states:us-east-1:123456789012:execution:Probe:run-1',
      Input: null,
      StartTime: '2025-01-01T00:00:00.000Z',
      Name: 'run-1',
      RoleArn: 'arn:aws:iam::123456789012:role/typestep-local',
      RedriveCount: 0,
    },
    State: { EnteredTime: '2025-01-01T00:00:00.000Z', Name: 'Look', RetryCount: 0 },
    StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:Probe', Name: 'Probe' },
  });
});

Tasks('timeoutSeconds: a handler that sleeps past it times out at the deadline (virtual clock)', async () => {
  const slow = lambda<unknown, unknown>('${F}', { timeoutSeconds: 60 });
  const handlers = { '${F}': async (_: unknown, { sleep }: TaskContext) => { await sleep(90); return 'late'; } };
  const result = await outcome(async () => {
    try {
      return await slow({});
    } catch (e) {
      return { error: (e as WorkflowError).name, at: context().state.enteredTime };
    }
  }, handlers);
  assert.equal(result, { error: 'States.Timeout', at: '2025-01-01T00:01:00.000Z' });
  const fast = await outcome(async () => [await slow({}, { timeoutSeconds: 100 }), context().state.enteredTime], handlers);
  assert.equal(fast, ['late', '2025-01-01T00:01:30.000Z']);
});

Tasks('timeoutSeconds on the real clock races the handler', async () => {
  const slow = lambda<unknown, unknown>('${F}', { timeoutSeconds: 1 });
  const started = Date.now();
  let aborted = false;
  const handler = (_: unknown, { signal }: TaskContext) =>
    new Promise((resolve) => signal.addEventListener('abort', () => resolve((aborted = true)), { once: true }));
  const error = (await outcome(() => slow({}), { '${F}': handler }, { clock: 'real' })) as WorkflowError;
  assert.is(error.name, 'States.Timeout');
  assert.ok(aborted, 'the handler was told through its signal');
  assert.ok(Date.now() - started < 3000);
});

Tasks('.sync jobs: a job() takes virtual time, fails, or outlives its timeout', async () => {
  const run = glue.startJobRun({ timeoutSeconds: 3600 });
  const ok = await outcome(async () => [await run({ JobName: 'j' }), context().state.enteredTime], {
    'arn:aws:states:::glue:startJobRun.sync': () => job({ submitted: { JobRunId: 'jr' }, seconds: 600, output: { JobRunState: 'SUCCEEDED' } }),
  });
  assert.equal(ok, [{ JobRunState: 'SUCCEEDED' }, '2025-01-01T00:10:00.000Z']);
  const failed = (await outcome(() => run({ JobName: 'j' }), {
    'arn:aws:states:::glue:startJobRun.sync': () => job({ seconds: 5, failure: { error: 'Glue.JobFailed', cause: 'oom' } }),
  })) as WorkflowError;
  assert.equal([failed.name, failed.message], ['Glue.JobFailed', 'oom']);
  const late = (await outcome(() => run({ JobName: 'j' }), { 'arn:aws:states:::glue:startJobRun.sync': () => job({ seconds: 7200 }) })) as WorkflowError;
  assert.is(late.name, 'States.Timeout');
  const plain = await outcome(() => run({ JobName: 'j' }), { 'arn:aws:states:::glue:startJobRun.sync': () => ({ JobRunState: 'SUCCEEDED', Id: 'x' }) });
  assert.equal(plain, { JobRunState: 'SUCCEEDED', Id: 'x' });
});

Tasks('calling a task outside a workflow run fails clearly', async () => {
  try {
    await chargeCard({ amount: 1 });
    assert.unreachable('should throw');
  } catch (error) {
    assert.match((error as Error).message, /outside a workflow run/);
  }
});

Tasks.run();
