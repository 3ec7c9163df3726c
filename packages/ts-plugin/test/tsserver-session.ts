// Drives a real tsserver (the JS TypeScript 6 of the `typescript6` devDependency) over its stdio protocol:
// requests are one JSON object per line; responses and events come back as `Content-Length` framed JSON.
import { spawn, type ChildProcess } from 'node:child_process';

/** One tsserver process and the requests in flight. */
export class TsServerSession {
  private readonly child: ChildProcess;
  private seq = 0;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve: (body: unknown) => void; reject: (error: Error) => void; command: string }>();
  private stderr = '';
  private readonly listeners: ((event: { event: string; body: unknown }) => void)[] = [];

  constructor(options: { cwd: string; logFile: string; pluginProbeLocation: string; env?: Record<string, string> }) {
    const tsserver = require.resolve('typescript6/lib/tsserver.js');
    this.child = spawn(
      process.execPath,
      [tsserver, '--disableAutomaticTypingAcquisition', '--pluginProbeLocations', options.pluginProbeLocation, '--logVerbosity', 'verbose', '--logFile', options.logFile],
      { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', (code, signal) => {
      for (const { reject, command } of this.pending.values()) reject(new Error(`tsserver exited (${code ?? signal}) before answering ${command}: ${this.stderr}`));
      this.pending.clear();
    });
  }

  /** Sends a request that tsserver answers with events only (`geterr`), not a response. */
  send(command: string, args: unknown): void {
    this.child.stdin!.write(`${JSON.stringify({ seq: ++this.seq, type: 'request', command, arguments: args })}\n`);
  }

  /** Sends a request and resolves with the response's body; rejects on `success: false` or when tsserver does not answer in `limitMs`. */
  request<T = unknown>(command: string, args: unknown, limitMs = 180_000): Promise<T> {
    const seq = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      // A guard against a hang, not a timing assertion: a healthy tsserver answers in seconds.
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new Error(`tsserver did not answer ${command} within ${limitMs} ms`));
      }, limitMs);
      this.pending.set(seq, {
        command,
        resolve: (body) => (clearTimeout(timer), resolve(body as T)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      this.child.stdin!.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    });
  }

  /** Resolves with the body of the first event named `name` whose body `matches`. */
  nextEvent<T = unknown>(name: string, matches: (body: T) => boolean, limitMs = 180_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const listener = (event: { event: string; body: unknown }) => {
        if (event.event !== name || !matches(event.body as T)) return;
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        clearTimeout(timer);
        resolve(event.body as T);
      };
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        reject(new Error(`tsserver sent no ${name} event within ${limitMs} ms`));
      }, limitMs);
      this.listeners.push(listener);
    });
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, header).toString())?.[1]);
      if (!Number.isFinite(length) || this.buffer.length < header + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(header + 4, header + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(header + 4 + length);
      if (message.type === 'event') for (const listener of [...this.listeners]) listener(message);
      if (message.type !== 'response') continue;
      const waiting = this.pending.get(message.request_seq);
      if (!waiting) continue;
      this.pending.delete(message.request_seq);
      if (message.success) waiting.resolve(message.body);
      else waiting.reject(new Error(`tsserver ${message.command} failed: ${message.message}`));
    }
  }
}
