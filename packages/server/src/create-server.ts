import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  allowedHosts,
  AWS_TARGET_PREFIX,
  AwsApiError,
  awsErrorBody,
  BodyTooLarge,
  closeHttpServer,
  parseMockConfigText,
  readAwsJsonBody,
  replyAwsJson,
  TaskService,
  TaskServiceError,
  watchDisconnect,
  type HandlerMap,
  type HandlerRegistry,
} from '@typestep/runtime';
import type { ServerIdentity } from './arns.js';
import { ExecutionHost } from './execution-host.js';
import { executionOperations, startChildExecution } from './operations/executions.js';
import { mapRunOperations } from './operations/map-runs.js';
import { stateMachineOperations } from './operations/state-machines.js';
import { redeliverTaskAnswers, taskOperations } from './operations/tasks-and-activities.js';
import { testStateOperation } from './operations/test-state.js';
import { versionAndAliasOperations } from './operations/versions-and-aliases.js';
import type { Operation, ServerContext } from './server-context.js';
import { Store } from './store/store.js';

/**
 * How `createServer` serves: where, with what store, and what answers Task states.
 *
 * @example
 * const options: ServerOptions = { port: 0, dataDir: '.typestep', handlers: { Charge: (input) => ({ charged: true }) }, clock: 'virtual' };
 */
export interface ServerOptions {
  /** Default 8083 (Step Functions Local's port); 0 picks a free one. */
  port?: number;
  /** Default `127.0.0.1`: only this machine can reach the server unless you say otherwise. */
  host?: string;
  /** Where the SQLite database lives; absent: in memory, gone when the server closes. */
  dataDir?: string;
  /** Task implementations, by state name or resource ARN (as `StateMachine`'s `handlers`). */
  handlers?: HandlerRegistry | HandlerMap;
  /** A Step Functions Local mock configuration (object or JSON text); StartExecution picks a test case with `<stateMachineArn>#<TestCase>`. */
  mockConfig?: object | string;
  /** `real` (default): Waits and retries take wall-clock time. `virtual`: they take none. */
  clock?: 'real' | 'virtual';
  /** The region and account in ARNs. Default `us-east-1` and `123456789012`. */
  region?: string;
  account?: string;
}

/**
 * A running `typestep serve`.
 *
 * @example
 * const server = await createServer({ port: 0 });
 * process.env.SFN_ENDPOINT = server.endpoint;
 * // … run the tests that use the SDK …
 * await server.close();
 */
export interface StepFunctionsServer {
  /** `http://127.0.0.1:8083`: give it to `new SFNClient({ endpoint })` or `aws --endpoint-url`. */
  readonly endpoint: string;
  /** How many RUNNING executions were resumed from the store when the server opened. */
  readonly resumed: number;
  /** Stops listening and closes the store; running executions stay RUNNING there and resume next time. */
  close(): Promise<void>;
}

/**
 * AWS allows definitions of 1 MiB; the body around one may be a little
 * larger. Payloads inside (inputs, outputs) are held to AWS's 256 KiB each.
 */
const MAX_BODY_BYTES = 1024 * 1024 + 64 * 1024;

const OPERATIONS: ReadonlyMap<string, Operation> = new Map(
  Object.entries({
    ...stateMachineOperations,
    ...executionOperations,
    ...taskOperations,
    ...versionAndAliasOperations,
    ...mapRunOperations,
    TestState: testStateOperation,
  }),
);

/**
 * Starts a local AWS Step Functions service: the Step Functions API over
 * HTTP (AWS JSON 1.0), so `@aws-sdk/client-sfn` and `aws stepfunctions`
 * work against it with only the endpoint changed. State machines,
 * executions and their histories are kept in SQLite under `dataDir`; on
 * opening, executions that were RUNNING continue from their recorded events.
 *
 * @example
 * import { SFNClient, CreateStateMachineCommand } from '@aws-sdk/client-sfn';
 * const server = await createServer({ port: 0, dataDir: './.typestep' });
 * const sfn = new SFNClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
 * await sfn.send(new CreateStateMachineCommand({ name: 'hello', definition, roleArn: 'arn:aws:iam::123456789012:role/x' }));
 * await server.close();
 */
