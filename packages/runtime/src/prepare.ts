import type { MachineDefinition, QueryLanguage, RetrierDefinition, StateDefinition } from './definition.js';
import { prepareRetrier, type PreparedCatcher } from './execution/error-handling.js';
import type { PreparedMachine, PreparedState } from './execution/prepared.js';
import { compileJsonataTemplate } from './jsonata/template.js';
import { compilePayloadTemplate } from './jsonpath/payload-template.js';
import { applyAssignments, compileResultPath, finishJsonata } from './states/data-flow.js';
import { END, type PrepareContext, type StateRef } from './states/prepare-context.js';
import { jsonataScope, StatePathScope } from './states/state-scope.js';
import { prepareChoice } from './states/choice.js';
import { prepareFail } from './states/fail.js';
import { prepareMap } from './states/map.js';
import { preparePass } from './states/pass.js';
import { prepareParallel } from './states/parallel.js';
import { prepareSucceed } from './states/succeed.js';
import { prepareTask } from './states/task.js';
import { prepareWait } from './states/wait.js';
import { continueTo } from './states/data-flow.js';

const PREPARERS = {
  Pass: preparePass,
  Task: prepareTask,
  Choice: prepareChoice,
  Wait: prepareWait,
  Succeed: prepareSucceed,
  Fail: prepareFail,
  Parallel: prepareParallel,
  Map: prepareMap,
} as const;

/**
 * Turns a validated definition into prepared states, once: every path parsed,
 * every JSONata expression compiled, every transition resolved to an object.
 */
export function prepareDefinition(definition: MachineDefinition): PreparedMachine {
  return prepareMachine(definition as unknown as Record<string, unknown>, definition.QueryLanguage ?? 'JSONPath');
}

function prepareMachine(definition: Record<string, unknown>, language: QueryLanguage): PreparedMachine {
  const refs = new Map<string, StateRef>();
  const ref = (name: string | undefined): StateRef => {
    if (name === undefined) return END;
    let found = refs.get(name);
    if (!found) refs.set(name, (found = { state: undefined }));
    return found;
  };

  const ctx: PrepareContext = {
    machineLanguage: language,
    ref,
    prepareMachine,
    prepareRetriers: (def) => ((def.Retry as RetrierDefinition[] | undefined) ?? []).map(prepareRetrier),
    prepareCatchers: (def, stateLanguage) =>
      ((def.Catch as Record<string, unknown>[] | undefined) ?? []).map((raw, index) =>
        prepareCatcher(raw, index, stateLanguage, ref),
      ),
  };

  const states = new Map<string, PreparedState>();
  for (const [name, def] of Object.entries(definition.States as Record<string, StateDefinition>)) {
    states.set(name, PREPARERS[def.Type](name, def, ctx));
  }
  for (const [name, target] of refs) target.state = states.get(name);
  return { startAt: states.get(definition.StartAt as string)!, states };
}

function prepareCatcher(
  raw: Record<string, unknown>,
  index: number,
  language: QueryLanguage,
  ref: (name: string) => StateRef,
): PreparedCatcher {
  const next = ref(raw.Next as string);
  const errorEquals = raw.ErrorEquals as string[];
  if (language === 'JSONata') {
    const output = raw.Output === undefined ? undefined : compileJsonataTemplate(raw.Output, `Catch[${index}]/Output`);
    const assign = raw.Assign === undefined ? undefined : compileJsonataTemplate(raw.Assign, `Catch[${index}]/Assign`);
    return {
      errorEquals,
      handle(thread, input, errorOutput, visit) {
        const scope = jsonataScope(thread, visit, input, { errorOutput });
        const finished = finishJsonata(thread, scope, assign, output, errorOutput);
        return finished instanceof Promise
          ? finished.then((done) => continueTo(done, next))
          : continueTo(finished, next);
      },
    };
  }
  const resultPath = compileResultPath(raw.ResultPath);
  const assign = raw.Assign === undefined ? undefined : compilePayloadTemplate(raw.Assign);
  return {
    errorEquals,
    handle(thread, input, errorOutput, visit) {
      const assigned = assign
        ? (assign(new StatePathScope(thread, visit, errorOutput)) as Record<string, unknown>)
        : undefined;
      const output = resultPath(input, errorOutput);
      if (assigned) applyAssignments(thread, assigned);
      return { output, next: next.state, assigned };
    },
  };
}
