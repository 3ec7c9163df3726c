// Runs a compiled definition in typestep's runtime and reports what AWS would bill.

import { StateMachine } from '@typestep/runtime';
import { countTransitions } from './count-states.mjs';

/**
 * One execution on the virtual clock.
 * @returns {Promise<{ outcome: { status: string, output?: unknown, error?: string, cause?: string }, transitions: number }>}
 */
export async function execute(definition, handlers, input) {
  const machine = new StateMachine(definition, { handlers });
  const execution = machine.start(input);
  const result = await execution.result;
  return { outcome: outcomeOf(result), transitions: countTransitions(execution.history) };
}

/** What a caller can observe of a result: the output, or the error (the cause is tool-specific text). */
export function outcomeOf(result) {
  if (result.status === 'SUCCEEDED') return { status: result.status, output: result.output };
  return { status: result.status, error: result.error, cause: result.cause };
}
