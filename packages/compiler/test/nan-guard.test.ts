import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../src/index.js';
import { runCompiled } from './differential-run.js';

const s = suite('NaN where the compiler does not follow it');
const dir = new URL('./nan/', import.meta.url).pathname;

s('a value that may be NaN and may be null is reported', async () => {
  const { workflows, diagnostics } = await compile({ files: [join(dir, 'nan-or-null.ts')] });
  assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.code === 'expression_nan_or_null'), diagnostics.map(String).join('\n'));
  assert.equal(workflows, []);
});

s('a NaN stored in an array fails the evaluation with its cause; numbers pass', async () => {
  const { workflows, diagnostics } = await compile({ files: [join(dir, 'store-numbers.ts')] });
  assert.equal(diagnostics.map(String), []);
  const ok = await runCompiled(workflows[0]!, workflows, { input: { values: ['1', ' 2', '0x10'] }, handlers: () => ({}) });
  assert.equal(ok, { status: 'SUCCEEDED', output: { parsed: [1, 2, 16] } });
  const nan = await runCompiled(workflows[0]!, workflows, { input: { values: ['1', 'ten'] }, handlers: () => ({}) });
  assert.is(nan.status, 'FAILED');
  assert.ok(nan.status === 'FAILED' && nan.error === 'States.QueryEvaluationError' && nan.cause?.includes('is NaN here'), JSON.stringify(nan));
});

s('array items read where the analysis does not follow them (`join`) are checked where they are made', async () => {
  const { workflows, diagnostics } = await compile({ files: [join(dir, 'items-joined.ts')] });
  assert.equal(diagnostics.map(String), []);
  const ok = await runCompiled(workflows[0]!, workflows, { input: { values: ['1', '-2'] }, handlers: () => ({}) });
  assert.equal(ok, { status: 'SUCCEEDED', output: { joined: '1,-2', positive: [1] } });
  const nan = await runCompiled(workflows[0]!, workflows, { input: { values: ['1', 'ten'] }, handlers: () => ({}) });
  assert.ok(nan.status === 'FAILED' && nan.error === 'States.QueryEvaluationError' && nan.cause?.includes('is NaN here'), JSON.stringify(nan));
});

s('a file that reads a field under a computed key checks NaN where fields are written', async () => {
  const { workflows, diagnostics } = await compile({ files: [join(dir, 'fields-read-by-key.ts')] });
  assert.equal(diagnostics.map(String), []);
  const ok = await runCompiled(workflows[0]!, workflows, { input: { cost: '2.5', key: 'cost' }, handlers: () => ({}) });
  assert.equal(ok, { status: 'SUCCEEDED', output: { picked: 2.5, cost: true } });
  const nan = await runCompiled(workflows[0]!, workflows, { input: { cost: 'n/a', key: 'qty' }, handlers: () => ({}) });
  assert.ok(nan.status === 'FAILED' && nan.error === 'States.QueryEvaluationError' && nan.cause?.includes('is NaN here'), JSON.stringify(nan));
});

s.run();
