// Runs both compiled machines of every pair on every input and holds them to the same outcome.

import { isDeepStrictEqual } from 'node:util';
import { countStates } from './count-states.mjs';
import { execute } from './execute.mjs';

/**
 * @param {import('./workflows/cases.mjs').WorkflowPair} pair
 * @param {{ typestep: { definition?: object, failure?: string }, ts2asl: { definition?: object, failure?: string } }} compiled
 * @param {unknown[] | undefined} native outcomes of the typestep workflow run natively, per input
 */
export async function comparePair(pair, compiled, native) {
  const states = {};
  const bytes = {};
  for (const tool of ['typestep', 'ts2asl']) {
    const definition = compiled[tool].definition;
    states[tool] = definition ? countStates(definition) : undefined;
    // Compact JSON: what CreateStateMachine's 1 MB definition limit is measured on.
    bytes[tool] = definition ? Buffer.byteLength(JSON.stringify(definition)) : undefined;
  }
  const runs = [];
  for (const [index, { name, input }] of pair.inputs.entries()) {
    const run = { input: name, target: pair.inputs[index].target !== false, native: native?.[index] };
    for (const tool of ['typestep', 'ts2asl']) {
      const definition = compiled[tool].definition;
      if (!definition) continue;
      try {
        run[tool] = await execute(definition, pair.handlers[tool], input);
      } catch (error) {
        run[tool] = { failure: error.message };
      }
    }
    Object.assign(run, verdictOf(run));
    runs.push(run);
  }
  return { states, bytes, runs };
}

/**
 * `equal` when every outcome present (typestep, ts2asl, native) is the same. Otherwise `wrong`
 * names the compiled machines whose outcome is not the native one (without a native outcome:
 * both, since there is no telling which is right).
 */
function verdictOf(run) {
  const compiled = ['typestep', 'ts2asl'].filter((tool) => run[tool]?.outcome !== undefined);
  const present = run.native !== undefined ? [...compiled, 'native'] : compiled;
  if (present.length < 2) return { verdict: 'not compared', wrong: [] };
  const outcome = (who) => withoutCause(who === 'native' ? run.native : run[who].outcome);
  const reference = run.native !== undefined ? 'native' : present[0];
  const wrong = compiled.filter((tool) => tool !== reference && !isDeepStrictEqual(outcome(tool), outcome(reference)));
  if (wrong.length === 0) return { verdict: present.length === 3 ? 'equal' : `equal (${present.join(' = ')})`, wrong };
  if (reference !== 'native') return { verdict: 'DIFFER: typestep ≠ ts2asl', wrong: compiled };
  return { verdict: `DIFFER: ${wrong.join(', ')} ≠ native`, wrong };
}

/** A failure's cause is each tool's own wording; the error name and the output are what must agree. */
function withoutCause(outcome) {
  if (outcome.status === 'SUCCEEDED') return outcome;
  return { status: outcome.status, error: outcome.error };
}
