// `typestep inspect`: a recorded history (GetExecutionHistory's shape, an array, or `typestep run --history`'s lines)
// traced as a local run is, with the compiled workflow's TypeScript lines, and drawn as the report page.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bin, compiledWorkflowFolder, typestep, typestepWithStdin } from './support/cli-process.js';

const source = `import { lambda, workflow } from '@typestep/dsl';
export const reserve = lambda<{ sku: string }, { ok: boolean }>('\${ReserveArn}');
export const charge = lambda<{ amount: number }, { id: string }>('\${ChargeArn}');
export const order = workflow('Order', async (input: { sku: string; amount: number }) => {
  const { ok } = await reserve({ sku: input.sku });
  if (!ok) return 'sold out';
  const { id } = await charge({ amount: input.amount });
  return id;
});
`;
const { scratch, definition, compiled } = compiledWorkflowFolder('typestep-inspect-', 'order.ts', source, 'Order');
const handlers = scratch.file(
  'handlers.mjs',
  "export default { '${ReserveArn}': () => ({ ok: true }), '${ChargeArn}': ({ amount }) => { if (amount > 100) throw Object.assign(new Error('card declined'), { name: 'Declined' }); return { id: 'ch_1' }; } };",
);

/** `typestep run … --history` of the order: its history as one event per line (the lines before the status). */
function recordedRun(amount: number): { lines: string; events: Array<Record<string, unknown>> } {
  const run = typestep('run', definition, '--input', JSON.stringify({ sku: 'A-1', amount }), '--handlers', handlers, '--history');
  const lines = run.stdout.split('\n').filter((line) => line.startsWith('{"id"'));
  return { lines: `${run.stdout}`, events: lines.map((line) => JSON.parse(line)) };
}

/** The history as `aws stepfunctions get-execution-history --reverse-order` prints it: `{ events }`, newest first, `+00:00` times. */
function awsShaped(events: Array<Record<string, unknown>>): string {
  const aws = [...events].reverse().map((event) => ({ ...event, timestamp: String(event.timestamp).replace(/\.(\d{3})Z$/, '.$1000+00:00') }));
  return JSON.stringify({ events: aws }, null, 4);
}

const s = suite('typestep inspect');

s('a failed run recorded as GetExecutionHistory prints: its trace with TypeScript lines, the failure frame, FAILED', () => {
  assert.is(compiled.code, 0, compiled.stderr);
  const { events } = recordedRun(500);
  const history = scratch.file('aws-history.json', awsShaped(events));
  const inspected = typestep('inspect', definition, '--history', history);
  assert.is(inspected.code, 0, inspected.stderr);
  const lines = inspected.stdout.trimEnd().split('\n');
  assert.ok(lines.some((line) => /^✓ .*Task\s+Reserve\s+.*order\.ts:5$/.test(line)), inspected.stdout);
  assert.ok(lines.some((line) => /^✗ .*Task\s+Charge\s+.*Declined.*order\.ts:7$/.test(line)), inspected.stdout);
  assert.match(inspected.stdout, /the failure began in 'Charge', .*order\.ts:7:\d+:\n(.*\n)*> +7 \|   const \{ id \} = await charge/);
  assert.match(lines.at(-1)!, /^FAILED: Declined \(.*card declined.*\) \(\d+ history events, [\d.]+ s\)$/);
});

s('the same run from `typestep run --history` lines, from an array, and with epoch-second times: the same output', () => {
  const { lines, events } = recordedRun(500);
  const outputs = [
    typestep('inspect', definition, '--history', scratch.file('aws.json', awsShaped(events))).stdout,
    typestep('inspect', definition, '--history', scratch.file('run-lines.txt', lines)).stdout,
    typestep('inspect', definition, '--history', scratch.file('array.json', JSON.stringify(events))).stdout,
    typestepWithStdin(JSON.stringify({ events: events.map((event) => ({ ...event, timestamp: Date.parse(String(event.timestamp)) / 1000 })) }), 'inspect', definition, '--history', '-').stdout,
  ];
  assert.ok(outputs[0]!.includes('FAILED'), outputs[0]);
  for (const output of outputs.slice(1)) assert.is(output, outputs[0]);
});

