import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { agree } from './agree.js';
import { lowerSnippet } from './harness.js';

const s = suite('expressions: array, string and global methods');

const arrays = [{ xs: [] as number[] }, { xs: [5] }, { xs: [3, 10, 9, 1, -2, 10] }, { xs: [0.5, -0.5, 2] }];

s('array methods with callbacks', async () => {
  const inputs = { xs: 'number[]' };
  for (const e of [
    'xs.map((x) => x * 2)',
    'xs.map((x, i) => [x, i])',
    'xs.map((x) => (x > 2 ? x : undefined))',
    'xs.filter((x) => x > 2)',
    'xs.filter((x, i) => i % 2 === 1)',
    'xs.filter((x) => x)',
    'xs.reduce((a, x) => a + x, 0)',
    'xs.reduce((a, x, i) => a + x * i, 100)',
    'xs.some((x) => x > 9)',
    'xs.every((x) => x > 0)',
    'xs.find((x) => x > 2)',
    'xs.findIndex((x) => x > 2)',
    'xs.includes(10)',
    'xs.indexOf(10)',
    'xs.join()',
    'xs.join(" | ")',
    'xs.slice(1)',
    'xs.slice(-2)',
    'xs.slice(1, -1)',
    'xs.slice(2.7, 100)',
    'xs.concat([1, 2], 3)',
    '[...xs].sort()',
    '[...xs].sort((a, b) => a - b)',
    'xs.toSorted((a, b) => b - a)',
    'xs.toReversed()',
    '[...xs].reverse()',
    'xs.map((x) => [x, x]).flat()',
    'xs.length',
  ]) await agree(inputs, e, arrays);
  await agree({ xs: 'number[]' }, 'xs.length ? xs.reduce((a, b) => Math.max(a, b)) : -1', arrays);
  await agree({ ss: 'string[]' }, '[...ss].sort()', [{ ss: ['b', 'B', 'a', 'ä', '10', '9'] }]);
  await agree({ g: '(number | null)[]' }, 'g.join("-")', [{ g: [1, null, 2] }]);
  await agree({ rs: '{ k: string; v: number }[]' }, 'rs.toSorted((a, b) => a.v - b.v).map((r) => r.k)', [{ rs: [{ k: 'a', v: 2 }, { k: 'b', v: 1 }, { k: 'c', v: 2 }, { k: 'd', v: 0 }] }]);
});

s('string methods', async () => {
  const values = ['', 'Hello, World', '  padded  ', 'aaa', 'a-b-a', '0'].map((str) => ({ str, t: 'a' }));
  const inputs = { str: 'string', t: 'string' };
  for (const e of [
    'str.toUpperCase()', 'str.toLowerCase()', 'str.trim()', 'str.trimStart()', 'str.trimEnd()',
    'str.startsWith(t)', 'str.endsWith(t)', 'str.includes(t)', 'str.indexOf(t)', 'str.indexOf("")',
    'str.slice(1)', 'str.slice(-3)', 'str.slice(1, -1)', 'str.substring(3, 1)', 'str.substring(-2)',
    'str.split(t)', 'str.split("")', 'str.split(",", 1)', 'str.split(t).length',
    'str.replace(t, "X")', 'str.replaceAll(t, "XY")', 'str.replace("", "_")',
    'str.padStart(8, "*-")', 'str.padEnd(6)', 'str.padStart(2)', 'str.repeat(3)', 'str.repeat(0)',
    'str.charAt(1)', 'str.charAt(99)', 'str.at(-1)', 'str.length', 'str.concat(t, "!")', '`${str}`.toString()',
  ]) await agree(inputs, e, values);
  // Characters outside the BMP are fine where no position or length is taken.
  await agree(inputs, '[str.toUpperCase(), str.includes(t), str.startsWith(t), str.endsWith(t), str + t, str.split(" ")]', [{ str: 'a😀 b', t: '😀' }]);
});

