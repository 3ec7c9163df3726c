import { StateMachine, type ExecutionResult, type HandlerMap, type StartOptions } from '../src/index.js';
import { NOT_FOUND, type PathScope } from '../src/jsonpath/scope.js';

/** Runs a definition once on the virtual clock and returns its result and history. */
export async function runDefinition(
  definition: object,
  input: unknown = {},
  options: { handlers?: HandlerMap; start?: StartOptions } = {},
) {
  const machine = new StateMachine(definition, { handlers: options.handlers });
  const execution = machine.start(input, { startTime: '2025-01-01T00:00:00Z', seed: 7, ...options.start });
  const result: ExecutionResult = await execution.result;
  return { result, history: execution.history, execution };
}

/** A one-state machine around `state`. */
export function single(state: object, extra: object = {}) {
  return { StartAt: 'S', States: { S: { End: true, ...state } }, ...extra };
}

/** A path scope for evaluating compiled paths, payload templates and Choice rules directly: `$` is `input`, `$$` is `context`. */
export function scopeOf(
  input: unknown = {},
  options: { context?: unknown; variables?: Record<string, unknown>; random?: () => number } = {},
): PathScope {
  const variables = options.variables ?? {};
  return {
    input,
    context: options.context ?? {},
    variable: (name) => (Object.hasOwn(variables, name) ? variables[name] : NOT_FOUND),
    random: options.random ?? (() => 0.5),
  };
}
