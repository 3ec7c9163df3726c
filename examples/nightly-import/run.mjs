// Compiles workflow.ts and runs the import locally: the folder ./s3 stands in for the bucket, the
// NotifyOwners workflow is registered as the child machine, handlers.mjs stands in for AWS.
//   node examples/nightly-import/run.mjs [--mock-config examples/nightly-import/mock-config.json --test-case GlueJobFails]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from '@typestep/compiler';
import { StateMachine } from '@typestep/runtime';
import handlers from './handlers.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const { workflows, diagnostics } = await compile({ files: [here('workflow.ts')] });
if (diagnostics.length > 0) throw new Error(diagnostics.map(String).join('\n'));
const compiled = Object.fromEntries(workflows.map((w) => [w.name, w]));

const s3 = { root: here('s3') };
const notifyOwners = new StateMachine(compiled.NotifyOwners.definition, { name: 'NotifyOwners', schema: compiled.NotifyOwners.schema, handlers });
const machine = new StateMachine(compiled.NightlyImport.definition, {
  name: 'NightlyImport',
  schema: compiled.NightlyImport.schema,
  handlers,
  s3,
  stateMachines: { '${NotifyOwnersStateMachineArn}': notifyOwners },
  mocks: option('--mock-config') ? { config: readFileSync(option('--mock-config'), 'utf8'), testCase: option('--test-case') } : undefined,
});

const execution = machine.start({ date: '2026-11-24' });
const result = await execution.result;
console.log(JSON.stringify(result, null, 2));
const elapsed = (execution.history.at(-1).timestamp - execution.history[0].timestamp) / 1000;
console.log(`${execution.history.length} history events, ${elapsed} s of workflow time on the virtual clock`);
process.exitCode = result.status === 'SUCCEEDED' ? 0 : 1;
