// Random well-typed TypeScript expressions and await-free programs over random JSON inputs, for the property test.
// Every generator is driven by one seeded source, so a seed replays a whole run.

/** A small deterministic PRNG (mulberry32). */
export class Random {
  constructor(private state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

type T = 'num' | 'str' | 'bool' | 'nums' | 'strs' | 'obj' | 'grid' | 'mixed';

/** The workflow values every generated snippet may read, with their TypeScript types. */
export const INPUTS = {
  n: 'number',
  m: 'number',
  s: 'string',
  t: 'string',
  b: 'boolean',
  xs: 'number[]',
  ys: 'number[]',
  ss: 'string[]',
  o: '{ a: number; b: string; c?: number; d: number[] }',
  u: 'number | undefined',
  z: 'string | null',
  recs: '{ k: string; v: number }[]',
  grid: 'number[][]',
  v: 'string | number | boolean | null',
} as const;

/** Pure helpers at module level, which snippets call (they are inlined as JSONata lambdas). */
export const PRELUDE = `
function clamp(x: number, lo: number, hi: number): number { return Math.min(Math.max(x, lo), hi); }
const label = (k: string, v: number) => \`\${k}=\${v}\`;
function fact(k: number): number { return k <= 1 ? 1 : k * fact(k - 1); }
function sign(x: number): string { if (x > 0) { return 'pos'; } else if (x < 0) { return 'neg'; } return 'zero'; }
function sumTo(k: number): number { let total = 0; for (let i = 0; i <= k; i++) { total += i; } return total; }
const LIMIT = 3;
enum Color { Red, Green = 5, Blue }
const enum Dir { Up = 'UP', Down = 'DOWN' }
const LIMITS = { max: 4, name: 'lim' } as const;
`;

// Numbers that are multiples of 1/4: sums, products and halvings stay exact, so String() never needs 16+ digits.
function number(r: Random): number {
  return r.pick([() => r.int(-10, 10), () => r.int(-40, 40) / 4, () => r.pick([0, 1, -1, 2.5, -2.5, 0.5, -0.5, 1000000, 1.75])])();
}

const ALPHABET = ['a', 'b', 'A', ' ', '0', '-', 'é', 'x', 'Z', '1'];
function string(r: Random): string {
  if (r.chance(0.15)) return r.pick(['', ' a ', '0', 'aa', 'a-b-a']);
  let out = '';
  for (let i = r.int(0, 4); i > 0; i--) out += r.pick(ALPHABET);
  return out;
}

function array<X>(r: Random, item: () => X, max = 5): X[] {
  return Array.from({ length: r.int(0, max) }, item);
}

/** Random JSON values for INPUTS. */
export function inputValues(r: Random): Record<string, unknown> {
  const o: Record<string, unknown> = { a: number(r), b: string(r), d: array(r, () => number(r)) };
  if (r.chance(0.5)) o.c = number(r);
  return {
    n: number(r),
    m: number(r),
    s: string(r),
    t: string(r),
    b: r.chance(0.5),
    xs: array(r, () => number(r)),
    ys: array(r, () => r.int(-3, 3)),
    ss: array(r, () => string(r)),
    o,
    u: r.chance(0.5) ? number(r) : undefined,
    z: r.chance(0.3) ? null : string(r),
    recs: array(r, () => ({ k: string(r), v: number(r) }), 4),
    grid: array(r, () => array(r, () => r.int(-5, 5), 3), 3),
    v: r.pick([() => null, () => string(r), () => number(r), () => r.chance(0.5)])(),
  };
}

/** Names in scope by type: the inputs plus callback parameters and loop variables. */
type Env = Partial<Record<T, string[]>>;

export const BASE_ENV: Env = { num: ['n', 'm', 'o.a'], str: ['s', 't', 'o.b'], bool: ['b'], nums: ['xs', 'ys', 'o.d'], strs: ['ss'], grid: ['grid'], mixed: ['v'] };

function withName(env: Env, type: T, name: string): Env {
  return { ...env, [type]: [...(env[type] ?? []), name] };
}

let fresh = 0;
function local(prefix: string): string {
  return `${prefix}${++fresh}`;
}

/** A random expression of `type`, at most `depth` deep. */
export function expression(r: Random, type: T, depth: number, env: Env): string {
  const leaf = depth <= 0 || r.chance(0.25);
  const g = (t: T, d = depth - 1, e = env) => expression(r, t, d, e);
  const names = env[type] ?? [];
  if (leaf) return leafOf(r, type, env);
  switch (type) {
    case 'num': {
      const x = local('x');
      const choices: (() => string)[] = [
        () => `(${g('num')} + ${g('num')})`,
        () => `(${g('num')} - ${g('num')})`,
        () => `(${g('num')} * ${r.pick(['2', '-1', '0.5', '3'])})`,
        () => `(${g('num')} / ${r.pick(['2', '4', '-2'])})`,
        () => `(${g('num')} % ${r.pick(['3', '-3', '2.5', '7'])})`,
        () => `(-(${g('num')}))`,
        () => `Math.${r.pick(['floor', 'ceil', 'round', 'trunc', 'sign', 'abs'])}(${g('num')})`,
        () => `Math.${r.pick(['max', 'min'])}(${g('num')}, ${g('num')})`,
        () => `Math.pow(${g('num')}, ${r.int(0, 2)})`,
        () => `(${r.pick(['n', 'm', 'o.a'])} ** ${r.int(0, 3)})`,
        () => `(${g('bool')} ? ${g('num')} : ${g('num')})`,
        () => `(u ?? ${g('num')})`,
        () => `(o.c ?? ${g('num')})`,
        () => { const a = local('acc'); return `(${g('nums')}).reduce((${a}, ${x}) => ${a} + ${expression(r, 'num', depth - 1, withName(withName(env, 'num', x), 'num', a))}, ${g('num')})`; },
        () => `(${g('nums')}).indexOf(${g('num')})`,
        () => `(${g('nums')}).findIndex((${x}) => ${expression(r, 'bool', depth - 1, withName(env, 'num', x))})`,
        () => `((${g('nums')}).find((${x}) => ${expression(r, 'bool', depth - 1, withName(env, 'num', x))}) ?? ${g('num')})`,
        () => `(${g('str')}).indexOf(${g('str')})`,
        () => `(${g('nums')}[${g('num')}] ?? ${g('num')})`,
        () => `((${g('nums')}).at(${g('num')}) ?? ${g('num')})`,
        () => `(${g('nums')}).filter((${x}) => ${expression(r, 'bool', depth - 1, withName(env, 'num', x))}).length`,
        () => `Number(${g('bool')})`,
        () => `Number(String(${g('num')}))`,
        () => `parseFloat(String(${g('num')}))`,
        () => `parseInt(String(${g('num')}))`,
        () => `(${g('str')}).length`,
        () => `(${g('nums')}).length`,
        () => `Object.keys(o).length`,
        () => `recs.map((r) => r.v).reduce((p, q) => p + q, 0)`,
        () => `grid.map((row) => row.length).reduce((p, q) => Math.max(p, q), 0)`,
        () => `clamp(${g('num')}, -2, LIMIT)`,
        () => `fact(Math.abs(Math.trunc(${g('num')})) % 6)`,
        () => `sumTo(Math.abs(Math.trunc(${g('num')})) % 20)`,
        () => `(${g('mixed')} ? 1 : 0)`,
        () => `recs.reduce((sum, { v: value }) => sum + value, ${g('num')})`,
        () => `(recs[0]?.v ?? ${g('num')})`,
        () => { const [p, q] = [local('p'), local('q')]; return `(([${p}, ${q} = ${g('num')}]) => ${p} + ${q})([${g('num')}])`; },
        // The standard library beyond the basics (README "JavaScript semantics").
        () => `(${g('nums')}).findLastIndex((${x}) => ${expression(r, 'bool', depth - 1, withName(env, 'num', x))})`,
        () => `((${g('nums')}).findLast((${x}) => ${expression(r, 'bool', depth - 1, withName(env, 'num', x))}) ?? ${g('num')})`,
        () => `(${g('nums')}).lastIndexOf(${g('num')})`,
        () => `(${g('nums')}).indexOf(${g('num')}, ${g('num')})`,
        () => { const a = local('acc'); return `(${g('nums')}).reduceRight((${a}, ${x}) => ${a} - ${x}, ${g('num')})`; },
        () => `(${g('str')}).lastIndexOf(${g('str')})`,
        () => `(${g('str')}).indexOf(${g('str')}, ${g('num')})`,
        () => `(${g('str')}).search(/${r.pick(['a', '[0-9]', 'é|x', '^ '])}/${r.pick(['', 'i'])})`,
        () => `new Set(${g('nums')}).size`,
        () => `(new Map(recs.map((r) => [r.k, r.v])).get(${g('str')}) ?? ${g('num')})`,
        () => `Math.${r.pick(['max', 'min'])}(${g('num')}, ...${g('nums')})`,
        () => `((${x}: string) => (${x}.length > 0 ? ${x}.charCodeAt(0) : -1))(${g('str')})`,
        () => `new Date(Date.UTC(2000 + clamp(${g('num')}, -100, 100), clamp(${g('num')}, -30, 30), clamp(${g('num')}, -40, 40))).getUTC${r.pick(['FullYear', 'Month', 'Date', 'Day', 'Hours'])}()`,
        () => `(Color.${r.pick(['Red', 'Green', 'Blue'])} + ${g('num')})`,
        () => `(LIMITS.max * ${g('num')})`,
      ];
      return r.pick(choices)();
    }
    case 'str': {
      const x = local('x');
      const choices: (() => string)[] = [
        () => `(${g('str')} + ${g('str')})`,
        () => `(${g('str')} + ${g('num')})`,
        () => `(${g('num')} + ${g('str')})`,
        () => `\`${r.pick(['', 'k:'])}\${${g('str')}}|\${${g('num')}}|\${${g('bool')}}\``,
        () => `(${g('str')}).${r.pick(['toUpperCase', 'toLowerCase', 'trim', 'trimStart', 'trimEnd'])}()`,
        () => `(${g('str')}).slice(${g('num')})`,
        () => `(${g('str')}).slice(${g('num')}, ${g('num')})`,
        () => `(${g('str')}).substring(${g('num')}, ${g('num')})`,
        () => `(${g('str')}).${r.pick(['padStart', 'padEnd'])}(${r.int(0, 6)}${r.chance(0.5) ? `, ${JSON.stringify(r.pick(['*', '-=', '']))}` : ''})`,
        () => `(${g('str')}).repeat(${r.int(0, 3)})`,
        () => `(${g('str')}).charAt(${g('num')})`,
        () => `(${g('str')}[${g('num')}] ?? "?")`,
        () => `((${g('str')}).at(${g('num')}) ?? "")`,
        () => `(${g('str')}).${r.pick(['replace', 'replaceAll'])}(${JSON.stringify(r.pick(['a', ' ', '-', 'aa']))}, ${JSON.stringify(r.pick(['', 'b', 'xy']))})`,
        () => `String(${g(r.pick(['num', 'bool', 'nums', 'mixed'] as const))})`,
        () => `(${g('nums')}).join(${JSON.stringify(r.pick(['-', '', ', ']))})`,
        () => `(${g('strs')}).join()`,
        () => `JSON.stringify(${g(r.pick(['num', 'str', 'bool', 'nums', 'strs', 'obj', 'grid', 'mixed'] as const))})`,
        () => `(${g('bool')} ? ${g('str')} : ${g('str')})`,
        () => `(${g('str')} || ${g('str')})`,
        () => `(${g('str')} && ${g('str')})`,
        () => `(typeof ${g(r.pick(['mixed', 'num', 'obj'] as const))})`,
        () => `(${g('strs')}[${g('num')}] ?? ${g('str')})`,
        () => `((${g('strs')}).find((${x}) => ${expression(r, 'bool', depth - 1, withName(env, 'str', x))}) ?? ${g('str')})`,
        () => `(${g('str')}).concat(${g('str')})`,
        () => `(${g('num')}).toString()`,
        () => `(z ?? ${g('str')})`,
        () => `label(${g('str')}, ${g('num')})`,
        () => `sign(${g('num')})`,
        () => `recs.map(({ k, ...rest }) => k + JSON.stringify(rest)).join(";")`,
        () => `(recs.find((r) => r.k === ${g('str')})?.k ?? "missing")`,
        () => `("k" in (recs[0] ?? {}) ? "has" : "none")`,
        () => `clamp(${g('num')}, -1000000, 1000000).toFixed(${r.int(0, 3)})`,
        () => `Math.trunc(clamp(${g('num')}, -1000000, 1000000)).toString(${r.pick([2, 16, 36])})`,
        () => `(${g('str')}).replace(/[aeiou]/g, ${JSON.stringify(r.pick(['_', '<$&>', '$$']))})`,
        () => `(${g('str')}).replace(/(a)(-)?/${r.pick(['', 'g'])}, "[$1$2]")`,
        () => `(${g('str')}).replace(/[a-z]/gi, (${x}) => ${x}.toUpperCase() + ${g('num')})`,
        () => `((${g('str')}).match(/[a-z]+/gi)?.join("+") ?? "none")`,
        () => `JSON.stringify(${g(r.pick(['obj', 'nums', 'grid', 'mixed'] as const))}, null, ${r.pick(['1', '4', '"--"', '0'])})`,
        () => `Color[Color.${r.pick(['Red', 'Green', 'Blue'])}]`,
        () => `(Dir.${r.pick(['Up', 'Down'])} + LIMITS.name)`,
        () => `new Date(Date.UTC(2024, clamp(${g('num')}, -100, 100), 1, 0, 0, 0, clamp(${g('num')}, -5000, 5000))).toISOString()`,
        () => `[...new Set(${g('strs')})].join()`,
        () => `String.fromCharCode(65 + Math.abs(Math.trunc(${g('num')})) % 26)`,
        () => `((${g('str')}).padEnd(${r.int(0, 5)}, "-").at(-1) ?? "")`,
      ];
      return r.pick(choices)();
    }
    case 'bool': {
      const x = local('x');
      const choices: (() => string)[] = [
        () => `(${g('num')} ${r.pick(['<', '<=', '>', '>=', '===', '!=='])} ${g('num')})`,
        () => `(${g('str')} ${r.pick(['<', '<=', '>', '>=', '===', '!=='])} ${g('str')})`,
        () => `!${unnarrowed(g(r.pick(['num', 'str', 'bool', 'nums', 'obj', 'mixed'] as const)))}`,
        () => `(${g('bool')} && ${g('bool')})`,
        () => `(${g('bool')} || ${g('bool')})`,
        () => `(${g('nums')}).includes(${g('num')})`,
        () => `(${g('strs')}).includes(${g('str')})`,
        () => `(${g('str')}).${r.pick(['startsWith', 'endsWith', 'includes'])}(${g('str')})`,
        () => `(${g('nums')}).${r.pick(['some', 'every'])}((${x}) => ${expression(r, 'bool', depth - 1, withName(env, 'num', x))})`,
        () => `Array.isArray(${unnarrowed(g(r.pick(['mixed', 'nums'] as const)))})`,
        () => `Boolean(${g(r.pick(['num', 'str', 'mixed', 'obj'] as const))})`,
        () => `(${unnarrowed('u')} === undefined)`,
        () => `(${unnarrowed('u')} !== ${g('num')})`,
        () => `(${unnarrowed('z')} === null)`,
        () => `(${unnarrowed('z')} == null)`,
        () => `("c" in o)`,
        () => `Number.isInteger(${g('num')})`,
        () => `(${unnarrowed('v')} === ${r.pick(['null', '""', '0', 'true', '"a"'])})`,
        () => `/${r.pick(['^[a-z]', '\\d', 'a-?b', '\\s$'])}/${r.pick(['', 'i', 'm'])}.test(${g('str')})`,
        () => `new Set(${g('nums')}).has(${g('num')})`,
        () => `new Map(recs.map((r) => [r.k, r.v])).has(${g('str')})`,
        () => `Number.isSafeInteger(${g('num')})`,
        () => `(new Date(Date.UTC(2024, clamp(${g('num')}, -50, 50))) < new Date(Date.UTC(2024, clamp(${g('num')}, -50, 50))))`,
      ];
      return r.pick(choices)();
    }
    case 'nums': {
      const x = local('x');
      const i = local('i');
      const choices: (() => string)[] = [
        () => `(${g('nums')}).map((${x}) => ${expression(r, 'num', depth - 1, withName(env, 'num', x))})`,
        () => `(${g('nums')}).map((${x}, ${i}) => ${expression(r, 'num', depth - 1, withName(withName(env, 'num', x), 'num', i))})`,
        () => `(${g('nums')}).filter((${x}) => ${expression(r, 'bool', depth - 1, withName(env, 'num', x))})`,
        () => `(${g('nums')}).filter((${x}, ${i}) => ${i} % 2 === 0)`,
        () => `(${g('nums')}).slice(${g('num')})`,
        () => `(${g('nums')}).slice(${g('num')}, ${g('num')})`,
        () => `[...${g('nums')}, ${g('num')}]`,
        () => `[${g('num')}, ...${g('nums')}]`,
        () => `[${g('num')}, ${g('num')}]`,
        () => `(${g('nums')}).concat(${g('nums')})`,
        () => `(${g('nums')}).concat(${g('num')})`,
        () => `[...${g('nums')}].sort()`,
        () => `[...${g('nums')}].sort((p, q) => p - q)`,
        () => `(${g('nums')}).toSorted((p, q) => q - p)`,
        () => `(${g('nums')}).toReversed()`,
        () => `grid.flat()`,
        () => `(${g('grid')}).map((row) => row.length)`,
        () => `recs.map((r) => r.v)`,
        () => `(${g('bool')} ? ${g('nums')} : ${g('nums')})`,
        () => `(${g('strs')}).map((${x}) => ${x}.length)`,
        () => `(${g('nums')}).flatMap((${x}) => [${x}, ${expression(r, 'num', depth - 1, withName(env, 'num', x))}])`,
        () => `((${x}: number[]) => (${x}.length ? ${x}.with(-1, ${g('num')}) : ${x}))(${g('nums')})`,
        () => `[...new Set(${g('nums')})]`,
        () => `Array.from({ length: Math.abs(Math.trunc(${g('num')})) % 4 }, (_, ${i}) => ${i} * ${g('num')})`,
        () => `[...${g('nums')}].fill(${g('num')}, ${r.int(-2, 2)})`,
        () => `(${g('grid')}).flat(${r.pick([1, 2])})`,
        () => `[...new Map(recs.map((r) => [r.k, r.v])).values()]`,
        () => `Array.of(${g('num')}, ...${g('nums')})`,
      ];
      return r.pick(choices)();
    }
    case 'strs': {
      const x = local('x');
      const choices: (() => string)[] = [
        () => `Object.keys(o)`,
        () => `(${g('str')}).split(${JSON.stringify(r.pick(['a', '', ' ', '-']))})`,
        () => `(${g('strs')}).map((${x}) => ${expression(r, 'str', depth - 1, withName(env, 'str', x))})`,
        () => `(${g('strs')}).filter((${x}) => ${expression(r, 'bool', depth - 1, withName(env, 'str', x))})`,
        () => `[...${g('strs')}].sort()`,
        () => `(${g('nums')}).map((${x}) => String(${x}))`,
        () => `recs.map((r) => r.k)`,
        () => `(${g('strs')}).slice(${g('num')})`,
        () => `[${g('str')}, ...${g('strs')}]`,
        () => `(${g('str')}).split(/[- ]/)`,
        () => `Array.from(${g('str')})`,
        () => `[...new Map(recs.map((r) => [r.k, r.v])).keys()]`,
      ];
      return r.pick(choices)();
    }
    case 'obj': {
      const choices: (() => string)[] = [
        () => `{ a: ${g('num')}, b: ${g('str')}, d: ${g('nums')} }`,
        () => `{ ...o, a: ${g('num')} }`,
        () => `{ ...o, d: ${g('nums')}, extra: [${g('nums')}] }`,
        () => `(${g('bool')} ? o : { a: 1, b: "x", d: [] })`,
        () => `(recs.find((r) => r.v > ${g('num')}) ?? { k: "none", v: 0 })`,
        () => `Object.fromEntries(Object.entries(o))`,
        () => `{ [${g('str')}]: ${g('num')}, list: ${g('strs')} }`,
        () => `Object.entries(o)`,
        () => `Object.fromEntries(new Map(recs.map((r) => [r.k, r.v])))`,
        () => `{ ...${g('nums')}, n: ${g('num')} }`,
      ];
      return r.pick(choices)();
    }
    case 'grid': {
      const x = local('x');
      const choices: (() => string)[] = [
        () => `(${g('grid')}).map((row) => row.filter((${x}) => ${expression(r, 'bool', depth - 1, withName(env, 'num', x))}))`,
        () => `[[${g('num')}], ${g('nums')}]`,
        () => `[${g('nums')}]`,
        () => `(${g('grid')}).filter((row) => row.length > ${r.int(0, 2)})`,
        () => `(${g('grid')}).map((row) => [...row].sort())`,
        () => `[...${g('grid')}, ${g('nums')}]`,
        () => `(${g('nums')}).map((${x}) => [${x}])`,
      ];
      return r.pick(choices)();
    }
    case 'mixed':
      return r.pick([() => `(${g('bool')} ? ${g('num')} : ${g('str')})`, () => `(${g('bool')} ? v : null)`, () => names.length ? r.pick(names) : 'v'])();
  }
}

/** `!name` in a condition would narrow the input's type in the branches (to `never` for objects); `as` keeps it. */
function unnarrowed(text: string): string {
  if (text in INPUTS) return `(${text} as ${INPUTS[text as keyof typeof INPUTS]})`;
  return /^[A-Za-z_][\w.]*$/.test(text) && text !== 'true' && text !== 'false' ? `(${text} as typeof ${text})` : text;
}

function leafOf(r: Random, type: T, env: Env): string {
  const names = env[type] ?? [];
  if (names.length && r.chance(0.7)) return r.pick(names);
  switch (type) {
    // Literals are widened (`as number`), so comparing two of them is not a TypeScript error ("no overlap").
    case 'num':
      return `(${r.pick([0, 1, 2, 3, 2.5, 0.25, 10])} as number)`;
    case 'str':
      return `(${JSON.stringify(string(r))} as string)`;
    case 'bool':
      return r.pick(['true', 'false']);
    case 'nums':
      return r.pick(['xs', 'ys', 'o.d', '[1, 2, 3]', '([] as number[])']);
    case 'strs':
      return r.pick(['ss', '["b", "a", ""]']);
    case 'obj':
      return 'o';
    case 'grid':
      return r.pick(['grid', '[[1], [2, 3], []]']);
    case 'mixed':
      return 'v';
  }
}

export const TYPES: T[] = ['num', 'str', 'bool', 'nums', 'strs', 'obj', 'grid', 'mixed'];

/**
 * A random await-free program over `total` (number), `acc` (string), `count` (number) and a fresh local array `list`,
 * with branches, loops (for…of with break/continue, counted for, while, do), switch and block-scoped constants.
 */
export function program(r: Random): string {
  const lines = [`let total: number = ${expression(r, 'num', 1, BASE_ENV)};`, `let acc: string = ${expression(r, 'str', 1, BASE_ENV)};`, 'let count = 0;', 'const list: number[] = [];'];
  const env: Env = withName(withName(withName(BASE_ENV, 'num', 'total'), 'num', 'count'), 'str', 'acc');
  // The array is read through copies only: handing `list` itself to another name would alias it (a diagnostic).
  lines.push(...statements(r, 3, withName(env, 'nums', '[...list]'), false));
  return lines.join('\n');
}

function statements(r: Random, depth: number, env: Env, inLoop: boolean): string[] {
  const out: string[] = [];
  for (let k = r.int(1, 3); k > 0; k--) out.push(statement(r, depth, env, inLoop));
  return out;
}

function statement(r: Random, depth: number, env: Env, inLoop: boolean): string {
  const e = (t: T) => expression(r, t, 2, env);
  const simple: (() => string)[] = [
    () => `total += ${e('num')};`,
    () => `total = ${e('num')};`,
    () => `total -= 1;`,
    () => `acc = (acc + ${e('str')}).slice(-16);`,
    () => `acc = (${e('str')}).slice(0, 12);`,
    () => `count++;`,
    () => `--count;`,
    // Bounded: a loop over `[...list]` that pushes would double it every pass.
    () => `if (list.length < 8) list.push(${e('num')});`,
    () => `{ const w = ${e('num')}; total = Math.round((total + w) / 2); }`,
  ];
  if (inLoop) simple.push(() => `if (${e('bool')}) continue;`, () => `if (${e('bool')}) break;`);
  if (depth <= 0 || r.chance(0.4)) return r.pick(simple)();
  const x = local('x');
  const i = local('i');
  const compound: (() => string)[] = [
    () => `if (${e('bool')}) {\n${statements(r, depth - 1, env, inLoop).join('\n')}\n} else {\n${statements(r, depth - 1, env, inLoop).join('\n')}\n}`,
    () => `if (${e('bool')}) ${r.pick(simple)()}`,
    () => `for (const ${x} of ${e('nums')}) {\n${statements(r, depth - 1, withName(env, 'num', x), true).join('\n')}\n}`,
    () => `for (let ${i} = 0; ${i} < ${r.int(0, 4)}; ${i}++) {\n${statements(r, depth - 1, withName(env, 'num', i), true).join('\n')}\n}`,
    () => `{ let ${i} = 0;\nwhile (${i} < ${r.int(0, 4)}) {\n${i}++;\n${statements(r, depth - 1, withName(env, 'num', i), true).join('\n')}\n} }`,
    () => `{ let ${i} = 0;\ndo {\n${i} += 1;\n${statements(r, depth - 1, env, true).join('\n')}\n} while (${i} < ${r.int(0, 3)}); }`,
    () => `switch (count % 3) {\ncase 0:\n${statements(r, depth - 1, env, inLoop).join('\n')}\nbreak;\ncase 1:\n${statements(r, depth - 1, env, inLoop).join('\n')}\ncase -1:\n${r.pick(simple)()}\nbreak;\ndefault:\n${r.pick(simple)()}\n}`,
  ];
  return r.pick(compound)();
}
