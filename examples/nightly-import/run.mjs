// Runs the nightly import locally: the local S3 folder ./s3 stands in for the bucket, the
// notification workflow is registered as a child machine, handlers stand in for AWS.
//   node examples/nightly-import/run.mjs [--mock-config examples/nightly-import/mock-config.json --test-case GlueJobFails]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StateMachine } from '@typestep/runtime';
import handlers from './handlers.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const read = (file) => JSON.parse(readFileSync(here(file), 'utf8'));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const notifyOwners = new StateMachine(read('notify-owners.asl.json'), { name: 'notify-owners', handlers });
const machine = new StateMachine(read('nightly-import.asl.json'), {
  name: 'nightly-import',
  handlers,
  s3: { root: here('s3') },
  stateMachines: { '${NotifyOwnersStateMachineArn}': notifyOwners },
  mocks: option('--mock-config')
    ? { config: readFileSync(option('--mock-config'), 'utf8'), testCase: option('--test-case') }
    : undefined,
});

const execution = machine.start({ date: '2026-11-24' });
const result = await execution.result;
console.log(JSON.stringify(result, null, 2));
if (result.status === 'SUCCEEDED') {
  const summary = JSON.parse(machine.s3.getObjectText('imports', `results/2026-11-24/${manifestFolder(execution)}/SUCCEEDED_0.json`));
  const accepted = summary.reduce((sum, batch) => sum + batch.accepted, 0);
  const rejected = summary.flatMap((batch) => batch.rejected);
  console.log(`${summary.length} batches: ${accepted} accepted, ${rejected.length} rejected (${rejected.join(', ')})`);
}
const elapsed = (execution.history.at(-1).timestamp - execution.history[0].timestamp) / 1000;
console.log(`${execution.history.length} history events, ${elapsed} s of workflow time on the virtual clock`);
process.exitCode = result.status === 'SUCCEEDED' ? 0 : 1;

function manifestFolder(run) {
  const started = run.history.find((event) => event.type === 'MapRunStarted');
  return started.mapRunStartedEventDetails.mapRunArn.split(':').pop();
}
