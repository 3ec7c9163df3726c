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

type Operation = (body: Record<string, unknown>, signal: AbortSignal) => Promise<unknown> | unknown;

export async function openControlChannel(service: TaskService, port: number, host = '127.0.0.1'): Promise<ControlChannel> {
  const polls = new AbortController();
  const operations: Record<string, Operation> = {
    SendTaskSuccess: (body) => {
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
    SendTaskFailure: (body) => {
      service.sendTaskFailure(requiredString(body, 'taskToken'), optionalString(body, 'error'), optionalString(body, 'cause'));
      return {};
    },
    SendTaskHeartbeat: (body) => {
      service.sendTaskHeartbeat(requiredString(body, 'taskToken'));
      return {};
    },
    GetActivityTask: async (body, signal) => {
      const task = await service.getActivityTask(requiredString(body, 'activityArn'), optionalString(body, 'workerName'), { signal });
      // On the wire the input is JSON text, as AWS sends it.
      return task.taskToken === undefined ? {} : { taskToken: task.taskToken, input: JSON.stringify(task.input) };
    },
  };

  const server = createServer((request, response) => {
    void handle(request, response, operations, polls.signal);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${bound}`,
    close: () => closeServer(server, polls),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, operations: Record<string, Operation>, closing: AbortSignal): Promise<void> {
  const target = String(request.headers['x-amz-target'] ?? '');
  const operation = target.startsWith(TARGET_PREFIX) ? operations[target.slice(TARGET_PREFIX.length)] : undefined;
  if (request.method !== 'POST' || !operation) {
    return reply(response, 400, {
      __type: `${ERROR_NAMESPACE}UnknownOperationException`,
      message: `typestep's control channel takes POST requests for AWSStepFunctions.{SendTaskSuccess,SendTaskFailure,SendTaskHeartbeat,GetActivityTask}, not ${request.method} ${target || '(no X-Amz-Target)'}`,
    });
  }
  const signal = AbortSignal.any([closing, disconnected(request, response)]);
  try {
    const body = await readJsonBody(request);
    reply(response, 200, await operation(body, signal));
  } catch (error) {
    if (error instanceof TaskServiceError) return reply(response, 400, { __type: `${ERROR_NAMESPACE}${error.name}`, message: error.message });
    reply(response, 500, { __type: `${ERROR_NAMESPACE}InternalError`, message: (error as Error).message });
  }
}

/** Aborted when the caller hangs up: its long poll must not take a task it can never receive. */
function disconnected(request: IncomingMessage, response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  request.on('error', () => controller.abort());
  return controller.signal;
}

async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new TaskServiceError('ValidationException', 'The request body is too large.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
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

function closeServer(server: Server, polls: AbortController): Promise<void> {
  polls.abort();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
