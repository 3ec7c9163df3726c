// The generator of the generated-workflow differential runs: a seed (and options) gives one TypeScript module, always
// the same. Random nestings of tasks, if/switch/ternary, while/do/for/for…of with break/continue/return (also labeled),
// try/catch/finally, throws (also of error classes, caught by instanceof), sleeps, Map, Parallel, Promise.allSettled,
// named tasks in finally blocks, awaits inside expressions and conditions, async and plain helper calls, and changes
// in place (push/pop/splice/sort/field set/delete/counters/forEach).

/** What a generated program may contain besides the basics. */
export interface ProgramOptions {
  /** Reads of optional fields that are absent in some runs, kept in variables across states. */
  optional: boolean;
}

/** A small seeded PRNG (mulberry32), so a failing program can be regenerated from its seed. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Generates a workflow body: statements over `acc` (number) and `log` (string[]). */
function program(seed: number, options: ProgramOptions): string {
  const pick = random(seed);
  // Changes in place come from a stream of their own and never change `acc`: the control flow and task calls of a
  // seed stay what they were without them, and `bag`/`tally` in the output check every change.
  const change = random(seed * 7919 + 13);
  let counter = 0;
  const block = (depth: number, inLoop: boolean, inTry: boolean): string[] => {
    const out: string[] = [];
    const count = 1 + pick(depth === 0 ? 4 : 3);
    for (let i = 0; i < count; i++) {
      out.push(...statement(depth, inLoop, inTry));
      if (change(3) === 0) out.push(...inPlace());
    }
    return out;
  };
  /** A change in place of `bag` (number[]) or `tally` (Record<string, number>). */
  const inPlace = (): string[] => {
    const id = counter++;
    const key = `'k' + (acc % 3)`;
    switch (change(6)) {
      case 0:
        return [[`bag.push(acc % 10, 1);`, `bag.unshift(acc % 4);`, `tally.z = bag.push(acc % 6);`][change(3)]!, `tally[${key}] = (tally[${key}] ?? 0) + 1;`];
      case 1:
        return [`const o${id} = bag.${change(2) ? 'pop' : 'shift'}() ?? -1;`, `tally.o = (tally.o ?? 0) + o${id};`];
      case 2:
        return [[`bag.sort((a, b) => b - a);`, `bag.sort();`, `bag.reverse();`, `tally.s = bag.splice(${change(3) - 1}, 1, acc % 3).length;`, `bag[0] = acc;`, `if (bag.length > 0) bag[bag.length - 1] += 2;`][change(6)]!];
      case 3:
        return [[`tally.n${change(3)} = acc;`, `delete tally[${key}];`, `tally.total = (tally.total ?? 0) + acc;`, `Object.assign(tally, { last: acc });`, `tally.count++;`][change(5)]!];
      case 4:
        return [[`bag.forEach((b, i) => { tally.sum = (tally.sum ?? 0) + (b % 3) * i; });`, `bag.forEach((b) => { tally['b' + b] = (tally['b' + b] ?? 0) + 1; });`][change(2)]!];
      default:
        return [`tally.count += 1;`];
    }
  };
  const statement = (depth: number, inLoop: boolean, inTry: boolean): string[] => {
    const id = counter++;
    const choice = pick(depth >= 3 ? 4 : options.optional ? 34 : 30);
    switch (choice) {
      case 0:
      case 1:
        return [`const r${id} = await step({ n: acc + ${pick(7)} });`, `acc = acc + r${id}.v;`];
      case 2:
        return [`acc = acc * 2 - ${pick(5)};`, `log = [...log, 'p${id}'];`];
      case 3:
        return [`await sleep(${1 + pick(3)});`];
      case 4:
        return [`if (acc % ${2 + pick(3)} === 0) {`, ...block(depth + 1, inLoop, inTry), '} else {', ...block(depth + 1, inLoop, inTry), '}'];
      case 5:
        return [`for (let i${id} = 0; i${id} < ${1 + pick(3)}; i${id}++) {`, ...block(depth + 1, true, inTry), '}'];
      case 6:
        return [`let w${id} = 0;`, `while (w${id} < ${1 + pick(3)}) {`, `w${id} += 1;`, ...block(depth + 1, true, inTry), '}'];
      case 7:
        return [
          'try {',
          ...block(depth + 1, inLoop, true),
          '} catch (e) {',
          `log = [...log, 'c:' + (e as WorkflowError).name];`,
          ...(pick(4) === 0 ? ['throw e;'] : block(depth + 1, inLoop, inTry)),
          '}',
        ];
      case 8:
        return inLoop ? [`if (acc > ${10 + pick(20)}) ${pick(2) === 0 ? 'break' : 'continue'};`] : [`if (acc > ${40 + pick(40)}) return { acc, log, early: ${id} };`];
      case 9:
        return [`if (acc === ${pick(30)}) throw new WorkflowError('Hit${id}', 'acc ' + acc);`];
      case 11:
        return [`for (const x${id} of [${pick(4)}, acc % 5]) {`, `acc = acc + x${id};`, ...block(depth + 1, true, inTry), '}'];
      case 12:
        return [`let d${id} = 0;`, 'do {', `d${id} += 1;`, ...block(depth + 1, true, inTry), `} while (d${id} < ${1 + pick(2)});`];
      case 13:
        return [
          'switch (acc % 3) {',
          'case 0:',
          ...block(depth + 1, inLoop, inTry),
          'case 1:',
          ...block(depth + 1, inLoop, inTry),
          'break;',
          'default:',
          ...block(depth + 1, inLoop, inTry),
          '}',
        ];
      case 14:
        return [`const t${id} = acc % 2 === 0 ? (await step({ n: acc })).v : acc + 1;`, `acc = acc + t${id};`];
      case 15:
        return [`const [m${id}, n${id}] = await Promise.all([acc, acc + 1].map(async (x) => (await step({ n: x + ${pick(3)} })).v));`, `acc = acc + m${id} + n${id};`];
      case 16:
        return [`const [p${id}, q${id}] = await Promise.all([step({ n: acc }), step({ n: acc + 1 })]);`, `acc = acc + p${id}.v + q${id}.v;`];
      case 17:
        return [`const [k${id}, l${id}] = await map([acc, acc + 2], async (x, index) => {`, 'let a = x + index;', ...iteration(2), 'return a;', '});', `acc = acc + k${id} + l${id};`];
      case 18:
        return [`acc = acc + (await step({ n: acc })).v * 2 - (await step({ n: acc + ${pick(3)} })).v;`];
      case 19:
        return [`if ((await step({ n: acc + ${pick(4)} })).v > 2) {`, ...block(depth + 1, inLoop, inTry), '} else {', ...block(depth + 1, inLoop, inTry), '}'];
      case 20:
        // Short-circuit: the task in the condition runs only while c < limit.
        return [`let c${id} = 0;`, `while (c${id} < ${1 + pick(3)} && (await step({ n: acc + c${id} })).v < 5) {`, `c${id}++;`, ...block(depth + 1, true, inTry), '}'];
      case 21:
        return [`acc = acc + await bump(acc, ${pick(3)});`];
      case 22:
        return [`acc = acc + (acc % 2 === 0 ? await guarded(acc) : 0) + (acc > ${pick(20)} ? 1 : (await step({ n: acc })).v);`, `acc = clamp(acc);`];
      case 23:
        return [
          `outer${id}: for (let i${id} = 0; i${id} < 2; i${id}++) {`,
          `for (let j${id} = 0; j${id} < 2; j${id}++) {`,
          ...block(depth + 1, true, inTry),
          `if (acc % 3 === j${id}) continue outer${id};`,
          `if (acc > ${30 + pick(30)}) break outer${id};`,
          '}',
          '}',
        ];
      case 24:
        return [`const { v: z${id}, w: y${id} = ${pick(5)} } = await step({ n: acc + ${pick(6)} });`, `acc = acc + z${id} + y${id};`, `log = [...log, \`z\${await bump(z${id}, 1)}\`];`];
      case 25:
        return [`if (acc % ${3 + pick(5)} === ${pick(3)}) throw new ${pick(2) === 0 ? 'Oops' : 'BigOops'}('acc ' + acc);`];
      case 26:
        // Caught errors told apart by class: thrown Oops/BigOops, and task failures named Oops.
        return [
          'try {',
          ...block(depth + 1, inLoop, true),
          '} catch (e) {',
          'if (e instanceof BigOops) {',
          `log = [...log, 'big:' + e.message];`,
          '} else if (e instanceof Oops) {',
          `log = [...log, 'oops:' + e.name];`,
          ...(pick(3) === 0 ? ['throw e;'] : []),
          '} else if (e instanceof WorkflowError) {',
          `log = [...log, 'other:' + e.name];`,
          '}',
          '}',
        ];
      case 27:
        return [
          `const [s${id}, u${id}] = await Promise.allSettled([step({ n: acc }), step({ n: acc + ${1 + pick(3)} })]);`,
          `acc = acc + (s${id}.status === 'fulfilled' ? s${id}.value.v : 50);`,
          `log = [...log, u${id}.status === 'rejected' ? 'r:' + (u${id}.reason instanceof Oops ? 'oops' : (u${id}.reason as WorkflowError).name) : 'f:' + u${id}.value.v];`,
        ];
      case 28:
        return [`const g${id} = await Promise.allSettled([acc, acc + 3].map(async (x) => (await step({ n: x })).v));`, `acc = acc + g${id}.filter((r) => r.status === 'fulfilled').length;`, `log = [...log, 'g:' + g${id}.length];`];
      case 29:
        // A named task in a finally: one state per path, each answered by the handler registered by that name.
        return ['try {', ...block(depth + 1, inLoop, true), '} finally {', `const h${id} = await step({ n: acc }, { name: 'Cleanup ${id}' });`, `log = [...log, 'h' + h${id}.v];`, '}'];
      // With options.optional: values that are undefined in some runs, each stored across a state.
      case 30:
        return [`const e${id} = (await step({ n: acc + ${pick(5)} })).extra;`, `await step({ n: ${pick(9)} });`, `if (e${id} !== undefined) acc = acc + e${id};`, `else log = [...log, \`u${id}:\${e${id}}\`];`];
      case 31:
        return [`let z${id};`, `if (acc % 2 === 0) z${id} = acc;`, `const y${id} = await step({ n: acc + 1 });`, `acc = acc + y${id}.v + (z${id} ?? 1);`];
      case 32:
        return [`let b${id}: number | undefined = input.bonus;`, `if (acc > ${10 + pick(20)}) b${id} = undefined;`, `await sleep(1);`, `log = [...log, \`b${id}:\${b${id}}\`];`, `acc = acc + (b${id} ?? 0);`];
      case 33:
        return [`const o${id} = await step({ n: acc });`, `const c${id} = { ...o${id}, n: input.bonus };`, `await step({ n: c${id}.extra ?? 2 });`, `acc = acc + (c${id}.n ?? c${id}.extra ?? c${id}.v);`];
      default:
        // try/finally: the block may return, break, continue or throw through the finally.
        return ['try {', `const f${id} = await step({ n: acc });`, `acc = acc + f${id}.v;`, ...block(depth + 1, inLoop, true), '} finally {', `log = [...log, 'f${id}'];`, `await step({ n: ${pick(9)} });`, '}'];
    }
  };
  /** A Map iteration's body: its own variable `a` (it may not assign the workflow's). */
  const iteration = (depth: number): string[] => {
    const out: string[] = [];
    for (let i = 0, count = 1 + pick(3); i < count; i++) {
      const id = counter++;
      switch (depth <= 0 ? pick(2) : pick(7)) {
        case 0:
          out.push(`const s${id} = await step({ n: a + ${pick(5)} });`, `a = a + s${id}.v;`);
          break;
        case 1:
          out.push(`a = a * 2 - ${pick(4)};`);
          break;
        case 2:
          out.push(`if (a % 2 === 0) {`, ...iteration(depth - 1), '} else {', ...iteration(depth - 1), '}');
          break;
        case 3:
          out.push('try {', ...iteration(depth - 1), '} catch (e) {', `a = a + 100;`, '}');
          break;
        case 4:
          out.push(`for (let j${id} = 0; j${id} < 2; j${id}++) {`, ...iteration(depth - 1), `if (a > ${20 + pick(20)}) break;`, '}');
          break;
        case 5:
          out.push(`a = a + await bump(a, ${1 + pick(2)});`);
          break;
        default:
          out.push(`if (a > ${30 + pick(30)}) return a;`);
      }
      // The iteration's own array, changed in place.
      if (change(3) === 0) out.push(`const own${id} = [a, ${change(5)}];`, `own${id}.push(a % 3);`, `own${id}.sort();`, `const last${id} = own${id}.pop() ?? 0;`, `if (last${id} > own${id}.length + 100) a = a;`);
    }
    return out;
  };
  return block(0, false, false).join('\n    ');
}

