// Differential testing on generated workflows: random nestings of tasks, if/switch/ternary, while/do/for/for…of
// with break/continue/return, try/catch/finally, throws, sleeps, Map and Parallel, and changes in place (push/pop/
// splice/sort/field set/delete/counters/forEach) are compiled, then run natively and
// in the runtime with the same handlers; output or error/cause must be identical.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { WorkflowError } from '@typestep/dsl';
import { StateMachine, validateDefinition } from '@typestep/runtime';
import { compile } from '../src/index.js';
import { failure } from './fixture-cases.js';

// `npm test` runs a handful; GENERATED_WORKFLOWS=300 GENERATED_FROM=1 explores more seeds.
const PROGRAMS = Number(process.env.GENERATED_WORKFLOWS ?? 12);
const FIRST = Number(process.env.GENERATED_FROM ?? 1);
const s = suite('generated workflows');

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
function program(seed: number): string {
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
    const choice = pick(depth >= 3 ? 4 : 18);
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
      switch (depth <= 0 ? pick(2) : pick(6)) {
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

const root = mkdtempSync(join(tmpdir(), 'typestep-generated-'));
mkdirSync(join(root, 'node_modules', '@typestep'), { recursive: true });
symlinkSync(fileURLToPath(new URL('../../dsl', import.meta.url)), join(root, 'node_modules', '@typestep', 'dsl'));

/** Deterministic handler: v depends on n; some n fail (retried once by the declaration, then fatal). */
const handlers = (failAt: number) => () => {
  const seen = new Map<number, number>();
  return {
    '${StepArn}': (input: { n: number }) => {
      const attempts = (seen.get(input.n) ?? 0) + 1;
      seen.set(input.n, attempts);
      if (input.n % 7 === failAt && attempts === 1) throw failure('Flaky', `n ${input.n}`);
      if (input.n % 11 === failAt) throw failure('Broken', `n ${input.n}`);
      return { v: (input.n % 5) + 1 };
    },
  };
};

for (let seed = FIRST; seed < FIRST + PROGRAMS; seed++) {
  s(`program ${seed}`, async () => {
    const file = join(root, `program-${seed}.ts`);
    const source = `import { lambda, map, sleep, workflow, WorkflowError } from '@typestep/dsl';

const step = lambda<{ n: number }, { v: number }>('\${StepArn}', { retry: { errors: ['Flaky'], maxAttempts: 1, intervalSeconds: 1 } });

export const main = workflow('Generated${seed}', async (input: { start: number }) => {
    let acc = input.start;
    let log: string[] = [];
    const bag: number[] = [];
    const tally: Record<string, number> = { count: 0 };
    ${program(seed)}
    return { acc, log, bag, tally };
});
`;
    writeFileSync(file, source);
    const { workflows, diagnostics } = await compile({ files: [file] });
    assert.equal(diagnostics.map(String), [], `seed ${seed} compiles:\n${source}`);
    const definition = workflows[0]!.definition;
    assert.equal(validateDefinition(definition), []);
    const { main } = (await import(pathToFileURL(file).href)) as { main: { run(i: unknown, o: unknown): Promise<unknown> } };
    for (const [start, failAt] of [[0, 9], [3, 2], [5, 4], [8, 0]] as const) {
      let native: unknown;
      try {
        native = { status: 'SUCCEEDED', output: await main.run({ start }, { handlers: handlers(failAt)() }) };
      } catch (error) {
        // The program imports the dsl through a symlinked node_modules: its WorkflowError may be another module instance.
        if (!(error instanceof WorkflowError) && (error as Error)?.constructor?.name !== 'WorkflowError') throw error;
        native = { status: 'FAILED', error: (error as WorkflowError).name, cause: (error as WorkflowError).cause };
      }
      const result = await new StateMachine(definition as never, { handlers: handlers(failAt)() }).run({ start });
      const compiled = result.status === 'SUCCEEDED' ? { status: 'SUCCEEDED', output: result.output } : { status: 'FAILED', error: result.error, cause: result.cause };
      assert.equal(compiled, native, `seed ${seed}, start ${start}, failAt ${failAt}:\n${source}`);
    }
  });
}

s.run();
