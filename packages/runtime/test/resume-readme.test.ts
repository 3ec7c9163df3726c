// The README's "Resuming and redriving" examples are real: each ```ts block runs here as written,
// with '@typestep/runtime' pointing at this package's built output.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Resuming and redriving'), readme.indexOf('## Limits that end every execution'));
const blocks = [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(([, code]) => code!);
const runtime = new URL('../dist/index.js', import.meta.url).href;

/** Runs a README block as a module of its own and returns its exports. */
function runBlock(code: string, prelude = ''): Promise<Record<string, unknown>> {
  const source = prelude + code.replaceAll("'@typestep/runtime'", `'${runtime}'`);
  return import(`data:text/javascript,${encodeURIComponent(source)}`);
}

const s = suite('README: resuming and redriving');

s('the resume example resumes after a "crash" with the token seen before it', async () => {
  const { result, chargeCalls } = await runBlock(blocks[0]!);
  assert.equal(result, { status: 'SUCCEEDED', output: { approved: true } });
  assert.is(chargeCalls, 1);
});

s('the redrive example runs the failed state again', async () => {
  // The block reuses `definition` and `handlers` from the text around it: here, a Task that fails once.
  const prelude = `
    import { StateMachine } from '${runtime}';
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, ResultPath: '$.a', Next: 'B' }, B: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:b', End: true } } };
    let calls = 0;
    const handlers = { B: (input) => { if (++calls === 1) throw Object.assign(new Error('down'), { name: 'Unavailable' }); return input; } };
    const input = { order: 1 };
    export const outcome = () => ({ calls, failed: failed.history.length, result: redriven.result });
  `;
  const block = blocks[1]!.replace("import { StateMachine } from '@typestep/runtime';\n", '');
  const { outcome } = await runBlock(block, prelude);
  const { calls, result } = (outcome as () => { calls: number; result: Promise<unknown> })();
  assert.equal(await result, { status: 'SUCCEEDED', output: { order: 1, a: 1 } });
  assert.is(calls, 2);
});

s.run();
