import type { StateDefinition } from '../definition.js';
import { StatesError, runtimeError } from '../errors.js';
import { thenMaybe } from '../execution/maybe-async.js';
import type { PreparedState } from '../execution/prepared.js';
import { compileJsonataTemplate } from '../jsonata/template.js';
import { compileIntrinsic, isIntrinsicCall } from '../intrinsics/index.js';
import { compilePath } from '../jsonpath/path.js';
import { pathNotFound } from '../jsonpath/messages.js';
import { NOT_FOUND, type PathScope } from '../jsonpath/scope.js';
import { jsonataScope, StatePathScope } from './state-scope.js';
import { languageOf, type PrepareContext } from './prepare-context.js';

/**
 * Fail: fails its machine with `Error` and `Cause` (literal, `…Path` or
 * JSONata). A Fail state without an error throws the empty name, which the
 * execution reports with no `error`, as AWS does.
 */
export function prepareFail(name: string, def: StateDefinition, ctx: PrepareContext): PreparedState {
  const language = languageOf(def, ctx);
  const base = { name, type: 'Fail' as const, queryLanguage: language, retriers: [], catchers: [] };

  if (language === 'JSONata') {
    const error = compileJsonataTemplate(def.Error, 'Error');
    const cause = compileJsonataTemplate(def.Cause, 'Cause');
    return {
      ...base,
      execute(thread, input, visit) {
        const scope = jsonataScope(thread, visit, input);
        return thenMaybe(error(scope), (errorValue) =>
          thenMaybe(cause(scope), (causeValue): never => {
            throw new StatesError(
              errorValue === undefined ? '' : asText(errorValue),
              causeValue === undefined ? undefined : asText(causeValue),
            );
          }),
        );
      },
    };
  }

  const error = compileFailField(def.Error, def.ErrorPath, 'ErrorPath');
  const cause = compileFailField(def.Cause, def.CausePath, 'CausePath');
  return {
    ...base,
    execute(thread, input, visit): never {
      const scope = new StatePathScope(thread, visit, input);
      throw new StatesError(error(scope) ?? '', cause(scope));
    },
  };
}

/** A literal, or a path / intrinsic (`ErrorPath`, `CausePath`) that must yield a string. */
function compileFailField(literal: unknown, path: unknown, field: string): (scope: PathScope) => string | undefined {
  if (typeof path !== 'string') return () => literal as string | undefined;
  if (isIntrinsicCall(path)) {
    const call = compileIntrinsic(path);
    return (scope) => asText(call(scope));
  }
  const compiled = compilePath(path);
  return (scope) => {
    const value = compiled.select(scope);
    if (value === NOT_FOUND) throw runtimeError(pathNotFound(path, field, JSON.stringify(scope.input)));
    return asText(value);
  };
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
