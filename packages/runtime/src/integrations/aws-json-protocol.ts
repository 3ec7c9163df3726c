// What these functions use of Node's http objects, spelled out: the runtime's shipped declarations
// must not need @types/node (the consumer test type-checks them without it).
/** The parts of `http.IncomingMessage` read here. */
export interface HttpRequestLike {
  readonly headers: Record<string, string | string[] | undefined>;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  destroy(): unknown;
}
/** The parts of `http.ServerResponse` written here. */
export interface HttpResponseLike {
  readonly writableEnded: boolean;
  readonly writableFinished: boolean;
  readonly destroyed: boolean;
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  end(text: string): unknown;
  on(event: 'close', listener: () => void): unknown;
}
/** The parts of `http.Server` closed here. */
export interface HttpServerLike {
  close(callback: () => void): unknown;
  closeIdleConnections(): void;
}

/**
 * The wire protocol of the Step Functions API (AWS JSON 1.0), as far as a
 * local endpoint needs it: shared by `typestep run --listen`'s control
 * channel and by `typestep serve` (@typestep/server), so both answer with
 * the same error shape, body limits and Host-header guard.
 */

/** The `X-Amz-Target` prefix of every Step Functions operation. */
export const AWS_TARGET_PREFIX = 'AWSStepFunctions.';
/** The namespace AWS puts before its error codes in `__type`. */
export const AWS_ERROR_NAMESPACE = 'com.amazonaws.swf.service.v2.model#';
/** How much of a refused body is read and dropped before the connection is cut. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * An error answered as AWS does: HTTP `status` (400 unless said otherwise)
 * with `{ "__type": "<namespace>#<code>", "message": … }`, which the SDKs
 * turn into an exception named `code`.
 *
 * @example
 * throw new AwsApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
 */
export class AwsApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

/** Raised while a body is read, as soon as it passes the limit. */
export class BodyTooLarge extends Error {}

/**
 * The body of an AWS JSON request as an object. Bad JSON or a non-object
 * body throws `AwsApiError` (`SerializationException`, as AWS answers a
 * body it cannot read); a body past `maxBytes` throws `BodyTooLarge`.
 *
 * @example
 * const body = await readAwsJsonBody(request, 1024 * 1024);
 */
export async function readAwsJsonBody(request: HttpRequestLike, maxBytes: number): Promise<Record<string, unknown>> {
  const text = await readBody(request, maxBytes);
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new AwsApiError('SerializationException', 'The request body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AwsApiError('SerializationException', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/**
 * The body as text, refused (BodyTooLarge) once it passes `maxBytes`,
 * declared or counted while it streams: from then on it is read and dropped,
 * not kept, and the refusal comes when the client has sent it all, so the
 * client reads a 413 rather than finding its connection cut mid-send. A body
 * that goes on past DRAIN_LIMIT_BYTES has its connection cut.
 */
function readBody(request: HttpRequestLike, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let refused = Number(request.headers['content-length'] ?? 0) > maxBytes;
    const chunks: Uint8Array[] = [];
    request.on('data', (chunk: Uint8Array) => {
      size += chunk.length;
      if (!refused && size > maxBytes) {
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

/**
 * Writes an AWS JSON 1.0 response (ignored once the response has ended).
 *
 * @example
 * replyAwsJson(response, 400, awsErrorBody('InvalidArn', 'Invalid Arn: …'));
 */
export function replyAwsJson(response: HttpResponseLike, status: number, body: unknown): void {
  if (response.writableEnded || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * AWS's error body: `__type` is the namespaced code, which the SDKs read as the exception's name.
 *
 * @example
 * awsErrorBody('ValidationException', 'The request body is larger than …')
 */
export function awsErrorBody(code: string, message: string): { __type: string; message: string } {
  return { __type: `${AWS_ERROR_NAMESPACE}${code}`, message };
}

/**
 * The Host headers a request may carry: the bound address (and `localhost`
 * for a loopback one). A browser page can reach 127.0.0.1 too, under another
 * name (DNS rebinding): only requests addressed to the bound host and port
 * are served. A server bound to all interfaces (`0.0.0.0`, `::`) cannot know
 * its names and returns `undefined`: any Host is accepted.
 *
 * @example
 * allowedHosts('127.0.0.1', 8083) // Set { '127.0.0.1:8083', 'localhost:8083', '[::1]:8083' }
 */
export function allowedHosts(host: string, port: number): Set<string> | undefined {
  if (host === '0.0.0.0' || host === '::') return undefined;
  const hosts = new Set([`${host.includes(':') ? `[${host}]` : host}:${port}`.toLowerCase()]);
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) hosts.add(`${name}:${port}`);
  }
  return hosts;
}

/**
 * Aborts `controller` when the caller hangs up: a long poll must not take a
 * task it can never deliver.
 *
 * @example
 * watchDisconnect(request, response, controller);
 */
export function watchDisconnect(request: HttpRequestLike, response: HttpResponseLike, controller: AbortController): void {
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  request.on('error', () => controller.abort());
}

/**
 * Stops `server`: requests in flight are aborted through their controllers
 * (long polls answer as expired ones do), idle keep-alive connections closed.
 *
 * @example
 * await closeHttpServer(server, inFlight);
 */
export function closeHttpServer(server: HttpServerLike, inFlight: Set<AbortController>): Promise<void> {
  for (const controller of inFlight) controller.abort();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
