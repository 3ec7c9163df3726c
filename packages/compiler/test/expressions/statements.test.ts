import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { agree, agreeRun } from './agree.js';
import { lowerRun } from './harness.js';

const s = suite('expressions: await-free statement runs');

s('declarations, compound assignment, ++/--, if/else; every entry reads the values at the start', async () => {
  const lowered = await agreeRun({ total: 'number', label: 'string', n: 'number' }, `
    const half = n / 2;
    let bonus = 0;
    if (n > 3) { bonus = 10; } else if (n > 1) bonus += 1; else { bonus--; }
    total += half + bonus;
    total *= 2;
    total -= 1;
    total **= 1;
    label += "-" + total;
    label ||= "empty";
    n++;
  `, ['total', 'label', 'n'], [{ total: 1, label: '', n: 0 }, { total: 2.5, label: 'x', n: 2 }, { total: 0, label: 'y', n: 5 }]);
  // Each entry is self-contained over the workflow variables, and holds only the statements its value depends on.
  const entries = (lowered as any).entries as Record<string, string>;
  assert.equal(entries.n, '($n + 1)');
  for (const text of Object.values(entries)) assert.not.match(text, '$lookup(');
});

s('top-level declarations of the run set the variables it assigns, also when destructured', async () => {
  await agreeRun({ o: '{ a: number; b: { c: string }[] }' }, 'const { a, b: [first] } = o;\nconst doubled = a * 2;\nlet label = first?.c ?? "none";', ['a', 'first', 'doubled', 'label'], [{ o: { a: 2, b: [{ c: 'x' }] } }, { o: { a: 0, b: [] } }]);
});

s('each entry holds only what its value depends on, and sees every later change of what it reads', async () => {
  const lowered = await agreeRun({ k: 'number', word: 'string' }, `
    let n = k;
    let r = n * 10;
    n = n + 1;
    r = r + n;
    const shout = word + "!";
    let both = shout;
    if (k > 2) both = both + r;
  `, ['r', 'shout', 'both'], [{ k: 1, word: 'a' }, { k: 5, word: 'b' }]);
  const entries = (lowered as any).entries as Record<string, string>;
  // shout's entry needs nothing of the arithmetic; both's needs all of it.
  assert.not.match(entries.shout, '$k');
  assert.match(entries.both, '$k');
});

s('a helper function of the run reads outside values too, and a value read several times is bound once', async () => {
  const lowered = await agreeRun({ k: 'number', o: '{ name: string; tags: string[] }' }, `
    function add(x: number) { return x + k; }
    const r = add(1) + add(2);
    const again = o.name + o.name + o.name + o.tags.length;
  `, ['r', 'again'], [{ k: 1, o: { name: 'a', tags: [] } }, { k: -4, o: { name: 'bb', tags: ['x', 'y'] } }]);
  assert.match((lowered as any).entries.r, '$k');
});

s('while, do…while, for with break and continue', async () => {
  await agreeRun({ n: 'number' }, `
    let sum = 0;
    let i = 0;
    while (true) {
      i++;
      if (i > n) break;
      if (i % 3 === 0) continue;
      sum += i;
    }
    let product = 1;
    let k = 0;
    do { k += 1; product *= 2; } while (k < n);
    let evens = "";
    for (let j = 0, step = 2; j < n; j += step) { if (j === 4) continue; evens += j; }
  `, ['sum', 'product', 'evens'], [{ n: 0 }, { n: 1 }, { n: 7 }, { n: 10 }]);
});

s('labeled break and continue across nested loops, a switch and a labeled block', async () => {
  await agreeRun({ n: 'number', xs: 'number[]' }, `
    let hits = 0;
    let note = "";
    rows: for (let i = 0; i < n; i++) {
      let j = 0;
      cells: while (j < 4) {
        j++;
        switch (j % 3) {
          case 0: continue rows;
          case 1: if (i + j > 5) break rows; continue cells;
        }
        hits += i * 10 + j;
      }
    }
    done: {
      if (n > 2) { note = "big"; break done; }
      note = "small";
    }
    each: for (const x of xs) {
      for (let k = 0; k < 3; k++) { if (k === x) continue each; if (x > 5) break each; hits++; }
    }
  `, ['hits', 'note'], [{ n: 0, xs: [] }, { n: 2, xs: [1, 9, 2] }, { n: 5, xs: [0, 4] }]);
});