export async function createServer(options: ServerOptions = {}): Promise<StepFunctionsServer> {
  const identity: ServerIdentity = { partition: 'aws', region: options.region ?? 'us-east-1', account: options.account ?? '123456789012' };
  const mockConfig = typeof options.mockConfig === 'string' ? loadMockConfig(options.mockConfig) : options.mockConfig;
  const store = Store.open(options.dataDir);
  // Task tokens are signed with a secret kept in the store, so a restarted server accepts the tokens it issued before.
  const tasks = new TaskService({ secret: store.setting('task-token-secret', () => randomBytes(32).toString('base64url')) });
  const host = new ExecutionHost(store, { identity, clock: options.clock ?? 'real', handlers: options.handlers, mockConfig, taskService: tasks });
  const context: ServerContext = { store, host, identity, tasks, mockConfig };
  host.startChild = (request) => startChildExecution(context, request);

  const running = store.runningExecutions();
  const heartbeats = store.taskHeartbeats();
  for (const row of running) host.resume(row, store.events(row.arn), heartbeats);
  redeliverTaskAnswers(context);

  const inFlight = new Set<AbortController>();
  let hosts: ReadonlySet<string> | undefined;
  const server = createHttpServer((request, response) => {
    void handle(request, response).catch((error: unknown) => replyAwsJson(response, 500, awsErrorBody('InternalFailure', (error as Error).message)));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const hostHeader = request.headers.host?.toLowerCase();
    if (hosts && (hostHeader === undefined || !hosts.has(hostHeader))) {
      request.resume();
      return replyAwsJson(response, 403, awsErrorBody('AccessDeniedException', `typestep serve answers requests addressed to ${[...hosts][0]}, not ${hostHeader ?? '(no Host header)'}`));
    }
    const target = String(request.headers['x-amz-target'] ?? '');
    const name = target.startsWith(AWS_TARGET_PREFIX) ? target.slice(AWS_TARGET_PREFIX.length) : undefined;
    const operation = name === undefined ? undefined : OPERATIONS.get(name);
    if (request.method !== 'POST' || !operation) {
      request.resume();
      return replyAwsJson(response, 400, awsErrorBody('UnknownOperationException', `typestep serve does not know the operation ${request.method} ${target || '(no X-Amz-Target header)'}`));
    }
    const controller = new AbortController();
    inFlight.add(controller);
    watchDisconnect(request, response, controller);
    try {
      const body = await readAwsJsonBody(request, MAX_BODY_BYTES);
      // Queued history writes land first, so every read sees everything that happened before it.
      store.flush();
      replyAwsJson(response, 200, await operation(body, context, controller.signal));
    } catch (error) {
      replyAwsJson(response, ...errorReply(error));
    } finally {
      inFlight.delete(controller);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8083, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const boundHost = options.host ?? '127.0.0.1';
  hosts = allowedHosts(boundHost, port);
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://${boundHost.includes(':') ? `[${boundHost}]` : boundHost}:${port}`,
    resumed: running.length,
    close: () =>
      (closing ??= (async () => {
        await closeHttpServer(server, inFlight);
        const detached = host.detach();
        store.close();
        // After the store is closed: their aborts are not recorded, so they stay RUNNING and resume next time.
        for (const execution of detached) execution.abort();
        await Promise.all(detached.map((execution) => execution.result));
      })()),
  };
}

function errorReply(error: unknown): [number, ReturnType<typeof awsErrorBody>] {
  if (error instanceof BodyTooLarge) {
    return [400, awsErrorBody('ValidationException', `The request body is larger than ${MAX_BODY_BYTES} bytes (AWS's limits: 1 MiB for a definition, 256 KiB for a payload).`)];
  }
  if (error instanceof AwsApiError) return [error.status, awsErrorBody(error.code, error.message)];
  if (error instanceof TaskServiceError) return [400, awsErrorBody(error.name, error.message)];
  return [500, awsErrorBody('InternalFailure', `typestep serve could not handle the request: ${(error as Error)?.message ?? String(error)}`)];
}

function loadMockConfig(text: string): object {
  const { config, problems } = parseMockConfigText(text);
  if (problems.length > 0 || !config) {
    throw new Error(`the mock configuration is not valid:\n${problems.map((p) => `  ${p.location || '/'}: ${p.message}`).join('\n')}`);
  }
  return config;
}
