import type { StateDefinition } from '../definition.js';
import { thenMaybe } from '../execution/maybe-async.js';
import type { PreparedState } from '../execution/prepared.js';
import { compilePayloadTemplate } from '../jsonpath/payload-template.js';
import { compileIoPath, prepareDataFlow } from './data-flow.js';
import { languageOf, type PrepareContext } from './prepare-context.js';
import { StatePathScope } from './state-scope.js';
import { continueTo } from './data-flow.js';

/** Pass: hands on its input, a fixed `Result`, `Parameters` or (JSONata) `Output`. */
export function preparePass(name: string, def: StateDefinition, ctx: PrepareContext): PreparedState {
  const language = languageOf(def, ctx);
  const flow = prepareDataFlow(def, language, {
    parameters: false,
    resultSelector: false,
    resultPath: true,
    arguments: false,
    hasResult: false,
  });
  const next = ctx.ref(def.Next as string | undefined);
  const base = { name, type: 'Pass' as const, queryLanguage: language, retriers: [], catchers: [] };

  if (language === 'JSONata') {
    return {
      ...base,
      execute: (thread, input, visit) =>
        thenMaybe(flow.finish(thread, visit, input, input), (finished) => continueTo(finished, next)),
    };
  }

  // JSONPath: the result is Result, else Parameters over the effective input, else the effective input.
  const inputPath = compileIoPath(def.InputPath, 'InputPath');
  const hasResult = 'Result' in def;
  const fixed = def.Result;
  const parameters = def.Parameters !== undefined ? compilePayloadTemplate(def.Parameters) : undefined;
  return {
    ...base,
    execute(thread, input, visit) {
      let result: unknown;
      if (hasResult) {
        inputPath(thread, visit, input);
        result = fixed;
      } else {
        const effective = inputPath(thread, visit, input);
        result = parameters ? parameters(new StatePathScope(thread, visit, effective)) : effective;
      }
      const finished = flow.finish(thread, visit, input, result);
      return thenMaybe(finished, (done) => continueTo(done, next));
    },
  };
}
