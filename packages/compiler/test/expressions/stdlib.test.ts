import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { agree, diagnosticsOf } from './agree.js';
import { lowerSnippet } from './harness.js';

const s = suite('expressions: the standard library (Number, Math, String, Array, Object, enums, constants)');

s('toFixed rounds the exact binary value as JavaScript does', async () => {
  const values = [1.005, 2.5, 0.5, 1.5, -2.5, 1.45, 8.345, 0.000001, 123.456, -0.0001, 0, 10.235, 1e20, 1e21, 99.995, 4.35, 0.1 + 0.2, 1234.5678].map((n) => ({ n }));
  await agree({ n: 'number' }, '[n.toFixed(), n.toFixed(0), n.toFixed(1), n.toFixed(2), n.toFixed(3), n.toFixed(10)]', values);
  await agree({ n: 'number', d: 'number' }, 'n.toFixed(d)', [{ n: 1.23456, d: 4 }, { n: 5, d: 2.9 }]);
});

s('toPrecision and toExponential print the digits and notation JavaScript prints', async () => {
  // Hand-picked edges (ties of the binary value, roundings up to the next power of ten, both notations' borders)
  // and a seeded spread of magnitudes from 1e-8 to 1e15 (more than 22 decimals fail loudly, below).
  const edges = [0, -0, 1.005, 2.5, -2.5, 9.995, 9.9996, 999.7, 0.0999, 0.09999999999999999, 0.1 + 0.2, 123456, 1e21 / 1e6, 0.000001234, 0.0000001234, 1e-7, 5e-7, 123.456, -0.00001, 1, 10, 100, 99.5, 1234.5678, 12344.5, 12345.5, 9007199254740991];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const spread = Array.from({ length: 60 }, () => (random() < 0.3 ? -1 : 1) * Math.round(random() * 1e6) / 1e6 * 10 ** Math.floor(random() * 23 - 8));
  const values = [...edges, ...spread].map((n) => ({ n }));
  await agree({ n: 'number' }, '[n.toPrecision(1), n.toPrecision(2), n.toPrecision(3), n.toPrecision(6), n.toPrecision(12), n.toExponential(0), n.toExponential(2), n.toExponential(7)]', values);
  await agree({ n: 'number' }, '[n.toExponential(), n.toPrecision()]', [0, 1, 1200, -0.00015, 123.456, 1e21, 2e-7, 0.1].map((n) => ({ n })));
});

s('a Set of a type parameter dedupes primitives and fails loudly on objects; sorting a helper\'s fresh array', async () => {
  const prelude = 'const unique = <T,>(xs: T[]) => [...new Set(xs)];\nfunction sortedCopy(xs: string[]) { return [...xs]; }';
  await agree({ xs: 'string[]', ns: 'number[]' }, '[unique(xs).sort(), unique(ns), sortedCopy(xs).sort().reverse()]', [{ xs: ['b', 'a', 'b'], ns: [3, 1, 3] }, { xs: [], ns: [] }], { prelude });
  const lowered = lowerSnippet({ os: '{ a: number }[]' }, 'unique(os).length', { prelude });
  assert.ok(lowered.native({ os: [{ a: 1 }, { a: 1 }] }).ok, 'runs natively');
  const compiled = await lowered.compiled({ os: [{ a: 1 }, { a: 1 }] });
  assert.is(compiled.ok, false);
  assert.match((compiled as { error: string }).error, 'compares them by reference');
  // A helper that may hand back its argument is not fresh: sorting its result would change the caller's array.
  assert.equal(diagnosticsOf({ xs: 'string[]' }, 'same(xs).sort()', { prelude: 'function same(xs: string[]) { return xs.length ? xs : []; }' }).map((d) => d.code), ['expression_mutation']);
});

s("toLocaleString('en-US') groups and rounds the decimal text as ICU does; other locales stay diagnostics", async () => {
  // ICU rounds the shortest decimal text (1.0005 → "1.001"), not the binary value as toFixed does.
  const values = [0, 5, 1.0005, 2.0005, 0.0005, -0.0001, 1234567.8915, 999.9995, -1234.5, 0.1 + 0.2, 1e12 + 0.25].map((n) => ({ n }));
  await agree({ n: 'number' }, "[n.toLocaleString('en-US'), n.toLocaleString('en')]", values);
  for (const expression of ['n.toLocaleString()', "n.toLocaleString('de-DE')", "n.toLocaleString('en-US', { style: 'currency', currency: 'USD' })"]) {
    assert.equal(diagnosticsOf({ n: 'number' }, expression).map((d) => d.code), ['expression_unsupported_call'], expression);
  }
});

