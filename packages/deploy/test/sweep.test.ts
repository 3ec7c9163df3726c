import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { policyFor } from '../src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const explicitConformance = process.env.TYPESTEP_CONFORMANCE;
const conformance = resolve(explicitConformance ?? join(root, '../shared/conformance'));

/** Every definition the sweep covers: compiled fixtures, examples, and (when present) the conformance corpus. */
function definitions(): Array<{ name: string; definition: object }> {
  const found: Array<{ name: string; definition: object }> = [];
  const fixtures = join(root, 'packages/compiler/test/fixtures');
  for (const name of readdirSync(fixtures).sort()) {
    const file = join(fixtures, name, 'expected.asl.json');
    if (existsSync(file)) found.push({ name: relative(root, file), definition: JSON.parse(readFileSync(file, 'utf8')) });
  }
  for (const file of filesUnder(join(root, 'examples')).filter((f) => f.endsWith('.asl.json'))) {
    found.push({ name: relative(root, file), definition: JSON.parse(readFileSync(file, 'utf8')) });
  }
  return found;
}

function conformanceDefinitions(): Array<{ name: string; definition: object }> {
  return filesUnder(join(conformance, 'cases'))
    .filter((f) => f.endsWith('.json'))
    .map((file) => {
      const { definition } = JSON.parse(readFileSync(file, 'utf8')) as { definition: string | object };
      return { name: relative(conformance, file), definition: typeof definition === 'string' ? JSON.parse(definition) : definition };
    });
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'build' ? [] : filesUnder(path);
    return [path];
  });
}

/** Paths of the states that call a service: Tasks other than activities, Maps with an ItemReader or ResultWriter Resource, and Distributed Maps (they start child executions). Walked here independently of the package. */
function callingStates(machine: Record<string, any>, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [name, state] of Object.entries<Record<string, any>>(machine.States ?? {})) {
    const path = `${prefix}${name}`;
    if (state.Type === 'Task' && !/:activity:/.test(state.Resource)) paths.push(path);
    const processor = state.ItemProcessor ?? state.Iterator;
    if (state.Type === 'Map' && (state.ItemReader?.Resource || state.ResultWriter?.Resource || processor?.ProcessorConfig?.Mode === 'DISTRIBUTED')) paths.push(path);
    for (const branch of state.Branches ?? []) paths.push(...callingStates(branch, `${path}/`));
    if (processor) paths.push(...callingStates(processor, `${path}/`));
  }
  return paths;
}

function sweep(items: Array<{ name: string; definition: object }>) {
  let statements = 0;
  let states = 0;
  for (const { name, definition } of items) {
    let policy;
    try {
      policy = policyFor(definition);
    } catch (error) {
      assert.unreachable(`${name}: ${(error as Error).message}`);
      return { statements, states };
    }
    statements += policy.statements.length;
    const covered = new Set(policy.statements.flatMap((s) => s.states));
    for (const path of callingStates(definition as Record<string, any>)) {
      states += 1;
      assert.ok(covered.has(path), `${name}: state ${path} calls a service but no statement lists it`);
    }
    for (const statement of policy.statements) {
      assert.ok(statement.Action.length > 0 && statement.Resource.length > 0, `${name}: ${statement.Sid} is empty`);
      assert.ok(/^[A-Za-z0-9]+$/.test(statement.Sid), `${name}: Sid ${statement.Sid}`);
    }
  }
  return { statements, states };
}

const Sweep = suite('policyFor over every definition in the repository');

Sweep('compiled fixtures and examples: every service-calling state is covered, no call throws', () => {
  const items = definitions();
  assert.ok(items.length > 50, `found only ${items.length} definitions`);
  const { statements, states } = sweep(items);
  console.log(`  policy sweep: ${items.length} definitions, ${states} service-calling states, ${statements} statements`);
});

Sweep('the conformance corpus (../shared/conformance or $TYPESTEP_CONFORMANCE)', () => {
  if (!existsSync(join(conformance, 'cases'))) {
    // As the conformance runner does: a fresh clone has no corpus beside it; a named folder or CI must have one.
    const required = explicitConformance !== undefined || process.env.TYPESTEP_REQUIRE_CONFORMANCE === '1';
    assert.not.ok(required, `no conformance corpus at ${conformance}, and ${explicitConformance ? 'TYPESTEP_CONFORMANCE names it' : 'TYPESTEP_REQUIRE_CONFORMANCE=1 requires it'}`);
    console.log(`  SKIPPED: no conformance corpus at ${conformance} (set TYPESTEP_CONFORMANCE to its folder)`);
    return;
  }
  const items = conformanceDefinitions();
  const { statements, states } = sweep(items);
  console.log(`  conformance sweep: ${items.length} definitions, ${states} service-calling states, ${statements} statements`);
});

Sweep.run();
