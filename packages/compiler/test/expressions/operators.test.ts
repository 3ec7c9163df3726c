import { suite } from 'uvu';
import { agree } from './agree.js';

const s = suite('expressions: operators');

s('arithmetic on numbers, % with negatives, unary minus, **', async () => {
  const values = [{ a: 7, b: 3 }, { a: -7, b: 3 }, { a: 7.5, b: -2 }, { a: 0, b: 1 }, { a: -0.5, b: 0.25 }];
  for (const e of ['a + b', 'a - b', 'a * b', 'a / b', 'a % b', '-a', '-(a - b)', 'a ** 2', '(a + b) * (a - b) % 5']) await agree({ a: 'number', b: 'number' }, e, values);
});

s('+ joins strings and converts numbers and booleans as JavaScript prints them', async () => {
  const values = [{ s: 'x', n: 1 }, { s: '', n: 1.5 }, { s: 'a', n: -0.25 }, { s: '0', n: 1e21 }, { s: 'q', n: 1e-7 }, { s: 'w', n: 100 }];
  for (const e of ['s + n', 'n + s', 's + s', 's + true', 'n + 1 + s', 's + (n + 1)', '"v" + n * 2']) await agree({ s: 'string', n: 'number' }, e, values);
});

s('template strings', async () => {
  await agree({ s: 'string', n: 'number', b: 'boolean', u: 'string | undefined', z: 'number | null' }, '`${s}:${n}:${b}:${u}:${z}`', [
    { s: 'a', n: 2, b: true, u: 'x', z: null },
    { s: '', n: 0.5, b: false, u: undefined, z: 3 },
  ]);
  await agree({}, '`plain`', [{}]);
  await agree({ s: 'string' }, '`${s}`', [{ s: 'k' }]);
});

s('comparisons: numbers, strings by code unit, ===/!== with undefined and null', async () => {
  const values = [{ a: 1, b: 2, s: 'B', t: 'a' }, { a: 2, b: 2, s: 'a', t: 'a' }, { a: 3, b: -1, s: 'ä', t: 'z' }, { a: 3, b: -1, s: 'a', t: 'aa' }];
  for (const e of ['a < b', 'a <= b', 'a > b', 'a >= b', 's < t', 's >= t', 'a === b', 'a !== b', 's === t', 's !== t', 'a == b', 's != t']) {
    await agree({ a: 'number', b: 'number', s: 'string', t: 'string' }, e, values);
  }
  const optional = [{ u: undefined, v: undefined }, { u: 1, v: undefined }, { u: undefined, v: 1 }, { u: 2, v: 2 }, { u: 2, v: 3 }];
  for (const e of ['u === v', 'u !== v', 'u === undefined', 'u !== undefined', 'undefined === u', 'u == null', 'u != null']) {
    await agree({ u: 'number | undefined', v: 'number | undefined' }, e, optional);
  }
  for (const e of ['n === null', 'n !== null', 'n == null', 'n == undefined', 'n === undefined']) {
    await agree({ n: 'string | null | undefined' }, e, [{ n: null }, { n: undefined }, { n: '' }, { n: 'x' }]);
  }
});

s('&& || ?? return operands, not booleans', async () => {
  const values = [{ s: '', n: 0, o: null }, { s: 'x', n: 5, o: { a: 1 } }, { s: '0', n: -1, o: null }, { s: 'y', n: 0, o: {} }];
  const inputs = { s: 'string', n: 'number', o: '{ a?: number } | null' };
  for (const e of ['s && n', 's || n', 'n || s', 'n && s', 'o && o.a', 'o || s', 'o ?? s', 's ?? n', '(o && o.a) ?? -1', 's || n || "none"', '!s', '!!n', '!o']) {
    await agree(inputs, e, values);
  }
  await agree({ u: 'number | undefined' }, 'u ?? 7', [{ u: undefined }, { u: 0 }, { u: 3 }]);
  await agree({ b: 'boolean', c: 'boolean' }, 'b && !c || c && !b', [{ b: true, c: false }, { b: true, c: true }, { b: false, c: false }]);
});

s('arithmetic and comparisons on index accesses (TypeScript types xs[i] as the element type)', async () => {
  await agree({ xs: 'number[]', ss: 'string[]', i: 'number' }, '[xs[i] * 2, xs[i] + 1 > 2, -xs[0], "s" + ss[i], ss[i] + "!", xs[i] === 1]', [{ xs: [1, 2], ss: ['a', 'b'], i: 1 }, { xs: [3], ss: ['c'], i: 0 }]);
  await agree({ xs: 'number[]', ss: 'string[]', i: 'number' }, '["s" + ss[i], `${xs[i]}`, xs[i] === undefined]', [{ xs: [], ss: [], i: 4 }]);
});

s('ternary and typeof', async () => {
  const inputs = { v: 'string | number | boolean | null | number[] | { k: string } | undefined' };
  const values = [{ v: 'a' }, { v: 1 }, { v: false }, { v: null }, { v: [1] }, { v: { k: 'x' } }, { v: undefined }, { v: '' }, { v: 0 }, { v: [] }, { v: {} }];
  await agree(inputs, 'typeof v', values);
  await agree(inputs, 'v ? "yes" : "no"', values);
  await agree(inputs, 'Boolean(v)', values);
  await agree(inputs, 'String(v)', values.filter((x) => typeof x.v !== 'object' || x.v === null || Array.isArray(x.v)));
});

s('"key" in object', async () => {
  await agree({ o: 'Record<string, number | null>', k: 'string' }, 'k in o', [{ o: { a: 1 }, k: 'a' }, { o: { a: null }, k: 'a' }, { o: {}, k: 'a' }, { o: {}, k: 'toString' }]);
});

s.run();