s('String(n) of an integer past 15 significant digits prints every digit JavaScript prints', async () => {
  const values = [2 ** 53 + 2, 2 ** 60, -20234821594407050000, 123456789012345680000, 1e21, 2 ** 70, -(2 ** 80), 1.7976931348623157e308, 9007199254740993].map((n) => ({ n }));
  await agree({ n: 'number' }, '[String(n), `${n}`, n.toString(), \'#\' + n]', values);
});

s('toString(radix), Number.is*, global isNaN / isFinite', async () => {
  await agree({ n: 'number' }, '[n.toString(2), n.toString(16), n.toString(36), n.toString(10), n.valueOf()]', [0, 255, -255, 1e15, 42].map((n) => ({ n })));
  await agree({ v: 'unknown' }, '[Number.isNaN(v), Number.isFinite(v), Number.isInteger(v), Number.isSafeInteger(v)]', [{ v: 1 }, { v: 1.5 }, { v: '1' }, { v: 9007199254740992 }, { v: null }]);
  await agree({ s: 'string' }, '[Number.parseFloat(s), Number.parseInt(s)]', ['12', ' 1e3 ', '-7.5', '0.5e1x'].map((str) => ({ s: str })));
  await agree({ n: 'number' }, '[isNaN(n), isFinite(n)]', [{ n: 3 }]);
});

s('Math: spreads with leading arguments', async () => {
  await agree({ xs: 'number[]', a: 'number' }, '[Math.max(a, ...xs), Math.min(...xs, a)]', [{ xs: [1, 5, -2], a: 3 }, { xs: [], a: -1 }]);
  await agree({ xs: 'number[]' }, 'Math.max(...xs, ...xs)', [{ xs: [1, 5, -2] }]);
});

s('string methods: lastIndexOf, indexOf from a position, char codes', async () => {
  const values = ['', 'aaa', 'a-b-a', 'Hello, World', 'é~\u00ff\uffee', '\u0000z'].map((str) => ({ str, t: 'a' }));
  await agree({ str: 'string', t: 'string' }, '[str.lastIndexOf(t), str.lastIndexOf("aa"), str.lastIndexOf(""), str.indexOf(t, 1), str.indexOf("", 99), str.indexOf(t, -3), str.includes(t)]', values);
  await agree({ str: 'string' }, 'str.split("").map((c, i) => [str.charCodeAt(i), str.codePointAt(i), String.fromCharCode(str.charCodeAt(i))])', values);
  await agree({ str: 'string' }, '[str.codePointAt(5) ?? -1, str.codePointAt(-1) ?? -1]', values);
  await agree({ n: 'number' }, '[String.fromCharCode(n, 65, n + 1), String.fromCharCode()]', [{ n: 97 }, { n: 0x263a }, { n: 65536 + 66 }]);
});

s('array methods: from the end, flat(depth), flatMap, with, fill, Array.from / Array.of', async () => {
  const arrays = [{ xs: [] as number[] }, { xs: [5] }, { xs: [3, 10, 9, 1, -2, 10] }];
  const inputs = { xs: 'number[]' };
  for (const e of [
    'xs.findLast((x) => x > 2)', 'xs.findLastIndex((x) => x > 2)', 'xs.findLast((x) => x > 100)',
    'xs.reduceRight((a, x, i) => a + x * i, 7)', 'xs.length ? xs.reduceRight((a, x) => a - x) : 0', 'xs.reduceRight((a, x) => [...a, x], [] as number[])',
    'xs.flatMap((x) => [x, [x]])', 'xs.flatMap((x) => (x > 3 ? [] : x))', 'xs.map((x) => [[x, [x]]]).flat(2)', 'xs.map((x) => [[x, [x]]]).flat(Infinity)', 'xs.map((x) => [[x]]).flat(0)',
    'xs.length > 1 ? xs.with(1, 0) : []', 'xs.length ? xs.with(-1, 42) : []',
    'xs.lastIndexOf(10)', 'xs.indexOf(10, 2)', 'xs.indexOf(10, -1)', 'xs.includes(3, 1)', 'xs.includes(10, -100)',
    '[...xs].fill(0)', '[...xs].fill(7, 1, -1)', 'new Array(xs.length).fill("x")', 'Array(3).fill(xs)',
    'Array.from(xs)', 'Array.from(xs, (x, i) => x * i)', 'Array.from({ length: xs.length }, (_, i) => i * 2)', 'Array.from({ length: 2 }).map((_, i) => i)', 'Array.of<unknown>(1, xs, "a")', 'Array.of()',
    'Array.from("héllo")', '[...xs.keys()]', 'Array.from(xs.entries())',
  ]) await agree(inputs, e, arrays);
});

