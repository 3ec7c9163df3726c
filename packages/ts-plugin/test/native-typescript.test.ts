// What the README says about TypeScript 7: its native language server (`tsc --lsp`) does not run JS plugins.
// The check opens a workflow with a typestep error and a TypeScript error in a project whose tsconfig names the
// plugin; TypeScript 7 answers with its own error only. If this fails, TypeScript 7 has started loading plugins
// (or lost its LSP): update the README's editor setup.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const root = join(__dirname, '../../..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const s = suite('ts-plugin: TypeScript 7 native LSP');

interface LspDiagnostic { code?: number | string; source?: string; message: string }

s('tsc --lsp (TypeScript 7) reports TypeScript\'s errors and not the plugin\'s', async () => {
  if (!existsSync(tsc)) {
    console.log(`  skipped: no TypeScript 7 at ${tsc}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'typestep-ts7-'));
  const file = join(dir, 'workflow.ts');
  const text = `import { workflow } from '@typestep/dsl';
export const wrong: number = 'text';
export const w = workflow('Native', async (input: { a: number | string; n: number }) => ({ same: input.a == input.n }));
`;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', noEmit: true, types: [], plugins: [{ name: '@typestep/ts-plugin' }] } }));
  writeFileSync(file, text);
  mkdirSync(join(dir, 'node_modules', '@typestep'), { recursive: true });
  for (const name of ['dsl', 'ts-plugin']) symlinkSync(join(root, 'packages', name), join(dir, 'node_modules', '@typestep', name), 'dir');
  const child = spawn(process.execPath, [tsc, '--lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'ignore'] });
  try {
    let buffer = Buffer.alloc(0);
    let id = 0;
    const waiting = new Map<number, (result: unknown) => void>();
    const send = (message: object) => {
      const json = JSON.stringify({ jsonrpc: '2.0', ...message });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1]);
        if (buffer.length < header + 4 + length) return;
        const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8'));
        buffer = buffer.subarray(header + 4 + length);
        if (message.method && message.id !== undefined) send({ id: message.id, result: null }); // the server's own requests (configuration…)
        else if (message.id !== undefined) waiting.get(message.id)?.(message.result);
      }
    });
    const request = (method: string, params: object) => new Promise<any>((resolve, reject) => {
      // A guard against a hang, not a timing assertion.
      const timer = setTimeout(() => reject(new Error(`tsc --lsp did not answer ${method}`)), 60_000);
      waiting.set(++id, (result) => (clearTimeout(timer), resolve(result)));
      send({ id, method, params });
    });
    const uri = `file://${file}`;
    const init = await request('initialize', { processId: process.pid, rootUri: `file://${dir}`, capabilities: { textDocument: { diagnostic: {} } } });
    assert.match(init.serverInfo.version, /^7\./);
    send({ method: 'initialized', params: {} });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'typescript', version: 1, text } } });
    const report = await request('textDocument/diagnostic', { textDocument: { uri } });
    const diagnostics = report.items as LspDiagnostic[];
    assert.ok(diagnostics.some((d) => d.code === 2322), JSON.stringify(diagnostics));
    assert.equal(diagnostics.filter((d) => d.source === 'typestep' || /expression_loose_equality/.test(d.message)), []);
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

s.run();
