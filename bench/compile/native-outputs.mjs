// Child process (run with `node --import tsx`): runs each typestep workflow natively with
// @typestep/dsl's `run()` and the same handlers, and prints the outputs as one JSON line.
// This is the reference both compiled machines are held to.

import { pathToFileURL } from 'node:url';
import { pairs } from './workflows/cases.mjs';

const results = {};
for (const pair of pairs) {
  const module = await import(pathToFileURL(pair.typestep.file).href);
  const wf = Object.values(module).find((value) => value?.workflowName === pair.typestep.workflow);
  results[pair.id] = [];
  for (const { input } of pair.inputs) {
    if (!wf) {
      results[pair.id].push({ status: 'ERROR', error: `no workflow ${pair.typestep.workflow} exported` });
      continue;
    }
    try {
      results[pair.id].push({ status: 'SUCCEEDED', output: await wf.run(input, { handlers: pair.handlers.typestep }) });
    } catch (error) {
      results[pair.id].push({ status: 'FAILED', error: error.name, cause: error.message });
    }
  }
}
process.stdout.write(`NATIVE_RESULT ${JSON.stringify(results)}\n`);