s('Array(n) and Array.from({ length: n }): indexes, fill, mapped; the length rules of each', async () => {
  const expressions = [
    '[...Array(n).keys()]', 'Array.from(Array(n).keys())', '[...new Array(n).keys()].map((i) => i + 1)', 'Array(n).fill("x")', 'new Array(n).fill(n)', 'Array(n).fill(0, 1)',
    'Array.from({ length: n }, (_, i) => i * 2)', 'Array.from({ length: n }).map((_, i) => i)', 'Array.from({ length: n }).map(() => "x")', 'Array.from({ length: n }).length', 'Array.from({ length: n }).fill(0)',
  ];
  for (const e of expressions) await agree({ n: 'number' }, e, [0, 1, 3].map((n) => ({ n })));
  // Array.from reads the length with ToLength: a fraction is truncated and a negative length is 0.
  await agree({ n: 'number' }, '[Array.from({ length: n }, (_, i) => i), Array.from({ length: n }).length]', [2.5, -1, -0.5, 0.9].map((n) => ({ n })));
  // Array(n) with a length that is no array length throws a RangeError natively (wf.run rejects with it: it is a bug,
  // not a WorkflowError); compiled the state fails with States.QueryEvaluationError carrying the same message.
  for (const [e, n] of [['[...Array(n).keys()]', 2.5], ['Array(n).fill(1)', -1], ['Array.from(new Array(n).keys())', 2 ** 32], ['Array.from({ length: n }, (_, i) => i)', 2 ** 32]] as const) {
    const lowered = lowerSnippet({ n: 'number' }, e);
    assert.equal(lowered.native({ n }), { ok: false, error: 'RangeError: Invalid array length' }, e);
    const compiled = await lowered.compiled({ n });
    assert.is(compiled.ok, false, e);
    assert.match((compiled as { error: string }).error, /^States\.QueryEvaluationError: .*RangeError: Invalid array length/s);
  }
  // Empty slots and undefined items have no JSON form where they would be read.
  for (const e of ['Array(n)', 'Array(n).map((_, i) => i)', '[...Array(n)]', 'Array.from({ length: n })', 'Array.from({ length: n }).map((x) => x ?? 0)', '[...Array.from({ length: n })]']) {
    assert.equal(diagnosticsOf({ n: 'number' }, e).map((d) => d.code), ['unsupported_expression'], e);
  }
});

s('Set and Map as values (arrays in insertion order)', async () => {
  const values = [{ xs: [] as string[] }, { xs: ['b', 'a', 'b', 'c', 'a'] }];
  const inputs = { xs: 'string[]' };
  for (const e of [
    '[...new Set(xs)]', 'new Set(xs).size', 'new Set(xs).has("a")', 'Array.from(new Set(xs))', '[...new Set(xs).values()]', '[...new Set(xs).entries()]', 'new Set().size',
    '[...new Map(xs.map((x, i) => [x, i]))]', 'new Map(xs.map((x, i) => [x, i])).get("b") ?? -1', 'new Map(xs.map((x, i) => [x, i])).has("c")', 'new Map(xs.map((x, i) => [x, [i]])).size',
    '[...new Map(xs.map((x, i) => [x, i])).keys()]', '[...new Map(xs.map((x, i) => [x, [i, i]])).values()]', 'Object.fromEntries(new Map(xs.map((x, i) => [x, i])))',
    'Object.fromEntries([...new Map(xs.map((x, i) => [x, { i }])).entries()])', 'new Map<string, number>().get("x") ?? null',
  ]) await agree(inputs, e, values);
  await agree({ ns: 'number[]' }, '[...new Set(ns)].sort((a, b) => a - b)', [{ ns: [3, 1, 3, 0, 1] }]);
});

