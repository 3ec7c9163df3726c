import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { agree } from './agree.js';

const s = suite('expressions: literals and access');

const order = '{ id: string; total: number; items: { sku: string; qty: number }[]; tags: string[]; note?: string; meta: Record<string, number> }';
const orders = [
  { o: { id: 'a', total: 10, items: [{ sku: 'x', qty: 2 }], tags: ['t'], meta: { k: 1 } } },
  { o: { id: 'b', total: 0.5, items: [], tags: [], note: 'n', meta: {} } },
  { o: { id: 'c', total: 3, items: [{ sku: 'x', qty: 1 }, { sku: 'y', qty: 5 }], tags: ['a', 'b'], meta: { k: 2, j: 3 } } },
];

s('object literals: shorthand, spread, computed keys, undefined values, numeric keys', async () => {
  await agree({ o: order }, '({ id: o.id, count: o.items.length, first: o.items[0], tags: o.tags, note: o.note })', orders);
  await agree({ o: order }, '({ ...o, total: o.total * 2, extra: [o.tags] })', orders);
  await agree({ o: order, k: 'string' }, '({ [k]: 1, fixed: 2, [o.id + "!"]: o.total })', orders.map((v) => ({ ...v, k: 'fixed' })));
  await agree({ o: order }, '({ 1.0: "one", 2: o.id, b: { ...o.meta } })', orders);
  await agree({ n: '{ a: number } | null' }, '({ x: 1, ...n })', [{ n: null }, { n: { a: 2 } }]);
});

s('array literals keep one-item and nested arrays, and undefined items become null', async () => {
  await agree({ xs: 'number[]', g: 'number[][]' }, '[xs, ...g, [1], [], [...xs]]', [{ xs: [1], g: [[2]] }, { xs: [], g: [] }, { xs: [1, 2], g: [[3], [4, 5]] }]);
  await agree({ u: 'number | undefined', xs: 'number[]' }, '[u, ...xs, u]', [{ u: undefined, xs: [1] }, { u: 2, xs: [] }]);
  await agree({ v: 'number[] | string' }, '[v, v]', [{ v: [1] }, { v: 'x' }]);
});

s('property access, $lookup for array fields, optional chaining', async () => {
  await agree({ o: order }, 'o.items', orders);
  await agree({ o: order }, 'o.items.map((i) => i.sku)', orders);
  await agree({ p: '{ a?: { b?: number[]; c: string } } | undefined' }, '[p?.a?.b, p?.a?.c, p?.a?.b?.length, p?.a?.c.length]', [{ p: undefined }, { p: {} }, { p: { a: { c: 'x' } } }, { p: { a: { b: [1, 2], c: '' } } }]);
  await agree({ p: '{ "odd-key": number; "with space": string }' }, '[p["odd-key"], p["with space"]]', [{ p: { 'odd-key': 1, 'with space': 's' } }]);
});

s('element access: negative, out of range and fractional indexes give undefined; strings; records', async () => {
  const values = [-1, 0, 1, 2, 5, 0.5, 1.5].map((i) => ({ xs: [[1], [2, 3]], s: 'héllo', i, r: { a: 1, '1': 2 } }));
  await agree({ xs: 'number[][]', s: 'string', i: 'number', r: 'Record<string, number>' }, '[xs[i] ?? "none", s[i] ?? "none", r[i] ?? "none", r["a"], xs[1], xs[0]]', values);
  await agree({ xs: 'number[]' }, '[xs.at(-1), xs.at(0), xs.at(-10)]', [{ xs: [] }, { xs: [4, 5] }]);
});

s('destructuring parameters with defaults and rest', async () => {
  await agree({ items: '{ sku: string; qty?: number; tags: string[] }[]' }, 'items.map(({ sku, qty = 1, ...rest }) => ({ key: sku, qty, rest }))', [{ items: [{ sku: 'a', tags: [] }, { sku: 'b', qty: 3, tags: ['x'] }] }]);
  await agree({ pairs: '[string, number][]' }, 'pairs.map(([k, v]) => k + "=" + v)', [{ pairs: [['a', 1], ['b', 2.5]] }]);
  await agree({ rows: 'number[][]' }, 'rows.map(([first, ...others]) => ({ first, others }))', [{ rows: [[1, 2, 3], [4], []] }]);
});

s('typed lookups by TypeScript type: JSONata text chosen per kind', async () => {
  const lowered = await agree({ a: 'number', b: 'number', s: 'string' }, 'a + b', [{ a: 1, b: 2, s: '' }]);
  assert.is(lowered.jsonata, '($a + $b)');
  const joined = await agree({ a: 'number', s: 'string' }, 's + a', [{ a: 1, s: 'x' }]);
  assert.match(joined.jsonata, /&/);
});

s('number literals with exponents, separators and other radixes keep their value', async () => {
  // ts-morph's getLiteralValue() parses a literal without a "." with parseInt: 1e21 read as 1.
  await agree({ a: 'number' }, '[5e-324, 1e21, 1e-7, 2E3, -5e-324, 1_000_000, 0x1F, 0b101, 0o17, a * 1e-7, a + 1e21]', [{ a: 3 }]);
  await agree({}, '({ 1e3: "k", 0x10: "h" })', [{}]);
  await agree({}, '[-1e21, -(1e-7), 1e21 + 1, `${1e21}`, String(1e-7)]', [{}]);
});

s.run();
