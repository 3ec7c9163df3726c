// How big a definition is, and how many state transitions one execution made.

/**
 * Every state of a definition, including those inside Parallel branches and Map processors.
 * @param {{ States: Record<string, any> }} definition
 * @returns {number}
 */
export function countStates(definition) {
  let count = 0;
  for (const state of Object.values(definition.States ?? {})) {
    count += 1;
    for (const branch of state.Branches ?? []) count += countStates(branch);
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) count += countStates(processor);
  }
  return count;
}

/**
 * State transitions as Step Functions bills them: one per state entered, so one per
 * `…StateEntered` event of the execution history (Map iterations and branches included).
 * @param {readonly { type: string }[]} history
 */
export function countTransitions(history) {
  let count = 0;
  for (const event of history) if (event.type.endsWith('StateEntered')) count += 1;
  return count;
}
