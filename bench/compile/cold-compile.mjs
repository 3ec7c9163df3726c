// Child process for the cold-compile timing: a fresh `node` that imports one compiler and compiles
// one workflow file, then exits. The parent measures the whole process's wall time; this child
// also reports its own split (import vs compile) on one `COLD_RESULT` line.
//
//   node bench/compile/cold-compile.mjs <typestep|ts2asl> <file> <expected workflow name>

import { performance } from 'node:perf_hooks';
import { tools } from './tools.mjs';

const [toolName, file, expected] = process.argv.slice(2);
const started = performance.now();
const tool = await tools[toolName].load();
const imported = performance.now();
const definitions = await tool.compileFiles([file]);
const compiled = performance.now();
if (!definitions.has(expected)) {
  throw new Error(`${toolName} compiled ${[...definitions.keys()].join(', ')} but not ${expected}`);
}
const timing = { importMs: imported - started, compileMs: compiled - imported };
process.stdout.write(`COLD_RESULT ${JSON.stringify(timing)}\n`);
