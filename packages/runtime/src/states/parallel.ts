import type { StateDefinition } from '../definition.js';
import { thenMaybe } from '../execution/maybe-async.js';
import type { PreparedState } from '../execution/prepared.js';
import { recordEvent, recordSideEvent } from '../execution/thread.js';
import { runChildren } from './branches.js';
import { prepareDataFlow } from './data-flow.js';
import { languageOf, type PrepareContext } from './prepare-context.js';
import { continueTo } from './data-flow.js';

const PARALLEL_FLOW = { parameters: true, resultSelector: true, resultPath: true, arguments: true, hasResult: true };

/**
 * Parallel: runs every branch on the effective input, each with its own
 * variable scope; the result is the branches' outputs in order. A failing
 * branch fails the state with the branch's own error.
 */
export function prepareParallel(name: string, def: StateDefinition, ctx: PrepareContext): PreparedState {
  const language = languageOf(def, ctx);
  const flow = prepareDataFlow(def, language, PARALLEL_FLOW);
  const next = ctx.ref(def.Next as string | undefined);
  const branches = (def.Branches as Record<string, unknown>[]).map((branch) => ctx.prepareMachine(branch, language));

  return {
    name,
    type: 'Parallel',
    queryLanguage: language,
    retriers: ctx.prepareRetriers(def),
    catchers: ctx.prepareCatchers(def, language),
    execute: (thread, input, visit) =>
      thenMaybe(flow.prepareInput(thread, visit, input), (effective) => {
        recordEvent(thread, 'ParallelStateStarted');
        // A redrive runs again only the branches that did not succeed before.
        const kept = thread.run.redrive?.kept.get(visit.enteredEventId);
        const children = branches.map((machine, index) => ({
          machine,
          input: effective,
          kept: kept?.has(index) ? { output: kept.get(index) } : undefined,
        }));
        return thenMaybe(runChildren(thread, children, 0, {}), (outcome) => {
          // ParallelStateFailed is the run loop's to write: AWS leaves it out when the state is retried.
          if (outcome.error) throw outcome.error;
          recordSideEvent(thread, 'ParallelStateSucceeded');
          return thenMaybe(flow.finish(thread, visit, input, outcome.outputs), (finished) => continueTo(finished, next));
        });
      }),
  };
}
