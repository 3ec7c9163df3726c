import type { StateDefinition } from '../definition.js';
import { thenMaybe } from '../execution/maybe-async.js';
import type { PreparedState } from '../execution/prepared.js';
import { prepareDataFlow } from './data-flow.js';
import { languageOf, type PrepareContext } from './prepare-context.js';

const PASSTHROUGH = { parameters: false, resultSelector: false, resultPath: false, arguments: false, hasResult: false };

/** Succeed: ends its machine (the execution, a branch or an iteration) successfully. */
export function prepareSucceed(name: string, def: StateDefinition, ctx: PrepareContext): PreparedState {
  const language = languageOf(def, ctx);
  const flow = prepareDataFlow(def, language, PASSTHROUGH);
  return {
    name,
    type: 'Succeed',
    queryLanguage: language,
    retriers: [],
    catchers: [],
    execute: (thread, input, visit) =>
      thenMaybe(
        thenMaybe(flow.prepareInput(thread, visit, input), (effective) => flow.finish(thread, visit, input, effective)),
        (finished) => ({ output: finished.output, next: undefined }),
      ),
  };
}

export { PASSTHROUGH };
