// Each compiled definition (every fixture and bench/compile's typestep workflows) stays within the byte budget
// recorded in definition-sizes.json: a lowering that repeats JSONata (a whole block per variable, a value
// substituted into many readers) fails here. The bench workflows' budgets may never exceed what @ts2asl/convert
// writes for the same workflow. UPDATE_SIZE_BUDGETS=1 records the current sizes plus 5% (review the diff).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../src/index.js';

interface Budgets {
  /** Workflow name → the most bytes its definition (compact JSON, UTF-8) may take. */
  budgets: Record<string, number>;
  /** bench/compile's workflows → the size of @ts2asl/convert's definition of the same workflow (`npm run bench:compile`). */
  ts2asl: Record<string, number>;
}

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const bench = new URL('../../../bench/compile/workflows/typestep/', import.meta.url).pathname;
const budgetsFile = new URL('./definition-sizes.json', import.meta.url).pathname;
const update = process.env.UPDATE_SIZE_BUDGETS === '1';

const files = [
  ...readdirSync(fixtures).sort().filter((name) => !name.startsWith('error-') && existsSync(join(fixtures, name, 'input.ts'))).map((name) => join(fixtures, name, 'input.ts')),
  ...readdirSync(bench).sort().filter((name) => name.endsWith('.ts')).map((name) => join(bench, name)),
];

const s = suite('definition size');

s('every definition is within its budget, and the bench workflows within ts2asl’s size', async () => {
  const { workflows, diagnostics } = await compile({ files });
  assert.equal(diagnostics.map(String), [], 'no diagnostics');
  const recorded = JSON.parse(readFileSync(budgetsFile, 'utf8')) as Budgets;
  const sizes = Object.fromEntries(workflows.map((workflow) => [workflow.name, Buffer.byteLength(JSON.stringify(workflow.definition))]));
  if (update) {
    const budgets = Object.fromEntries(Object.entries(sizes).map(([name, bytes]) => [name, Math.min(Math.ceil((bytes * 1.05) / 10) * 10, recorded.ts2asl[name] ?? Infinity)]));
    writeFileSync(budgetsFile, `${JSON.stringify({ ...recorded, budgets }, null, 2)}\n`);
    recorded.budgets = budgets;
  }
  const over = Object.entries(sizes)
    .filter(([name, bytes]) => !(bytes <= (recorded.budgets[name] ?? -1)))
    .map(([name, bytes]) => `${name}: ${bytes} bytes, budget ${recorded.budgets[name] ?? 'none (UPDATE_SIZE_BUDGETS=1 records one)'}`);
  assert.equal(over, [], 'definitions over their budget');
  for (const [name, bytes] of Object.entries(recorded.ts2asl)) {
    assert.ok(name in sizes, `bench workflow ${name} compiled`);
    assert.ok(recorded.budgets[name]! <= bytes, `${name}: the budget (${recorded.budgets[name]}) exceeds ts2asl's ${bytes} bytes`);
  }
});

s.run();
