import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TaskServiceError, type TaskService } from '@typestep/runtime';

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

const TARGET_PREFIX = 'AWSStepFunctions.';
/** The namespace AWS puts before its error codes in `__type`. */
const ERROR_NAMESPACE = 'com.amazonaws.swf.service.v2.model#';
/** AWS caps request bodies of these calls far lower; this only guards the process. */
const MAX_BODY_BYTES = 1024 * 1024;
/** How much of a refused body is read and dropped before the connection is cut. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

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
  const channel: ChannelState = { operations, inFlight, hosts: new Set() };

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
    close: () => closeServer(server, inFlight),
  };
}

interface ChannelState {
  readonly operations: ReadonlyMap<string, Operation>;
  readonly inFlight: Set<AbortController>;
  /** The Host headers a request may carry: the bound address (and `localhost` for a loopback one). */
  hosts: ReadonlySet<string>;
}

/**
 * A browser page can reach 127.0.0.1 too, under another name (DNS
 * rebinding): only requests addressed to the bound host and port are served.
 */
function allowedHosts(host: string, port: number): Set<string> {
  const hosts = new Set([`${host}:${port}`.toLowerCase()]);
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) hosts.add(`${name}:${port}`);
  }
  return hosts;
}

async function handle(request: IncomingMessage, response: ServerResponse, channel: ChannelState): Promise<void> {
  const hostHeader = request.headers.host?.toLowerCase();
  if (hostHeader === undefined || !channel.hosts.has(hostHeader)) {
    request.resume();
    return reply(response, 403, {
      __type: `${ERROR_NAMESPACE}AccessDeniedException`,
      message: `typestep's control channel answers requests addressed to ${[...channel.hosts][0]}, not ${hostHeader ?? '(no Host header)'}`,
    });
  }
  const target = String(request.headers['x-amz-target'] ?? '');
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  const operation = name === undefined ? undefined : channel.operations.get(name);
  if (request.method !== 'POST' || !operation) {
    request.resume();
    return reply(response, 400, {
      __type: `${ERROR_NAMESPACE}UnknownOperationException`,
      message: `typestep's control channel takes POST requests for AWSStepFunctions.{${[...channel.operations.keys()].join(',')}}, not ${request.method} ${target || '(no X-Amz-Target)'}`,
    });
  }
  const controller = new AbortController();
  channel.inFlight.add(controller);
  watchDisconnect(request, response, controller);
  try {
    const body = await readJsonBody(request);
    reply(response, 200, await operation(body, controller.signal));
  } catch (error) {
    if (error instanceof BodyTooLarge) return replyTooLarge(response);
    if (error instanceof TaskServiceError) return reply(response, 400, { __type: `${ERROR_NAMESPACE}${error.name}`, message: error.message });
    reply(response, 500, internalError((error as Error).message));
  } finally {
    channel.inFlight.delete(controller);
  }
}

function internalError(message: string) {
  return { __type: `${ERROR_NAMESPACE}InternalError`, message };
}

/** Aborts `controller` when the caller hangs up: its long poll must not take a task it can never receive. */
function watchDisconnect(request: IncomingMessage, response: ServerResponse, controller: AbortController): void {
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  request.on('error', () => controller.abort());
}

/** Raised while a body is read, as soon as it passes MAX_BODY_BYTES. */
class BodyTooLarge extends Error {}

/** 413, sent once the refused body has been read and dropped. */
function replyTooLarge(response: ServerResponse): void {
  reply(response, 413, {
    __type: `${ERROR_NAMESPACE}ValidationException`,
    message: `The request body is larger than ${MAX_BODY_BYTES} bytes, the control channel's limit.`,
  });
}

async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(request);
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new TaskServiceError('ValidationException', 'The request body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TaskServiceError('ValidationException', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/**
 * The body as text, refused (BodyTooLarge) once it passes MAX_BODY_BYTES,
 * declared or counted while it streams: from then on it is read and dropped,
 * not kept, and the refusal comes when the client has sent it all, so the
 * client reads a 413 rather than finding its connection cut mid-send. A body
 * that goes on past DRAIN_LIMIT_BYTES has its connection cut.
 */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let refused = Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!refused && size > MAX_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
      }
      if (!refused) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) {
        request.destroy();
        reject(new BodyTooLarge());
      }
    });
    request.on('end', () => (refused ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
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

function reply(response: ServerResponse, status: number, body: unknown): void {
  if (response.writableEnded || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function closeServer(server: Server, inFlight: Set<AbortController>): Promise<void> {
  for (const controller of inFlight) controller.abort();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
