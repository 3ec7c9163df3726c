import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledWorkflowFolder, scratchFolder, typestep } from './support/cli-process.js';

const s = suite('typestep graph');

const workflow = `import { lambda, workflow } from '@typestep/dsl';
export const charge = lambda<{ amount: number }, { ok: boolean }>('\${ChargeArn}');
export const pay = workflow('Pay', async (input: { amount: number }) => {
  const { ok } = await charge({ amount: input.amount });
  return ok ? 'paid' : 'declined';
});
`;

s('the command: a TypeScript workflow is compiled and drawn with its lines; a definition with the .map.json beside it too', () => {
  const { scratch, definition: asl } = compiledWorkflowFolder('typestep-graph-', 'pay.ts', workflow, 'Pay');
  const fromSource = typestep('graph', scratch.file('again.ts', workflow), '--format', 'dot');
  assert.is(fromSource.code, 0, fromSource.stderr);
  assert.match(fromSource.stdout, /label="Charge\\n[^"]*again\.ts:4", shape=box, tooltip="[^"]*again\.ts:4"/);
  const fromAsl = typestep('graph', asl, '--format', 'svg');
  assert.is(fromAsl.code, 0, fromAsl.stderr);
  assert.match(fromAsl.stdout, /<title>Charge \(Task\) at [^<]*pay\.ts:4<\/title>/);
  const bad = typestep('graph', scratchFolder('typestep-graph-bad-').file('x.json', '{"a":1}'));
  assert.is(bad.code, 2);
  assert.match(bad.stderr, 'is not an ASL definition');
});

s('--format outline: plain text, a line per state with its TypeScript line, Choice rules under the Choice', () => {
  const branching = workflow.replace("return ok ? 'paid' : 'declined';", "if (!ok) throw new Error('declined');\n  return 'paid';");
  const { definition: asl } = compiledWorkflowFolder('typestep-graph-outline-', 'pay.ts', branching, 'Pay');
  const outline = typestep('graph', asl, '--format', 'outline');
  assert.is(outline.code, 0, outline.stderr);
  const lines = outline.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^start → \S/);
  assert.ok(lines.some((line) => /^Charge\s+Task\s+→ .+pay\.ts:4$/.test(line)), outline.stdout);
  assert.ok(lines.some((line) => /^\s+when .+ → /.test(line)), outline.stdout);
  assert.ok(lines.some((line) => /^\s+otherwise → /.test(line)), outline.stdout);
  assert.not.match(outline.stdout, /\x1b\[/);
});

s.run();
