import { PolicyError } from './policy-error.js';

/** A state met while walking a definition, with where it sits. */
export interface VisitedState {
  /** The state's name, prefixed by the names of the Parallel and Map states around it: `Fan out/Resize`. */
  path: string;
  name: string;
  state: Record<string, unknown>;
  /** The state's query language: its own `QueryLanguage`, else the machine's, else JSONPath. */
  queryLanguage: 'JSONPath' | 'JSONata';
}

/**
 * Calls `visit` for every state of `definition`: top level, Parallel branches
 * and Map processors (`ItemProcessor` or the older `Iterator`), in document order.
 * Throws a `PolicyError` (`invalid_definition`) naming the place when the definition is not shaped like ASL.
 */
export function walkStates(definition: unknown, visit: (state: VisitedState) => void): void {
  const machine = asObject(definition, 'the definition');
  const language = machine.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  walkMachine(machine, '', language, visit);
}

function walkMachine(
  machine: Record<string, unknown>,
  prefix: string,
  machineLanguage: 'JSONPath' | 'JSONata',
  visit: (state: VisitedState) => void,
): void {
  const states = asObject(machine.States, prefix ? `the States of ${prefix.slice(0, -1)}` : 'the States of the definition');
  for (const [name, value] of Object.entries(states)) {
    const path = `${prefix}${name}`;
    const state = asObject(value, `state ${JSON.stringify(path)}`);
    const queryLanguage = state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath' ? state.QueryLanguage : machineLanguage;
    visit({ path, name, state, queryLanguage });
    if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
      for (const branch of state.Branches) walkMachine(asObject(branch, `a branch of ${JSON.stringify(path)}`), `${path}/`, machineLanguage, visit);
    }
    if (state.Type === 'Map') {
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor !== undefined) walkMachine(asObject(processor, `the ItemProcessor of ${JSON.stringify(path)}`), `${path}/`, machineLanguage, visit);
    }
  }
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PolicyError('invalid_definition', '', `${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}
