import type { StateDefinition } from '../definition.js';
import { thenMaybe } from '../execution/maybe-async.js';
import type { PreparedState } from '../execution/prepared.js';
import { recordEvent, type StateVisit, type Thread } from '../execution/thread.js';
import { compileJsonataTemplate } from '../jsonata/template.js';
import { compilePath } from '../jsonpath/path.js';
import { NOT_FOUND } from '../jsonpath/scope.js';
import { prepareDataFlow } from './data-flow.js';
import { languageOf, type PrepareContext } from './prepare-context.js';
import { jsonataScope, StatePathScope } from './state-scope.js';
import { parseResource } from '../integrations/resource.js';
import { invokeTask } from '../integrations/invoke.js';
import { withTaskToken } from '../integrations/callbacks.js';
import { continueTo } from './data-flow.js';

const TASK_FLOW = { parameters: true, resultSelector: true, resultPath: true, arguments: true, hasResult: true };

/**
 * Task: resolves its input, timeouts and the TaskScheduled event, then hands
 * the call to the integration layer (`integrations/`), which runs the mock or
 * handler with the resource's semantics.
 */
export function prepareTask(name: string, def: StateDefinition, ctx: PrepareContext): PreparedState {
  const language = languageOf(def, ctx);
  const flow = prepareDataFlow(def, language, TASK_FLOW);
  const next = ctx.ref(def.Next as string | undefined);
  const resource = parseResource(def.Resource as string);
  const { resourceType, resourceName } = resource;
  const timeoutSeconds = prepareSeconds(def, 'TimeoutSeconds', language);
  const heartbeatSeconds = prepareSeconds(def, 'HeartbeatSeconds', language);

  const execute: PreparedState['execute'] = (thread, input, visit) =>
    thenMaybe(flow.prepareInput(thread, visit, input), (parameters) =>
      thenMaybe(timeoutSeconds(thread, visit, input), (timeout) =>
        thenMaybe(heartbeatSeconds(thread, visit, input), (heartbeat) => {
          const scheduled: Record<string, unknown> = {
            resourceType,
            resource: resourceName,
            region: thread.run.identity.region,
            parameters,
          };
          if (timeout !== undefined) scheduled.timeoutInSeconds = timeout;
          if (heartbeat !== undefined) scheduled.heartbeatInSeconds = heartbeat;
          if (resource.pattern === 'lambda-function') {
            // The legacy bare Lambda ARN is scheduled as a LambdaFunction, with its input.
            const details: Record<string, unknown> = { resource: resource.arn, input: parameters, inputDetails: { truncated: false } };
            if (timeout !== undefined) details.timeoutInSeconds = timeout;
            recordEvent(thread, 'LambdaFunctionScheduled', details);
          } else if (resource.pattern === 'activity') {
            // An activity is scheduled with its input and ARN, without region (recorded).
            const details: Record<string, unknown> = { input: parameters, inputDetails: { truncated: false }, resource: resource.arn };
            if (timeout !== undefined) details.timeoutInSeconds = timeout;
            if (heartbeat !== undefined) details.heartbeatInSeconds = heartbeat;
            recordEvent(thread, 'ActivityScheduled', details);
          } else {
            recordEvent(thread, 'TaskScheduled', scheduled);
          }
          const invocation = thread.run.countInvocation(name);
          const call = { thread, visit, stateName: name, resource, parameters, timeoutSeconds: timeout, heartbeatSeconds: heartbeat, invocation };
          return thenMaybe(invokeTask(call), (result) =>
            thenMaybe(flow.finish(thread, visit, input, result), (finished) => continueTo(finished, next)),
          );
        }),
      ),
    );

  return {
    name,
    type: 'Task',
    queryLanguage: language,
    retriers: ctx.prepareRetriers(def),
    catchers: ctx.prepareCatchers(def, language),
    // A callback's token is issued per attempt, before Parameters/Arguments can read `$$.Task.Token`.
    execute:
      resource.pattern === 'waitForTaskToken'
        ? (thread, input, visit) => withTaskToken(thread, visit, name, resource, () => execute(thread, input, visit))
        : execute,
  };
}

/** TimeoutSeconds / HeartbeatSeconds as a literal, a `…Path` or a JSONata expression (rounded down). */
function prepareSeconds(
  def: StateDefinition,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
  language: string,
): (thread: Thread, visit: StateVisit, input: unknown) => number | undefined | Promise<number | undefined> {
  const literal = def[field];
  const pathText = def[`${field}Path`];
  if (language === 'JSONata' && literal !== undefined && typeof literal !== 'number') {
    const template = compileJsonataTemplate(literal, field);
    return (thread, visit, input) =>
      thenMaybe(template(jsonataScope(thread, visit, input)), (value) => (typeof value === 'number' ? Math.floor(value) : undefined));
  }
  if (typeof pathText === 'string') {
    const path = compilePath(pathText);
    return (thread, visit, input) => {
      const value = path.select(new StatePathScope(thread, visit, input));
      return value === NOT_FOUND || typeof value !== 'number' ? undefined : value;
    };
  }
  return () => literal as number | undefined;
}
