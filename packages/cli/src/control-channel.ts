import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  allowedHosts,
  AWS_TARGET_PREFIX,
  AwsApiError,
  awsErrorBody,
  BodyTooLarge,
  closeHttpServer,
  readAwsJsonBody,
  replyAwsJson as reply,
  TaskServiceError,
  watchDisconnect,
  type TaskService,
} from '@typestep/runtime';

/**
 * The local control channel of `typestep run --listen`: a small HTTP server
 * that speaks the Step Functions API's own wire protocol (AWS JSON 1.0,
 * `X-Amz-Target: AWSStepFunctions.<Operation>`) for the four calls a second
 * process needs while an execution waits: SendTaskSuccess, SendTaskFailure,
 * SendTaskHeartbeat and GetActivityTask. Because the protocol is AWS's, the
 * AWS CLI and SDKs work against it with `--endpoint-url` / `endpoint`, and so
 * does `typestep send-task-success …`. Requests are not signed-checked.
 *
 * @example
 * const channel = await openControlChannel(service, 0);
 * console.error(channel.endpoint); // http://127.0.0.1:41234
 * await channel.close();
 */
export interface ControlChannel {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** Stops listening; polls still waiting answer `{}` as an expired long poll does. */
  close(): Promise<void>;
}

/** AWS caps request bodies of these calls far lower; this only guards the process. */
const MAX_BODY_BYTES = 1024 * 1024;

type Operation = (body: Record<string, unknown>, signal: AbortSignal) => Promise<unknown> | unknown;

export async function openControlChannel(service: TaskService, port: number, host = '127.0.0.1'): Promise<ControlChannel> {
  // An own-property table: `AWSStepFunctions.constructor` must be an unknown operation, not Object's.
  const operations = new Map<string, Operation>([
    [
      'SendTaskSuccess',
      (body) => {
        const token = requiredString(body, 'taskToken');
        const output = requiredString(body, 'output');
        let value: unknown;
        try {
          value = JSON.parse(output);
        } catch {
          throw new TaskServiceError('InvalidOutput', 'The provided JSON output data is not valid.');
        }
        service.sendTaskSuccess(token, value);
        return {};
      },
    ],
    [
      'SendTaskFailure',
      (body) => {
        service.sendTaskFailure(requiredString(body, 'taskToken'), optionalString(body, 'error'), optionalString(body, 'cause'));
        return {};
      },
    ],
    [
      'SendTaskHeartbeat',
      (body) => {
        service.sendTaskHeartbeat(requiredString(body, 'taskToken'));
        return {};
      },
    ],
    [
      'GetActivityTask',
      async (body, signal) => {
        const task = await service.getActivityTask(requiredString(body, 'activityArn'), optionalString(body, 'workerName'), { signal });
        // On the wire the input is JSON text, as AWS sends it.
        return task.taskToken === undefined ? {} : { taskToken: task.taskToken, input: JSON.stringify(task.input) };
      },
    ],
  ]);
  // One controller per request in flight (not listeners piling up on one shared signal); closing aborts them all.
  const inFlight = new Set<AbortController>();
  const channel: ChannelState = { operations, inFlight, hosts: new Set<string>() };

  const server = createServer((request, response) => {
    void handle(request, response, channel).catch(() => reply(response, 500, internalError('The request could not be handled.')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  channel.hosts = allowedHosts(host, bound);
  return {
    endpoint: `http://${host}:${bound}`,
    close: () => closeHttpServer(server, inFlight),
  };
}

interface ChannelState {
  readonly operations: ReadonlyMap<string, Operation>;
  readonly inFlight: Set<AbortController>;
  /** The Host headers a request may carry: the bound address (and `localhost` for a loopback one). */
  hosts: ReadonlySet<string> | undefined;
}

async function handle(request: IncomingMessage, response: ServerResponse, channel: ChannelState): Promise<void> {
  const hostHeader = request.headers.host?.toLowerCase();
  if (channel.hosts && (hostHeader === undefined || !channel.hosts.has(hostHeader))) {
    request.resume();
    return reply(response, 403, awsErrorBody('AccessDeniedException', `typestep's control channel answers requests addressed to ${[...channel.hosts][0]}, not ${hostHeader ?? '(no Host header)'}`));
  }
  const target = String(request.headers['x-amz-target'] ?? '');
  const name = target.startsWith(AWS_TARGET_PREFIX) ? target.slice(AWS_TARGET_PREFIX.length) : undefined;
  const operation = name === undefined ? undefined : channel.operations.get(name);
  if (request.method !== 'POST' || !operation) {
    request.resume();
    return reply(response, 400, awsErrorBody('UnknownOperationException', `typestep's control channel takes POST requests for AWSStepFunctions.{${[...channel.operations.keys()].join(',')}}, not ${request.method} ${target || '(no X-Amz-Target)'}`));
  }
  const controller = new AbortController();
  channel.inFlight.add(controller);
  watchDisconnect(request, response, controller);
  try {
    const body = await readAwsJsonBody(request, MAX_BODY_BYTES);
    reply(response, 200, await operation(body, controller.signal));
  } catch (error) {
    if (error instanceof BodyTooLarge) return replyTooLarge(response);
    if (error instanceof TaskServiceError || error instanceof AwsApiError) return reply(response, 400, awsErrorBody(error.name, error.message));
    reply(response, 500, internalError((error as Error).message));
  } finally {
    channel.inFlight.delete(controller);
  }
}

function internalError(message: string) {
  return awsErrorBody('InternalError', message);
}

/** 413, sent once the refused body has been read and dropped. */
function replyTooLarge(response: ServerResponse): void {
  reply(response, 413, awsErrorBody('ValidationException', `The request body is larger than ${MAX_BODY_BYTES} bytes, the control channel's limit.`));
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') {
    throw new TaskServiceError('ValidationException', `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TaskServiceError('ValidationException', `'${field}' must be a string`);
  return value;
}
