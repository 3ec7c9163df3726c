import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, type DescribeExecutionCommandOutput } from '@aws-sdk/client-sfn';
import { createServer, type ServerOptions, type StepFunctionsServer } from '../../src/index.js';

export const ROLE = 'arn:aws:iam::123456789012:role/typestep-test';
export const PREFIX = 'arn:aws:states:us-east-1:123456789012';

/**
 * An SDK client as a user points one at a local endpoint (no retries: a test sees the first answer).
 * `disableHostPrefix`: the SDK sends StartSyncExecution and TestState to `sync-<host>`, which a local address does not have.
 */
export function sdkClient(endpoint: string): SFNClient {
  return new SFNClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1, disableHostPrefix: true });
}

/** Runs `work` against a fresh server (in memory unless `dataDir` is given); closes it after, pass or fail. */
export async function withService<T>(work: (sfn: SFNClient, server: StepFunctionsServer) => Promise<T>, options: ServerOptions = {}): Promise<T> {
  const server = await createServer({ port: 0, clock: 'virtual', ...options });
  const sfn = sdkClient(server.endpoint);
  try {
    return await work(sfn, server);
  } finally {
    sfn.destroy();
    await server.close();
  }
}

/** The error an SDK call rejects with (fails the test when it resolves). */
export async function sdkError(call: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as { name: string; message: string; $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Polls `check` until it returns a value (not undefined), up to `seconds`. */
export async function eventually<T>(check: () => Promise<T | undefined>, seconds = 60): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting after ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A machine that passes its input through a Pass state, then waits for a task token, then ends. */
export const CALLBACK_DEFINITION = JSON.stringify({
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Parameters: { 'order.$': '$.order' }, Next: 'Approve' },
    Approve: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/approvals', MessageBody: { 'token.$': '$$.Task.Token', 'order.$': '$.order' } },
      End: true,
    },
  },
});

export const PASS_DEFINITION = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', Result: { ok: true }, ResultPath: '$.result', End: true } } });

/** DescribeExecution, once the execution is no longer RUNNING. */
export async function finished(sfn: SFNClient, executionArn: string, seconds = 60): Promise<DescribeExecutionCommandOutput> {
  return eventually(async () => {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    return described.status === 'RUNNING' ? undefined : described;
  }, seconds);
}

/** The task token of a waiting callback of CALLBACK_DEFINITION, read from its TaskScheduled parameters as a test harness would. */
export async function tokenOf(sfn: SFNClient, executionArn: string, seconds = 60): Promise<string> {
  return eventually(async () => {
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const scheduled = events!.find((event) => event.type === 'TaskScheduled');
    return scheduled && (JSON.parse(scheduled.taskScheduledEventDetails!.parameters!) as { MessageBody: { token: string } }).MessageBody.token;
  }, seconds);
}
