// `xs.indexOf(x)` / `xs.includes(x)` where x is the for…of item over the very same xs: the round's index / true.
// Every other indexOf of an object compares references and stays `expression_reference_equality`.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { agreeRun, runDiagnosticsOf } from './agree.js';

const s = suite('expressions: indexOf of the for…of item');
const inputs = { rows: '{ id: string; tags: string[] }[]', order: '{ lines: { sku: string }[] }' };
// Equal items (by value) are distinct objects natively: each round still answers its own index.
const values = [
  { rows: [], order: { lines: [] } },
  { rows: [{ id: 'a', tags: [] }, { id: 'a', tags: [] }, { id: 'b', tags: ['x'] }], order: { lines: [{ sku: 's' }, { sku: 's' }] } },
];

s('the round index, in await-free loops', async () => {
  await agreeRun(inputs, 'const seen: number[] = []; for (const row of rows) { if (rows.includes(row)) seen.push(rows.indexOf(row) * 10 + row.tags.length); }', ['seen'], values);
  await agreeRun(inputs, 'const at: string[] = []; for (const line of order.lines) at.push(`${line.sku}@${order.lines.indexOf(line)}`);', ['at'], values);
  await agreeRun(inputs, 'let last = -1; for (const row of rows) { for (const tag of row.tags) last = row.tags.indexOf(tag) + rows.indexOf(row); }', ['last'], values);
  await agreeRun(inputs, 'const SCHEDULE = [{ days: 3 }, { days: 7 }, { days: 3 }] as const; let total = 0; for (const step of SCHEDULE) total += SCHEDULE.indexOf(step) * step.days;', ['total'], values);
});

s('anything else compares references: a diagnostic', () => {
  for (const body of [
    // not the loop's item, or another array
    'let n = 0; for (const row of rows) n += rows.indexOf(rows[0]);',
    'let n = 0; for (const row of rows) n += [...rows].indexOf(row);',
    'let n = 0; for (const line of order.lines) n += rows.indexOf(line as never);',
    // inside a function that may run after the round
    'let n = 0; for (const row of rows) n += [1].map(() => rows.indexOf(row))[0];',
    // the array changes in the loop
    'let n = 0; let list = rows; for (const row of list) { list = []; n += list.indexOf(row); }',
    'let n = 0; for (const row of rows) { rows.push(row); n += rows.indexOf(row); }',
    // an array that may hold one object twice
    'const shared = { id: "s", tags: [] }; const twice = [shared, shared]; let n = 0; for (const row of twice) n += twice.indexOf(row);',
    'let n = 0; const copy = rows.map((r) => r); for (const row of copy) n += copy.indexOf(row);',
    // a `let` item, which the loop may reassign
    'let n = 0; for (let row of rows) { n += rows.indexOf(row); }',
  ]) {
    assert.ok(runDiagnosticsOf(inputs, body, ['n']).some((d) => d.code === 'expression_reference_equality'), body);
  }
});

s.run();