s('Date as its time value: ISO parsing, UTC fields, Date.UTC, arithmetic and comparison', async () => {
  const isos = ['2024-01-01', '2024-02-29T23:59:59.999Z', '1969-12-31T23:00:00.5+01:30', '2000', '2024-06', '2024-02-30', '2024-01-01T24:00:00Z', '1900-03-01T00:00Z', '0001-01-01T00:00:00.1234Z', '+002024-05-06T07:08:09Z', '-000001-12-31T00:00:00Z', '1970-01-01T00:00:00-00:01'];
  await agree({ s: 'string' }, '[new Date(s).getTime(), Date.parse(s), new Date(s).getUTCFullYear(), new Date(s).getUTCMonth(), new Date(s).getUTCDate(), new Date(s).getUTCDay(), new Date(s).getUTCHours(), new Date(s).getUTCMinutes(), new Date(s).getUTCSeconds(), new Date(s).getUTCMilliseconds()]', isos.map((str) => ({ s: str })));
  await agree({ s: 'string' }, 'new Date(s).toISOString()', isos.slice(0, 10).map((str) => ({ s: str })));
  await agree({ t: 'number' }, '[new Date(t).toISOString(), new Date(t + 86400000).getUTCDay(), new Date(new Date(t)).valueOf(), new Date(t).toJSON()]', [0, 1.7, -1.7, 1704067200000, -86400001, 951782400000].map((t) => ({ t })));
  await agree({ a: 'string', b: 'string' }, '[new Date(a) < new Date(b), new Date(a) >= new Date(b), new Date(b).getTime() - new Date(a).getTime()]', [{ a: '2024-01-01', b: '2024-03-01T12:00Z' }, { a: '2025-01-01', b: '2024-01-01' }]);
  await agree({ y: 'number', m: 'number' }, '[Date.UTC(y, m), Date.UTC(y, m, 31, 25, 61, 61, 1001), Date.UTC(y)]', [{ y: 2024, m: 0 }, { y: 99, m: 13 }, { y: 2023, m: -1 }, { y: 1600, m: 1 }]);
});

s('regular expression literals where JSONata matches the same way', async () => {
  const prelude = 'const DIGITS = /\\d+/;\nconst WORDS = /(\\w)(\\w*)/g;';
  const values = ['', 'abc', 'a1b22c333', 'Hello World, hello again', 'x/y [z]', 'ab-AB'].map((str) => ({ str }));
  for (const e of [
    '/\\d/.test(str)', '/hello/i.test(str)', 'DIGITS.test(str)', '/^a/m.test(str)', '/[/]/.test(str)', '/\\[z\\]/.test(str)',
    'str.search(/[lo]+/)', 'str.search(DIGITS)', 'str.match(/(\\d)(x)?/)', 'str.match(/\\d+/g)', 'str.match(WORDS)', 'str.match(/b/i) ?? []',
    'str.replace(/\\d+/, "#")', 'str.replace(/\\d+/g, "<$&>")', 'str.replace(WORDS, "$2$1$$")', 'str.replaceAll(/[aeiou]/gi, "_")', 'str.replace(/o/g, (m) => m.toUpperCase())',
    'str.replace(WORDS, (m: string, first: string, rest: string) => `${rest}${first.length}`)', 'str.split(/\\d+/)', 'str.split(/[ ,]+/, 2)', 'str.split(/(?:-)/)',
  ]) await agree({ str: 'string' }, e, values, { prelude });
});

s('JSON.stringify with any indentation, object spreads of arrays, strings and optional objects', async () => {
  const o = { a: 1, b: 'x\ny', c: [1, { d: null, e: [] }], f: {}, '2': true, u: undefined };
  await agree({ o: 'Record<string, unknown>', n: 'number', t: 'string' }, '[JSON.stringify(o, null, n), JSON.stringify(o, undefined, t), JSON.stringify([o], null, 4), JSON.stringify("s", null, 3), JSON.stringify([], null, 2)]', [{ o, n: 3, t: '--' }, { o: {}, n: 0, t: '' }, { o, n: 20, t: '\t' }, { o, n: 1.5, t: 'abcdefghijklmn' }]);
  await agree({ xs: 'number[]', s: 'string', p: '{ a: number } | undefined', q: '{ b: string } | null' }, '[{ ...xs }, { ...p, ...q, ...xs }, { k: 0, ...p }]', [{ xs: [5, 6], s: 'hé', p: { a: 1 }, q: { b: 'x' } }, { xs: [], s: '', p: undefined, q: null }]);
});