s('for…of over arrays, strings, Object.entries and for…in with break/continue and destructuring', async () => {
  await agreeRun({ xs: 'number[]', word: 'string', o: 'Record<string, number>' }, `
    let out: number[] = [];
    for (const x of xs) {
      if (x < 0) continue;
      if (x > 100) break;
      out = [...out, x * 2];
    }
    let letters = "";
    for (const ch of word) letters = ch + letters;
    let pairs = "";
    for (const [key, value] of Object.entries(o)) pairs += key + ":" + value + ";";
    let keys = 0;
    for (const key in o) keys += key.length;
  `, ['out', 'letters', 'pairs', 'keys'], [{ xs: [], word: '', o: {} }, { xs: [1, -2, 3, 200, 4], word: 'abc', o: { a: 1, bb: 2 } }, { xs: [[1]].flat(), word: 'x', o: { z: 0 } }]);
});

s('for…of over xs.entries(), xs.keys() and spreads of them', async () => {
  await agreeRun({ xs: 'string[]', g: 'number[][]' }, `
    let out = "";
    for (const [i, x] of xs.entries()) { if (i > 2) break; out += i + "=" + x + ";"; }
    const keys = [...xs.keys()];
    let rows = 0;
    for (const [i, row] of g.entries()) rows += i * row.length;
    const copy = [...g.values()];
  `, ['out', 'keys', 'rows', 'copy'], [{ xs: [], g: [] }, { xs: ['a', 'b', 'c', 'd', 'e'], g: [[1], [2, 3], []] }]);
});

s('switch with fall-through, default in the middle, break inside a loop', async () => {
  const body = `
    let out = "";
    for (const x of xs) {
      switch (x % 4) {
        case 0: out += "zero";
        case 1: out += "one"; break;
        default: out += "other";
        case 2: { out += "two"; break; }
      }
      out += ",";
    }
    let kind = "none";
    switch (label) { case "a": kind = "A"; break; case "b": case "c": kind = "BC"; break; }
  `;
  await agreeRun({ xs: 'number[]', label: 'string | undefined' }, body, ['out', 'kind'], [{ xs: [0, 1, 2, 3, 4, -1], label: 'c' }, { xs: [], label: undefined }, { xs: [5], label: 'a' }]);
});

s('push/unshift and field assignment on a local object, with JavaScript aliasing ruled out', async () => {
  await agreeRun({ xs: 'number[]' }, `
    const list: number[] = [];
    const summary = { count: 0, last: { value: -1 }, tags: [] as string[] };
    for (const x of xs) {
      list.push(x, x + 1);
      list.unshift(-x);
      summary.count += 1;
      summary.last.value = x;
      summary["tags"] = [...summary.tags, "t" + x];
    }
    const result = { list, summary };
  `, ['result'], [{ xs: [] }, { xs: [1, 2, 3] }]);
});

s('array methods that change their receiver, with their results, on workflow values and locals', async () => {
  await agreeRun({ xs: 'number[]', k: 'number', n: 'number' }, `
    const ys = [...xs];
    const removed = ys.splice(k, n, 7, 8);
    const zs = [...xs];
    const cut = zs.splice(k);
    const last = xs.pop() ?? -1;
    const first = xs.shift() ?? -1;
    const length = xs.unshift(first, last);
    const filled = [1, 2, 3, 4, 5];
    filled.fill(k, n, -1);
    const copied = [1, 2, 3, 4, 5];
    copied.copyWithin(k, n);
    const sorted = [...xs, 10, 9];
    sorted.sort();
    const reversed = [...xs];
    reversed.reverse();
    const padded = [...xs];
    if (padded.length > 0) padded[padded.length - 1] = 100;
    padded[padded.length] = 200;
  `, ['xs', 'removed', 'ys', 'cut', 'zs', 'last', 'first', 'length', 'filled', 'copied', 'sorted', 'reversed', 'padded'], [
    { xs: [], k: 0, n: 0 },
    { xs: [3, 1, 2], k: -2, n: 1 },
    { xs: [5, 4, 3, 2, 1, 0], k: 1, n: 3 },
    { xs: [1], k: 9, n: -9 },
  ]);
});

