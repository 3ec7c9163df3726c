// Writes a "project" of N workflow files per tool: variations of the four pairs, each with its own
// workflow name and its own task names (and so its own Lambda ARNs), cycling through the pairs.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pairs } from './workflows/cases.mjs';
import { sourceFileFor, workflowNameFor } from './tools.mjs';

/** Task declarations in either style: `const x = lambda<…>(…)` / `export const x = asl.deploy.asLambda(…)`. */
const TASK_DECLARATION = /const (\w+) = (?:lambda<|asl\.deploy\.asLambda\()/g;

/**
 * @param {'typestep' | 'ts2asl'} toolName
 * @param {string} dir emptied first
 * @param {number} count
 * @param {import('./workflows/cases.mjs').WorkflowPair[]} [fromPairs] the pairs to vary (default: all)
 * @returns {string[]} the files written
 */
export function generateProject(toolName, dir, count, fromPairs = pairs) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let index = 0; index < count; index += 1) {
    const pair = fromPairs[index % fromPairs.length];
    const suffix = String(index).padStart(2, '0');
    const source = readFileSync(sourceFileFor(toolName, pair), 'utf8');
    const file = join(dir, `${pair.id}-${suffix}.ts`);
    writeFileSync(file, vary(source, workflowNameFor(toolName, pair), suffix));
    files.push(file);
  }
  return files;
}

/** Renames the workflow and every task (declaration, calls, ARN) with a suffix. */
function vary(source, workflowName, suffix) {
  const names = [workflowName, ...[...source.matchAll(TASK_DECLARATION)].map((match) => match[1])];
  let varied = source;
  for (const name of names) varied = varied.replace(new RegExp(`\\b${name}\\b`, 'g'), `${name}${suffix}`);
  return varied;
}
