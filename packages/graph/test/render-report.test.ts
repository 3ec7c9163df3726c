import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, type HandlerMap } from '@typestep/runtime';
import { PAYLOAD_LIMIT, renderExecutionReport, type ExecutionReportInput } from '../src/index.js';

async function report(definition: object, handlers: HandlerMap, input: unknown, extra: Partial<ExecutionReportInput> = {}): Promise<string> {
  const execution = new StateMachine(definition, { handlers, maxHistoryEvents: Infinity }).start(input);
  await execution.result;
  return renderExecutionReport({ definition, history: execution.history, ...extra });
}

/** The JSON the page embeds for its script. */
function embedded(html: string): { nodes: Record<string, string>; states: Record<string, { outcome: string; source?: { lines?: Array<{ text: string }> } }> } {
  return JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!);
}

const s = suite('renderExecutionReport');

const charge = {
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:charge', Catch: [{ ErrorEquals: ['Declined'], Next: 'Declined' }], Next: 'Done' },
    Done: { Type: 'Succeed' },
    Declined: { Type: 'Fail', Error: 'PaymentDeclined', Cause: 'card declined' },
  },
};

s('one self-contained page: status, legend, coloured states, event rows, the TypeScript line with its code frame', async () => {
  const html = await report(
    charge,
    { Charge: async () => Promise.reject(Object.assign(new Error('no funds'), { name: 'Declined' })) },
    { amount: 5 },
    { sourceMap: { Charge: { file: 'src/pay.ts', line: 3, column: 9 } }, sources: { 'src/pay.ts': 'line 1\nline 2\nconst ok = await charge(input);\nline 4\n' }, title: 'Pay' },
  );
  assert.match(html, /^<!doctype html>/);
  // Nothing is fetched: no src/href attributes pointing anywhere, no imports.
  assert.not.match(html, /\b(src|href)=/);
  assert.not.match(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  assert.match(html, '<header id="status" class="status-FAILED">');
  assert.match(html, '<code>PaymentDeclined</code>');
  const data = embedded(html);
  const outcomeOf = (name: string) => data.states[name]!.outcome;
  assert.equal([outcomeOf('Charge'), outcomeOf('Declined'), outcomeOf('Done')], ['caught', 'failed', 'not-reached']);
  const nodeOf = (name: string) => Object.keys(data.nodes).find((id) => data.nodes[id] === name)!;
  assert.match(html, new RegExp(`<g id="${nodeOf('Declined')}" class="node outcome-failed">`));
  assert.match(html, new RegExp(`<g id="${nodeOf('Done')}" class="node outcome-not-reached">`));
  assert.match(html, /<li class="outcome-caught"><span class="swatch"><\/span>caught \(1\)<\/li>/);
  assert.match(html, /<tr data-event="2" data-state="Charge"><td>2<\/td><td>TaskStateEntered<\/td>/);
  assert.equal(data.states.Charge!.source!.lines!.map((line) => line.text), ['line 1', 'line 2', 'const ok = await charge(input);', 'line 4', '']);
});

s('state names, payloads and errors are escaped: nothing from the run becomes markup', async () => {
  const evil = '<img src=x onerror="alert(1)">';
  const definition = {
    StartAt: evil,
    States: {
      [evil]: { Type: 'Pass', Result: { note: '</script><script>alert(2)</script>', [evil]: 1 }, Next: "'><svg onload=alert(3)>" },
      "'><svg onload=alert(3)>": { Type: 'Fail', Error: '<b>Boom</b>', Cause: '<iframe src="javascript:alert(4)">' },
    },
  };
  const html = await report(definition, {}, { '</textarea><script>': '&amp;' }, { title: '<title>x' });
  for (const raw of ['<img src=x', '<script>alert', '<svg onload', '<b>Boom', '<iframe', '</textarea><script>', '<title>x']) {
    assert.not.ok(html.includes(raw), `the page holds ${raw} unescaped`);
  }
  assert.match(html, '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  // Exactly the two script elements of the page.
  assert.is(html.match(/<script\b/g)!.length, 2);
  // The embedded data still reads back to the names, for the panel's textContent.
  const data = embedded(html);
  assert.equal(Object.keys(data.states).sort(), [evil, "'><svg onload=alert(3)>"].sort());
  assert.is(data.states[evil]!.outcome, 'succeeded');
});

s('size stays bounded: a 10,000-iteration Map with 1 KB outputs, and one 200 KB output', async () => {
  const items = Array.from({ length: 10_000 }, (_, index) => index);
  const html = await report(
    {
      StartAt: 'Each',
      States: {
        Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Pass', Result: { padding: 'x'.repeat(1000) }, End: true } } }, ResultPath: null, Next: 'Big' },
        Big: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:big', End: true },
      },
    },
    { Big: async () => ({ blob: 'y'.repeat(200_000) }) },
    { items },
  );
  // The history holds over 10 MB of payloads; the page keeps counts, a few visits and cut payloads.
  assert.ok(html.length < 2_000_000, `the page is ${html.length} characters`);
  const data = embedded(html) as unknown as { states: Record<string, { visits: number; detailed: Array<{ output?: { text: string; length: number } }> }> };
  assert.equal([data.states.Work!.visits, data.states.Work!.detailed.length], [10_000, 5]);
  const output = data.states.Big!.detailed[0]!.output!;
  assert.equal([output.text.length, output.length], [PAYLOAD_LIMIT, '{"blob":""}'.length + 200_000]);
  assert.match(html, /… \d+ events not shown …/);
  assert.match(html, /cut at 65536 of 200011 characters/);
});

s.run();