s('a succeeded run, and one still running (its history cut short): the last line says which', () => {
  const { events } = recordedRun(20);
  const done = typestep('inspect', definition, '--history', scratch.file('ok.json', JSON.stringify({ events })));
  assert.is(done.code, 0, done.stderr);
  assert.match(done.stdout.trimEnd().split('\n').at(-1)!, /^SUCCEEDED \(\d+ history events/);
  const cut = events.slice(0, 4);
  const running = typestep('inspect', definition, '--history', scratch.file('running.json', JSON.stringify({ events: cut })));
  assert.is(running.code, 0, running.stderr);
  assert.match(running.stdout, new RegExp(`RUNNING: the history ends at event 4, ${String(cut[3]!.type)}`));
});

s('--report writes the execution page from the recorded history', () => {
  const { events } = recordedRun(500);
  const page = join(scratch.dir, 'recorded.html');
  const inspected = typestep('inspect', definition, '--history', scratch.file('for-report.json', awsShaped(events)), '--report', page);
  assert.is(inspected.code, 0, inspected.stderr);
  assert.match(inspected.stderr, `report: ${page}`);
  assert.ok(existsSync(page));
  const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(readFileSync(page, 'utf8'))![1]!);
  assert.is(data.states.Charge.outcome, 'failed');
  assert.is(data.states.Reserve.outcome, 'succeeded');
});

s('histories that cannot be read: a usage error that says what is wrong, with where', () => {
  const { events } = recordedRun(20);
  const cases: Array<[string, string | RegExp]> = [
    ['{ "events": [ { "id": 1, ', /is not valid JSON: .*line 1/],
    ['{ "items": [] }', 'has no "events" array'],
    [JSON.stringify({ events: events.slice(2) }), 'does not start with ExecutionStarted'],
    [JSON.stringify({ events: [{ ...events[0], timestamp: 'yesterday' }] }), 'event 1 (id 1) has no readable "timestamp"'],
    [JSON.stringify([{ type: 'ExecutionStarted' }]), 'event 1 has no numeric "id"'],
    ['', 'is empty or not JSON'],
  ];
  for (const [text, message] of cases) {
    const file = scratch.file('bad-history.json', text);
    const inspected = typestep('inspect', definition, '--history', file);
    assert.is(inspected.code, 2, `${text}: ${inspected.stdout}`);
    assert.match(inspected.stderr, message);
    assert.is(inspected.stderr.trim().split('\n').length, 1, inspected.stderr);
  }
  writeFileSync(join(scratch.dir, 'not-asl.json'), '{"a":1}');
  assert.match(typestep('inspect', join(scratch.dir, 'not-asl.json'), '--history', scratch.file('h.json', JSON.stringify({ events }))).stderr, 'is not an ASL definition');
});

s('`typestep run … --history | typestep inspect … --history -`: the history read whole from the pipe (it was EAGAIN)', () => {
  const input = JSON.stringify({ sku: 'A-1', amount: 500 });
  const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
  const typestepCommand = (...args: string[]) => [process.execPath, bin, ...args].map(quote).join(' ');
  const pipeline = `${typestepCommand('run', definition, '--input', input, '--handlers', handlers, '--history')} 2>/dev/null | ${typestepCommand('inspect', definition, '--history', '-')}`;
  const result = spawnSync('sh', ['-c', pipeline], { encoding: 'utf8' });
  assert.is(result.status, 0, result.stderr);
  assert.match(result.stdout, /FAILED: Declined/);
});

s('the definition as describe-state-machine gives it (JSON text in "definition"): read in its place, by inspect and graph', () => {
  const { events } = recordedRun(500);
  const history = scratch.file('described-history.json', awsShaped(events));
  const described = scratch.file('described.json', JSON.stringify({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Order', name: 'Order', definition: readFileSync(definition, 'utf8'), roleArn: 'arn:aws:iam::123456789012:role/r' }));
  const plain = typestep('inspect', definition, '--history', history);
  const fromDescribed = typestep('inspect', described, '--history', history, '--source-map', definition.replace(/\.asl\.json$/, '.map.json'));
  assert.is(fromDescribed.code, 0, fromDescribed.stderr);
  assert.is(fromDescribed.stdout, plain.stdout);
  const outline = typestep('graph', described, '--format', 'outline');
  assert.is(outline.code, 0, outline.stderr);
  assert.match(outline.stdout, /^Charge\s+Task\s+→/m);
  const broken = typestep('graph', scratch.file('described-broken.json', JSON.stringify({ name: 'Order', definition: '{"StartAt": "A", "States": {' })), '--format', 'outline');
  assert.is(broken.code, 2);
  assert.match(broken.stderr, /the "definition" text in .*described-broken\.json is not valid JSON: .*line 1/);
});

s.run();
