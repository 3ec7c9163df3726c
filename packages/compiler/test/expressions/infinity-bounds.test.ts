// Infinity as a bound: comparisons with ±Infinity (directly, or as a branch of ??, ||, &&, ? :) are decided per
// branch; Math.min/max drop an infinity that cannot win; an infinity that would be a value stays a diagnostic.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { agree, diagnosticsOf, runDiagnosticsOf } from './agree.js';

const s = suite('expressions: Infinity as a bound');
const inputs = { x: 'number', a: 'number | null | undefined', c: 'boolean' };
const values = [
  { x: 3, a: 5, c: true }, { x: 3, a: undefined, c: false }, { x: 3, a: null, c: true }, { x: 7, a: 0, c: false },
  { x: -2, a: 2, c: true }, { x: 5, a: 5, c: false }, { x: 0, a: -0.5, c: true },
];

s('comparisons with an infinity, directly and through ??, ||, &&, ? :', async () => {
  for (const e of [
    'x < Infinity', 'x > Infinity', 'x <= -Infinity', 'x >= -Infinity', 'Infinity > x', '-Infinity >= x', 'x < +Infinity', '-Infinity < Infinity',
    'x < Number.POSITIVE_INFINITY', 'Number.NEGATIVE_INFINITY < x', 'x > -Number.POSITIVE_INFINITY',
    'x < (a ?? Infinity)', 'x <= (a ?? Infinity)', 'x >= (a ?? -Infinity)', '(a ?? Infinity) > x', '(a ?? Infinity) <= (a ?? -Infinity)',
    'x < (a || Infinity)', 'x < ((a ?? 0) && Infinity)', 'x < (c ? Infinity : x + 1)', 'x > (c ? -Infinity : (a ?? Infinity))',
    'x < (a ?? (c ? -Infinity : Infinity))', 'x < (Infinity || x)', 'x < (Infinity && x)', 'x < (Infinity ?? x)',
    '[x < (a ?? Infinity) && c, !(x < (a ?? Infinity))]',
  ]) await agree(inputs, e, values);
  await agree(inputs, 'x < (a ?? Infinity)', values, { condition: true });
});

s('a loop bounded by an optional limit', async () => {
  await agree({ limit: 'number | undefined' }, '(() => { let n = 0; while (n < (limit ?? Infinity) && n < 20) n++; return n; })()', [{ limit: 3 }, { limit: undefined }, { limit: 0 }]);
});

s('Math.min / Math.max leave out an infinity that cannot win', async () => {
  await agree(inputs, '[Math.min(x, Infinity), Math.max(x, -Infinity), Math.min(Number.POSITIVE_INFINITY, x, a ?? 9), Math.max(-Infinity, x)]', values);
  await agree({ xs: 'number[]' }, 'Math.min(...xs, Infinity)', [{ xs: [3, 1] }, { xs: [2] }]);
});

s('an infinity that would be a value stays a diagnostic', () => {
  for (const e of ['Infinity', 'x + Infinity', 'a ?? Infinity', 'Math.min(x, -Infinity)', 'Math.max(x, Infinity)', 'x === Infinity', '[Number.POSITIVE_INFINITY]']) {
    assert.equal(diagnosticsOf(inputs, e).map((d) => d.code).slice(0, 1), ['unsupported_expression'], e);
  }
  assert.equal(runDiagnosticsOf({ xs: 'number[]' }, 'let best = Infinity; for (const x of xs) if (x < best) best = x;', ['best']).map((d) => d.code), ['unsupported_expression']);
});

s.run();
