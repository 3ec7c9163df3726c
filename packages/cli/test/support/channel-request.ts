import { request } from 'node:http';

/** One raw request to the channel: any Host header, any body (a string, or chunks sent without a length). */
export function post(endpoint: string, options: { target: string; host?: string; body?: string; chunks?: string[]; method?: string }) {
  const url = new URL(endpoint);
  return new Promise<{ status: number | string; body: string }>((resolve) => {
    const headers: Record<string, string> = { 'x-amz-target': options.target, 'content-type': 'application/x-amz-json-1.0' };
    if (options.host !== undefined) headers.host = options.host;
    const call = request({ host: url.hostname, port: url.port, method: options.method ?? 'POST', headers, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    call.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? 'error', body: '' }));
    if (options.chunks) {
      for (const chunk of options.chunks) call.write(chunk);
      call.end();
    } else call.end(options.body ?? '{}');
  });
}