s('fields, items, delete, Object.assign and forEach on objects and arrays of objects', async () => {
  await agreeRun({ o: '{ a: number; tags: string[]; rows: { id: string; n: number }[]; extra: Record<string, number> }', key: 'string' }, `
    o.a += 1;
    o.tags.push(key);
    o.rows[0]!.n *= 2;
    o.extra[key] = (o.extra[key] ?? 0) + 1;
    delete o.extra.gone;
    delete o.extra[key + "x"];
    Object.assign(o.extra, { merged: o.a });
    const totals: Record<string, number> = {};
    o.rows.forEach((r, i) => {
      if (r.n < 0) return;
      totals[r.id] = (totals[r.id] ?? 0) + r.n + i;
    });
  `, ['o', 'totals'], [
    { o: { a: 1, tags: [], rows: [{ id: 'a', n: 1 }], extra: {} }, key: 'k' },
    { o: { a: 0, tags: ['t'], rows: [{ id: 'a', n: 2 }, { id: 'b', n: -1 }, { id: 'a', n: 3 }], extra: { gone: 1, k: 2, kx: 3, other: 4 } }, key: 'k' },
  ]);
});

s('a loop of 100,000 iterations runs in constant stack (tail calls); for…of walks 20,000 items', async () => {
  const lowered = lowerRun({ n: 'number' }, `
    let total = 0;
    let i = 0;
    while (i < n) { if (i % 2 === 0) { total += i; } i++; }
  `, ['total']);
  assert.equal(lowered.diagnostics, []);
  const compiled = await lowered.compiled({ n: 100000 });
  assert.equal(compiled, lowered.native({ n: 100000 }));
  const forOf = lowerRun({ xs: 'number[]' }, 'let total = 0;\nfor (const x of xs) { if (x % 3 === 0) continue; total += x; }', ['total']);
  const xs = Array.from({ length: 20000 }, (_, i) => i);
  assert.equal(await forOf.compiled({ xs }), forOf.native({ xs }));
});

s('functions with block bodies: return from loops, early return, local helpers and recursion', async () => {
  const prelude = `
    function classify(n: number): string {
      if (n < 0) return "negative";
      for (let i = 2; i * i <= n; i++) { if (n % i === 0) return "composite"; }
      return n < 2 ? "unit" : "prime";
    }
    const firstOver = (xs: number[], limit: number) => { for (const x of xs) { if (x > limit) return x; } return undefined; };
    function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
    const total = (items: { qty: number; price: number }[]) => items.reduce((sum, { qty, price }) => sum + qty * price, 0);
  `;
  await agree({ ns: 'number[]' }, 'ns.map((n) => classify(n))', [{ ns: [-3, 0, 1, 2, 9, 13, 25, 97] }], { prelude });
  await agree({ ns: 'number[]', limit: 'number' }, '[firstOver(ns, limit) ?? "none", fib(10)]', [{ ns: [1, 5, 9], limit: 4 }, { ns: [], limit: 0 }], { prelude });
  await agree({ items: '{ qty: number; price: number }[]' }, 'total(items)', [{ items: [{ qty: 2, price: 1.5 }, { qty: 1, price: 4 }] }], { prelude });
  await agree({ xs: 'number[]' }, 'xs.map((x) => { const y = x * 2; if (y > 4) { return y; } let z = y; z += 100; return z; })', [{ xs: [1, 2, 3] }]);
});

s.run();