s('Math with JavaScript rounding', async () => {
  const values = [2.5, -2.5, 0.5, -0.5, 1.49, -1.51, 3, 0].map((n) => ({ n }));
  for (const e of ['Math.round(n)', 'Math.floor(n)', 'Math.ceil(n)', 'Math.trunc(n)', 'Math.sign(n)', 'Math.abs(n)', 'Math.max(n, 1, -1)', 'Math.min(n, 0)', 'Math.pow(n, 2)', 'Math.sqrt(Math.abs(n))', 'Math.PI * n']) {
    await agree({ n: 'number' }, e, values);
  }
  await agree({ xs: 'number[]' }, '[Math.max(...xs), Math.min(...xs)]', [{ xs: [1, 5, -2] }]);
});

s('JSON, Object, Number, String, Boolean, parseInt, parseFloat, Array.isArray', async () => {
  const o = { a: 1, b: 'x', c: [1, { d: null }], '2': true, '1': 0.5 };
  await agree({ o: 'Record<string, unknown>' }, '[JSON.stringify(o), JSON.stringify(o, null, 2), Object.keys(o), Object.values(o), Object.entries(o)]', [{ o }, { o: {} }, { o: { one: [1] } }]);
  await agree({ s: 'string' }, 'JSON.stringify(s)', [{ s: 'quote " and \\ and \n' }]);
  await agree({ t: 'string' }, 'JSON.parse(t)', [{ t: '{"a":[1,2]}' }, { t: '3' }, { t: '"x"' }]);
  await agree({ o: '{ a: number; b: string }' }, 'Object.fromEntries(Object.entries(o).map(([k, v]) => [k + "!", v]))', [{ o: { a: 1, b: 'y' } }]);
  await agree({ o: '{ a: number; b: string }' }, 'Object.assign({}, o, { b: "z" })', [{ o: { a: 1, b: 'y' } }]);
  await agree({ s: 'string' }, '[Number(s), parseInt(s), parseFloat(s), parseInt(s, 10)]', ['12', ' 42 ', '-7.5e2', '0010', '+5', '1.'].map((str) => ({ s: str })));
  await agree({ s: 'string' }, 'Number(s)', [{ s: '' }, { s: '  ' }, { s: '.5' }, { s: '-.5e1' }, { s: '0x1f' }, { s: '1e3' }]);
  await agree({ s: 'string' }, '[parseInt(s), parseFloat(s)]', [{ s: '3.9abc' }, { s: '  -12px' }]);
  await agree({ str: 'string', p: 'string' }, '[str.replace(p, "_"), str.replaceAll(p, "_"), str.replaceAll("", "-")]', [{ str: 'abc', p: '' }, { str: '', p: '' }, { str: 'abab', p: 'b' }]);
  await agree({ v: 'unknown' }, '[Array.isArray(v), Boolean(v), String(v), typeof v]', [{ v: [] }, { v: 'a' }, { v: 0 }, { v: null }, { v: {} }, { v: [1, [2, null]] }]);
  await agree({ n: 'number', b: 'boolean' }, '[String(n), n.toString(), String(b), Number(b), Number.isInteger(n), `${n}`]', [1, 1.5, -0.25, 100, 1e21, 1e-7, 123456789].map((n) => ({ n, b: n > 1 })));
});

s('where JavaScript yields NaN or Infinity (not JSON), the compiled expression fails loudly', async () => {
  for (const [expression, values] of [
    ['Number(s)', { s: 'abc' }],
    ['parseInt(s)', { s: 'px' }],
    ['Math.max(...xs)', { xs: [] }],
    ['String(a / b)', { a: 1, b: 3 }],
    // Lengths and positions in strings with characters outside the BMP differ between the languages.
    ['s.length', { s: 'a😀' }],
    ['s.slice(1)', { s: '😀b' }],
    ['s.padStart(5, "😀")', { s: 'x' }],
  ] as const) {
    const inputs = Object.fromEntries(Object.keys(values).map((k) => [k, k === 'xs' ? 'number[]' : k === 's' ? 'string' : 'number']));
    assert.ok(lowerSnippet(inputs, expression).native(values).ok, `${expression} runs natively`);
    const lowered = lowerSnippet(inputs, expression);
    const compiled = await lowered.compiled(values);
    assert.is(compiled.ok, false, expression);
    assert.match((compiled as { error: string }).error, 'States.QueryEvaluationError');
  }
});

s.run();
