// Child process for the throughput timing: compiles a generated project of workflow files in one
// process, once untimed (warm-up: the compiler's modules and the JIT), then `runs` timed rounds.
// Each round compiles every file from scratch. Prints one `THROUGHPUT_RESULT` line.
//
//   node bench/compile/throughput.mjs <typestep|ts2asl> <project dir> <runs>

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tools } from './tools.mjs';

// This measures the compiler's work: the build cache would answer every compile after the first
// (it is timed apart, in the cold compiles of index.mjs).
process.env.TYPESTEP_NO_BUILD_CACHE = '1';

const [toolName, dir, runsText] = process.argv.slice(2);
const files = readdirSync(dir).filter((name) => name.endsWith('.ts')).sort().map((name) => join(dir, name));
const tool = await tools[toolName].load();

const warmup = await tool.compileFiles(files);
if (warmup.size !== files.length) {
  throw new Error(`${toolName}: ${files.length} files gave ${warmup.size} workflows`);
}
const roundsMs = [];
for (let round = 0; round < Number(runsText); round += 1) {
  const started = performance.now();
  const definitions = await tool.compileFiles(files);
  roundsMs.push(performance.now() - started);
  if (definitions.size !== files.length) throw new Error(`${toolName}: round ${round} lost workflows`);
}
process.stdout.write(`THROUGHPUT_RESULT ${JSON.stringify({ files: files.length, roundsMs })}\n`);
