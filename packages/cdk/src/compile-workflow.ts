import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowSchemaDocument } from '@typestep/compiler';

/** One workflow of a file, compiled: what the construct needs of `compile()`'s result. */
export interface CompiledWorkflowSummary {
  name: string;
  type: 'STANDARD' | 'EXPRESS';
  definition: Record<string, unknown>;
  schema: WorkflowSchemaDocument;
}

interface WorkerAnswer {
  workflows?: CompiledWorkflowSummary[];
  diagnostics?: string[];
  error?: string;
}

// `../dist/` from src/ (tests through tsx) and from dist/ alike: the worker always runs compiled.
const workerScript = fileURLToPath(new URL('../dist/compile-worker.js', import.meta.url));
// One compile per file and tsconfig in a synth, however many machines come from that file.
const cache = new Map<string, CompiledWorkflowSummary[]>();

/**
 * Compiles the workflows of one TypeScript file synchronously (in a child
 * process) and returns them; throws with every diagnostic when the file has
 * any. Relative paths are taken from the current directory, as the CDK CLI
 * runs the app from the folder of `cdk.json`.
 */
export function compileWorkflowFile(file: string, tsconfig?: string): CompiledWorkflowSummary[] {
  const path = resolve(file);
  const key = `${path}\0${tsconfig ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (!existsSync(path)) throw new Error(`typestep: the workflow file ${path} does not exist`);
  const args = tsconfig ? [workerScript, path, resolve(tsconfig)] : [workerScript, path];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const answer = parseAnswer(run.stdout);
  if (!answer) {
    const reason = run.error?.message ?? (run.stderr.trim() || `exit code ${run.status}`);
    throw new Error(`typestep: compiling ${path} failed: ${reason}`);
  }
  if (answer.error) throw new Error(`typestep: cannot compile ${path}: ${answer.error}`);
  if (answer.diagnostics && answer.diagnostics.length > 0) {
    throw new Error(`typestep: ${path} does not compile (${answer.diagnostics.length} diagnostic(s)):\n${answer.diagnostics.join('\n')}`);
  }
  const workflows = answer.workflows ?? [];
  cache.set(key, workflows);
  return workflows;
}

function parseAnswer(stdout: string | undefined): WorkerAnswer | undefined {
  const line = stdout?.trim().split('\n').pop();
  if (!line) return undefined;
  try {
    return JSON.parse(line) as WorkerAnswer;
  } catch {
    return undefined;
  }
}