s('enums, const enums and as-const constants in expressions', async () => {
  const prelude = 'enum Color { Red, Green = 5, Blue }\nconst enum Dir { Up = "UP", Down = "DOWN" }\nconst LIMITS = { retries: 3, names: ["a", "b"] } as const;\nconst HOURS = 24;';
  await agree({ n: 'number' }, '[Color.Red, Color.Blue, Color[5], Color[n], Dir.Down, LIMITS.retries * n, LIMITS.names[1], HOURS * 3600, `${Dir.Up}-${HOURS}`]', [{ n: 0 }, { n: 6 }, { n: 2 }], { prelude });
  await agree({ n: 'number' }, '{ [Color[Color.Green]]: n, [Dir.Up]: Color[n] ?? "none" }', [{ n: 6 }, { n: 1 }], { prelude });
  const lowered = lowerSnippet({}, '[Color.Blue, LIMITS.retries]', { prelude });
  assert.is(lowered.jsonata, '[6, 3]', 'enum members and literal-typed constants are folded');
});

s('what JavaScript computes but JSONata cannot reproduce exactly is a diagnostic', () => {
  for (const expression of ['Math.log(n)', 'Math.sin(n)', 'Math.cbrt(n)', 'Math.hypot(n, n)', 'n.toLocaleString()', 'String(n).localeCompare("1", "en")', 'String(n).normalize()']) {
    assert.equal(diagnosticsOf({ n: 'number' }, expression).map((d) => d.code), ['expression_unsupported_call'], expression);
  }
  assert.equal(diagnosticsOf({ os: '{ a: number }[]' }, 'new Set(os)').map((d) => d.code), ['expression_unsupported_call']);
  assert.equal(diagnosticsOf({ xs: 'string[]' }, 'JSON.stringify(new Set(xs))').map((d) => d.code), ['expression_not_json']);
  assert.equal(diagnosticsOf({ xs: 'string[]' }, 'new Set(xs).add("x")').map((d) => d.code), ['expression_mutation']);
  assert.equal(diagnosticsOf({ n: 'number' }, 'new Array(n)').map((d) => d.code), ['unsupported_expression']);
  for (const expression of ['new Date(t).getHours()', 'new Date(t).toLocaleString()', '`${new Date(t)}`', 'String(new Date(t))', 'new Date(2024, 1, 1)', '[new Date(t)].join()']) {
    assert.equal(diagnosticsOf({ t: 'number' }, expression).map((d) => d.code), ['expression_unsupported_call'], expression);
  }
  for (const expression of ['/(?<=a)b/.test(s)', '/(?<x>a)/.test(s)', '/a/s.test(s)', '/a/y.test(s)', 's.split(/(-)/)', 's.replace(/a/, "$0")', 's.replace(/a/, "$1")', 's.replace(/a/, "$`")', 's.replaceAll(/a/, "b")', '/[(]/.test(s)', 'new RegExp(s).test(s)']) {
    assert.equal(diagnosticsOf({ s: 'string' }, expression).map((d) => d.code).slice(0, 1), ['expression_unsupported_call'], expression);
  }
  assert.equal(diagnosticsOf({ t: 'number' }, 'new Date(t).setUTCHours(1)').map((d) => d.code), ['expression_mutation']);
  assert.equal(diagnosticsOf({ t: 'number' }, 'JSON.stringify({ at: new Date(t) })').map((d) => d.code), ['expression_not_json']);
});

s('where JavaScript reads something JSONata cannot, the compiled expression fails loudly', async () => {
  for (const [inputs, expression, values] of [
    [{ n: 'number' }, 'n.toFixed(2)', { n: 1e15 + 0.5 }],
    [{ n: 'number' }, 'n.toString(2)', { n: 0.5 }],
    [{ n: 'number' }, 'n.toPrecision(3)', { n: 2 ** 60 }],
    [{ n: 'number' }, 'n.toExponential()', { n: 0.1 + 0.2 }],
    [{ n: 'number' }, 'n.toPrecision(12)', { n: 1.5e-12 }],
    // A date-time without an offset is local time natively; other formats are implementation-defined.
    [{ s: 'string' }, 'new Date(s).getTime()', { s: '2024-01-01T10:00:00' }],
    [{ s: 'string' }, 'Date.parse(s)', { s: 'Jan 1 2024 UTC' }],
  ] as const) {
    const lowered = lowerSnippet(inputs, expression);
    assert.ok(lowered.native(values).ok, `${expression} runs natively`);
    const compiled = await lowered.compiled(values);
    assert.is(compiled.ok, false, expression);
    assert.match((compiled as { error: string }).error, 'States.QueryEvaluationError');
  }
});

s.run();
