// Property test: random well-typed expressions and await-free programs over random JSON inputs, run natively and
// compiled through the runtime; the two results must be the same JSON. Replay a failure with TYPESTEP_SEED=<seed>.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { Node, ts, type Expression, type Statement } from 'ts-morph';
import { lowerCondition, lowerExpression, lowerPureStatements } from '../../src/phases/3-lower/expressions/index.js';
import { BASE_ENV, INPUTS, PRELUDE, Random, TYPES, expression, inputValues, program } from './generate.js';
import { compiledRunner, project, scopeFor, typeErrors, type Outcome } from './harness.js';

// The default seed is the UTC date (YYYYMMDD): each day explores new cases, and a run is replayable
// from its date alone. TYPESTEP_SEED=random picks a fresh one; any number replays that seed.
const seed =
  process.env.TYPESTEP_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : process.env.TYPESTEP_SEED
      ? Number(process.env.TYPESTEP_SEED)
      : Number(new Date().toISOString().slice(0, 10).replaceAll('-', ''));
const EXPRESSIONS = Number(process.env.TYPESTEP_PROPERTY_EXPRESSIONS ?? 1000);
const PROGRAMS = Number(process.env.TYPESTEP_PROPERTY_PROGRAMS ?? 250);
const BATCH = 50;
const VALUE_SETS = 2;
const ASSIGNED = ['total', 'acc', 'count', 'list'];

interface Case {
  kind: 'expression' | 'condition' | 'program';
  source: string;
  values: Record<string, unknown>[];
}

/** A batch of cases: one source file (one type-check), one transpile, then each case lowered and run both ways. */
const timing = { typecheck: 0, lower: 0, runtime: 0, native: 0 };
async function runBatch(cases: Case[], batch: number): Promise<void> {
  let t0 = performance.now();
  const params = Object.entries(INPUTS).map(([name, type]) => `${name}: ${type}`).join(', ');
  const functions = cases.map((c, i) => c.kind === 'program'
    ? `function __case${i}(${params}) {\n${c.source}\nreturn { ${ASSIGNED.join(', ')} };\n}`
    : `function __case${i}(${params}) {\nreturn (${c.source})${c.kind === 'condition' ? ' ? true : false' : ''};\n}`);
  const text = `export {};\n${PRELUDE}\n${functions.join('\n')}\n`;
  const file = project.createSourceFile(`/property${batch}.ts`, text, { overwrite: true });
  const fn0 = file.getFunctionOrThrow('__case0');
  const errors = typeErrors(fn0);
  if (errors.length) throw new Error(`generated code does not type-check (a generator bug): ${errors.slice(0, 3).map((e) => `${e}\n  in: ${text.split('\n')[Number(e.split(':')[0]) - 1]}`).join('\n')}`);
  timing.typecheck += performance.now() - t0;
  const js = ts.transpileModule(text.replace('export {};\n', ''), { compilerOptions: { target: ts.ScriptTarget.ES2023 } }).outputText;
  const natives = new Function(`${js}\nreturn [${cases.map((_, i) => `__case${i}`).join(', ')}];`)() as ((...args: unknown[]) => unknown)[];
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const fn = file.getFunctionOrThrow(`__case${i}`);
    const scope = scopeFor(INPUTS);
    t0 = performance.now();
    let jsonata: string;
    if (c.kind === 'program') {
      const statements = fn.getStatements().slice(0, -1) as Statement[];
      const entries = lowerPureStatements(statements, scope, ASSIGNED);
      jsonata = `{${ASSIGNED.map((name) => `${JSON.stringify(name)}: ${entries[name]}`).join(', ')}}`;
    } else {
      const returned = (fn.getStatements()[0] as any).getExpression() as Expression;
      let node = Node.isConditionalExpression(returned) && c.kind === 'condition' ? returned.getCondition() : returned;
      while (Node.isParenthesizedExpression(node)) node = node.getExpression();
      jsonata = c.kind === 'condition' ? lowerCondition(node, scope) : lowerExpression(node, scope);
    }
    timing.lower += performance.now() - t0;
    const describe = () => `seed ${seed} (replay: TYPESTEP_SEED=${seed}), ${c.kind}:\n${c.source}\nJSONata: ${jsonata.length > 2000 ? `${jsonata.slice(0, 2000)}…` : jsonata}`;
    assert.equal(scope.diagnostics.diagnostics.map(String), [], `diagnostics for ${describe()}`);
    const compiled = compiledRunner(INPUTS, `{"v": ${jsonata}}`);
    for (const values of c.values) {
      const args = Object.keys(INPUTS).map((name) => structuredClone(values[name]));
      let native: Outcome;
      try {
        native = { ok: true, value: JSON.parse(JSON.stringify({ v: natives[i](...args) })).v };
      } catch (error) {
        native = { ok: false, error: String(error) };
      }
      t0 = performance.now();
      const result = await compiled(values);
      const spent = performance.now() - t0;
      timing.runtime += spent;
      if (process.env.TYPESTEP_PROFILE && spent > 500) console.log(`slow case (${Math.round(spent)} ms): ${c.source}`);
      if (!native.ok) throw new Error(`native run threw ${native.error} for ${describe()}`);
      if (JSON.stringify(result) !== JSON.stringify(native)) {
        const shown = (o: Outcome) => (o.ok ? JSON.stringify(o.value) : o.error.replace(/The JSONata expression '[\s\S]*' specified/, 'The expression specified'));
        assert.unreachable(`${describe()}\ninputs: ${JSON.stringify(values)}\nnative:   ${shown(native)}\ncompiled: ${shown(result)}`);
      }
    }
  }
}

const s = suite('expressions: property (native vs compiled)');

s(`${EXPRESSIONS} random expressions and ${PROGRAMS} random programs agree (seed ${seed})`, async () => {
  let batch = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (caseSeed) => {
        const r = new Random(caseSeed);
        const cases: Case[] = [];
        for (let i = 0; i < BATCH; i++) {
          const isProgram = i < BATCH * (PROGRAMS / (EXPRESSIONS + PROGRAMS));
          const kind: Case['kind'] = isProgram ? 'program' : r.chance(0.15) ? 'condition' : 'expression';
          const source = isProgram ? program(r) : expression(r, kind === 'condition' ? r.pick(TYPES) : r.pick(TYPES), r.int(1, 4), BASE_ENV);
          cases.push({ kind, source, values: Array.from({ length: VALUE_SETS }, () => inputValues(r)) });
        }
        await runBatch(cases, ++batch);
      }),
      { seed, numRuns: Math.ceil((EXPRESSIONS + PROGRAMS) / BATCH), endOnFailure: true },
    );
  } catch (error) {
    const cause = (error as { cause?: Error }).cause;
    console.error(`property test failed; replay with TYPESTEP_SEED=${seed}\n${cause?.message ?? ''}`);
    throw cause ?? error;
  }
});

s.after(() => {
  if (process.env.TYPESTEP_PROFILE) console.log(JSON.stringify(timing));
});

s.run();
