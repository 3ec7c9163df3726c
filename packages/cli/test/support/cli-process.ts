import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// CLI tests run the built command (`npm test` builds first), as a user would.
export const bin = fileURLToPath(new URL('../../bin/typestep.js', import.meta.url));

/** A fresh temporary folder and a writer of files into it (objects are written as JSON). */
export function scratchFolder(prefix: string): { dir: string; file: (name: string, content: unknown) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  return { dir, file };
}

/** A scratch folder whose TypeScript files can import '@typestep/dsl' (linked to this workspace's package). */
export function workflowFolder(prefix: string): ReturnType<typeof scratchFolder> {
  const scratch = scratchFolder(prefix);
  mkdirSync(join(scratch.dir, 'node_modules', '@typestep'), { recursive: true });
  symlinkSync(fileURLToPath(new URL('../../../dsl', import.meta.url)), join(scratch.dir, 'node_modules', '@typestep', 'dsl'));
  return scratch;
}

/**
 * A workflow written to a scratch folder and compiled there with `typestep compile --out build`:
 * the compile's result, the source and `.asl.json` files, and the folder (to add handlers).
 */
export function compiledWorkflowFolder(prefix: string, file: string, source: string, workflowName: string) {
  const scratch = workflowFolder(prefix);
  const out = join(scratch.dir, 'build');
  const workflowFile = scratch.file(file, source);
  const compiled = typestep('compile', workflowFile, '--out', out);
  return { scratch, workflowFile, out, compiled, definition: join(out, `${workflowName}.asl.json`) };
}

/** Only a guard against a hang: a run that takes this long has hung (`code` is then null). */
const HANG_GUARD_MS = 120_000;

/** Runs `typestep …args` to completion. */
export function typestep(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return typestepWithStdin('', ...args);
}

/** Runs `typestep …args` to completion with `stdin` as its standard input. */
export function typestepWithStdin(stdin: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return typestepIn({ stdin }, ...args);
}

/** Runs `typestep …args` to completion with `stdin` and these environment variables added to the test's own. */
export function typestepIn(options: { stdin?: string; env?: Record<string, string> }, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, ...options.env };
  const out = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: HANG_GUARD_MS, input: options.stdin ?? '', env });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}
