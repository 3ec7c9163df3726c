import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledWorkflowFolder, scratchFolder, typestep } from './support/cli-process.js';

/** The JSON the report page embeds for its script. */
function reportData(file: string): { states: Record<string, { outcome: string; source?: { file: string; line: number; lines?: Array<{ number: number; text: string }> } }> } {
  const html = readFileSync(file, 'utf8');
  return JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!);
}

const s = suite('typestep run --report');

const asl = {
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:charge', Retry: [{ ErrorEquals: ['Busy'], MaxAttempts: 2 }], Catch: [{ ErrorEquals: ['Declined'], Next: 'Refused' }], Next: 'Done' },
    Done: { Type: 'Succeed' },
    Refused: { Type: 'Fail', Error: 'Refused' },
  },
};
const scratch = scratchFolder('typestep-report-');
const definition = scratch.file('charge.asl.json', asl);
const handlers = scratch.file(
  'handlers.mjs',
  `let calls = 0;
export default { Charge: ({ amount }) => { calls += 1; if (amount > 100) throw Object.assign(new Error('too much'), { name: 'Declined' }); if (calls === 1) throw Object.assign(new Error('later'), { name: 'Busy' }); return { charged: amount }; } };`,
);

s('hand-written ASL, a success: the page is written, said on stderr, and the run prints as before', () => {
  const file = join(scratch.dir, 'ok.html');
  const { code, stdout, stderr } = typestep('run', definition, '--input', '{"amount":5}', '--handlers', handlers, '--report', file);
  assert.is(code, 0, stderr);
  assert.match(stdout, /^SUCCEEDED\n/);
  assert.match(stderr, `report: ${file}\n`);
  const states = reportData(file).states;
  assert.equal([states.Charge!.outcome, states.Done!.outcome, states.Refused!.outcome], ['retried', 'succeeded', 'not-reached']);
});

s('a failure, with --trace and --json: the page shows where it failed', () => {
  const file = join(scratch.dir, 'failed.html');
  const { code, stdout, stderr } = typestep('run', definition, '--input', '{"amount":500}', '--handlers', handlers, '--report', file, '--trace', '--json');
  assert.is(code, 1, stderr);
  assert.is(JSON.parse(stdout).error, 'Refused');
  assert.match(stderr, /Charge[^\n]*caught Declined/);
  assert.match(stderr, `report: ${file}\n`);
  const states = reportData(file).states;
  assert.equal([states.Charge!.outcome, states.Refused!.outcome], ['caught', 'failed']);
  assert.match(readFileSync(file, 'utf8'), '<header id="status" class="status-FAILED">');
});

s('a compiled workflow: each state has its TypeScript line and a code frame from the source', () => {
  const source = `import { lambda, workflow } from '@typestep/dsl';
export const charge = lambda<{ amount: number }, { ok: boolean }>('\${ChargeArn}');
export const pay = workflow('Pay', async (input: { amount: number }) => {
  const { ok } = await charge({ amount: input.amount });
  return ok ? 'paid' : 'declined';
});
`;
  const compiled = compiledWorkflowFolder('typestep-report-compiled-', 'pay.ts', source, 'Pay');
  assert.is(compiled.compiled.code, 0, compiled.compiled.stderr);
  const payHandlers = compiled.scratch.file('handlers.mjs', 'export default { charge: () => ({ ok: true }) };');
  const file = join(compiled.scratch.dir, 'pay.html');
  const { code, stderr } = typestep('run', compiled.definition, '--input', '{"amount":3}', '--handlers', payHandlers, '--report', file);
  assert.is(code, 0, stderr);
  const charge = Object.values(reportData(file).states).find((state) => state.source?.line === 4)!;
  assert.ok(charge, 'a state on line 4');
  assert.match(charge.source!.file, /pay\.ts$/);
  assert.equal(charge.source!.lines!.find((line) => line.number === 4)!.text, '  const { ok } = await charge({ amount: input.amount });');
});

s('a report file that cannot be written, or `-`, is a usage error before the run', () => {
  const file = join(scratch.dir, 'no-such-folder', 'run.html');
  const { code, stdout, stderr } = typestep('run', definition, '--input', '{"amount":5}', '--handlers', handlers, '--report', file);
  assert.is(code, 2);
  assert.is(stdout, '');
  assert.match(stderr, `typestep run: cannot write the report ${file}: ENOENT`);
  assert.not.ok(existsSync(file));
  const toStdout = typestep('run', definition, '--input', '{"amount":5}', '--handlers', handlers, '--report', '-');
  assert.equal([toStdout.code, toStdout.stdout], [2, '']);
  assert.match(toStdout.stderr, 'typestep run: --report needs a file name');
});

s("the README's example: the hand-written order-fulfilment run as a report", () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const readme = readFileSync(join(root, 'packages/cli/README.md'), 'utf8');
  const command = readme.split('\n').find((line) => line.startsWith('typestep run examples/') && line.includes('--report run.html'));
  assert.ok(command, 'the README shows the --report example');
  const file = join(scratch.dir, 'example.html');
  const args = command!.split(' ').slice(1).map((arg) => (arg.startsWith('examples/') ? join(root, arg) : arg === 'run.html' ? file : arg));
  const { code, stdout, stderr } = typestep(...args);
  assert.is(code, 0, stderr);
  assert.match(stdout, /^SUCCEEDED\n/);
  assert.match(stderr, `report: ${file}\n`);
  const states = reportData(file).states;
  assert.is(states['Charge card']!.outcome, 'retried');
  assert.is(states['Pack line']!.outcome, 'succeeded');
});

s.run();
