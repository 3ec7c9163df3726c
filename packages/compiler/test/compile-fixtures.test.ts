// Walks test/fixtures/<construct>/: input.ts compiles to expected*.asl.json (or expected-diagnostics.json);
// every definition passes the runtime's validator and asl-validator; cases.ts runs natively and compiled.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import aslValidator from 'asl-validator';
import { validateDefinition } from '@typestep/runtime';
import { compile } from '../src/index.js';
import { isWorkflow, normalize, runCompiled, runNatively, type NativeWorkflow } from './differential-run.js';
import type { FixtureCase } from './fixture-cases.js';

const root = new URL('./fixtures/', import.meta.url).pathname;
const update = process.env.UPDATE_FIXTURES === '1';
const s = suite('compiler fixtures');
// Both tests of a fixture read one compile.
const compiled = new Map<string, ReturnType<typeof compile>>();
const compileOnce = (input: string) => {
  if (!compiled.has(input)) compiled.set(input, compile({ files: [input] }));
  return compiled.get(input)!;
};

// `FIXTURES=map,parallel` runs only those fixtures.
const only = process.env.FIXTURES?.split(',');
for (const name of readdirSync(root).sort().filter((fixture) => !only || only.includes(fixture))) {
  const dir = join(root, name);
  const input = join(dir, 'input.ts');
  if (!existsSync(input)) continue;
  const expectsErrors = existsSync(join(dir, 'expected-diagnostics.json')) || name.startsWith('error-');

  s(`${name}: compiles as expected`, async () => {
    const { workflows, diagnostics } = await compileOnce(input);
    if (expectsErrors) {
      const actual = diagnostics.map((d) => ({ ...d.toJSON(), file: relative(dir, d.span.file) }));
      const file = join(dir, 'expected-diagnostics.json');
      if (update) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      assert.ok(actual.length > 0, 'an error fixture must produce diagnostics');
      assert.equal(workflows.length, 0, 'a file with errors produces no output');
      assert.equal(actual, JSON.parse(readFileSync(file, 'utf8')));
      return;
    }
    assert.equal(diagnostics.map(String), [], 'no diagnostics');
    assert.ok(workflows.length > 0, 'at least one workflow');
    for (const workflow of workflows) {
      const file = join(dir, workflows.length === 1 ? 'expected.asl.json' : `expected.${workflow.name}.asl.json`);
      if (update) writeFileSync(file, workflow.text);
      assert.fixture(workflow.text, readFileSync(file, 'utf8'), `${workflow.name} matches ${relative(root, file)}`);
      assert.equal(validateDefinition(workflow.definition), [], `${workflow.name}: runtime validator`);
      const verdict = (aslValidator as unknown as (d: unknown) => { isValid: boolean; errorsText?: (sep?: string) => string })(workflow.definition);
      assert.ok(verdict.isValid, `${workflow.name}: asl-validator: ${verdict.errorsText?.('\n')}`);
    }
  });

  if (expectsErrors || !existsSync(join(dir, 'cases.ts'))) continue;
  s(`${name}: compiled and native runs agree`, async () => {
    const { workflows } = await compileOnce(input);
    const module = (await import(pathToFileURL(input).href)) as Record<string, unknown>;
    const { cases } = (await import(pathToFileURL(join(dir, 'cases.ts')).href)) as { cases: FixtureCase[] };
    const main = (module.main ?? Object.values(module).find(isWorkflow)) as NativeWorkflow;
    assert.ok(isWorkflow(main), 'input.ts exports a workflow');
    const machine = workflows.find((w) => w.name === main.workflowName)!;
    assert.ok(cases.length >= 2, 'several cases per fixture');
    for (const testCase of cases) {
      const native = normalize(await runNatively(main, testCase));
      const viaAsl = normalize(await runCompiled(machine, workflows, testCase));
      assert.equal(viaAsl, native, `${testCase.name}: compiled ${JSON.stringify(viaAsl)} vs native ${JSON.stringify(native)}`);
    }
  });
}

s.run();
