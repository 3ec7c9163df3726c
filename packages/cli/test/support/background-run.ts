import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { bin } from './cli-process.js';

/** Starts `typestep run …` in the background; resolves with its exit code and output. */
export function runInBackground(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

export async function waitForLines(path: string, count: number): Promise<Array<Record<string, any>>> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (existsSync(path)) {
      const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
      if (lines.length >= count) return lines.map((line) => JSON.parse(line));
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${path} never had ${count} line(s)`);
}
