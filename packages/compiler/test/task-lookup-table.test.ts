// A call through a table of tasks with a key the table lacks, outside any `try`: natively `run` rejects with
// V8's TypeError (not a WorkflowError, so the fixture's differential cases cannot hold it); compiled, the
// execution fails with Error `TypeError` and the same message as Cause.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../src/index.js';
import { runCompiled } from './differential-run.js';
import { uncaught } from './fixtures/task-lookup-table/input.js';

const input = new URL('./fixtures/task-lookup-table/input.ts', import.meta.url).pathname;
const handlers = () => ({
  '${CancelFlightArn}': (i: { ref: string }) => ({ cancelled: `flight ${i.ref}` }),
  '${CancelHotelArn}': (i: { ref: string }) => ({ cancelled: `hotel ${i.ref}` }),
});

const s = suite('task lookup table');
// Both tests read one compile.
const compiled = compile({ files: [input] });

s('a key the table lacks fails the compiled execution with the TypeError natively thrown', async () => {
  const { workflows, diagnostics } = await compiled;
  assert.equal(diagnostics.map(String), []);
  const machine = workflows.find((w) => w.name === 'TaskLookupTableUncaught')!;
  const native = await uncaught.run({ kind: 'boat' as never }, { handlers: handlers() }).then(
    () => undefined,
    (error: Error) => ({ name: error.name, message: error.message }),
  );
  assert.equal(native, { name: 'TypeError', message: 'undo[input.kind] is not a function' });
  const viaAsl = await runCompiled(machine, workflows, { input: { kind: 'boat' }, handlers });
  assert.equal(viaAsl, { status: 'FAILED', error: native!.name, cause: native!.message });
});

s('a key the table has calls its entry, natively and compiled', async () => {
  const { workflows } = await compiled;
  const machine = workflows.find((w) => w.name === 'TaskLookupTableUncaught')!;
  const native = await uncaught.run({ kind: 'hotel' }, { handlers: handlers() });
  assert.equal(native, 'hotel r');
  assert.equal(await runCompiled(machine, workflows, { input: { kind: 'hotel' }, handlers }), { status: 'SUCCEEDED', output: native });
});

s.run();