/** The whole module of one generated program: shared declarations (tasks, helpers, error classes) and the workflow. */
export function moduleSource(seed: number, options: ProgramOptions): string {
  return `import { lambda, map, sleep, workflow, WorkflowError } from '@typestep/dsl';

const step = lambda<{ n: number }, { v: number; w?: number; extra?: number }>('\${StepArn}', { retry: { errors: ['Flaky'], maxAttempts: 1, intervalSeconds: 1 } });

async function bump(n: number, k: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < k; i++) {
    const r = await step({ n: n + i });
    if (r.v > 4) return total + 100;
    total += r.v;
  }
  return total;
}

const guarded = async (n: number) => {
  try {
    return (await bump(n, 1)) + 1;
  } catch {
    return -1;
  }
};

function clamp(x: number): number {
  let y = x % 1000;
  while (y > 60) y -= 17;
  return y;
}

class Oops extends WorkflowError {
  constructor(message?: string) {
    super('Oops', message);
  }
}

class BigOops extends Oops {
  constructor(message: string) {
    super(message);
    this.name = 'BigOops';
  }
}

export const main = workflow('Generated${seed}', async (input: { start: number; bonus?: number }) => {
    let acc = input.start;
    let log: string[] = [];
    const bag: number[] = [];
    const tally: Record<string, number> = { count: 0 };
    ${program(seed, options)}
    return { acc, log, bag, tally };
});
`;
}
