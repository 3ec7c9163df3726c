import jsonata from 'jsonata';
import { StatesError, queryEvaluationError } from '../errors.js';
import { STATIC_FUNCTIONS, bindExecutionFunctions } from './aws-functions.js';
import { BUDGET_BINDING, BUDGET_HOOKS, BudgetedRegExp, BudgetExceeded, EvaluationBudget } from './evaluation-budget.js';

/** What a JSONata expression sees: `$states` plus the workflow variables. */
export interface JsonataScope {
  states: { input: unknown; context: unknown; result?: unknown; errorOutput?: unknown };
  variables: Record<string, unknown>;
  random: () => number;
  now: number;
}

const EXPRESSION = /^\{%([\s\S]*)%\}$/;

/** The expression inside `{% … %}`, or undefined when `value` is not one. */
export function expressionText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = EXPRESSION.exec(value);
  return match ? match[1] : undefined;
}

/**
 * Parses JSONata with the runtime's time-limited regular expressions. Every
 * parse must pass the engine: JSONata keeps the last one given in a global.
 */
export function parseJsonata(text: string): jsonata.Expression {
  return jsonata(text, { RegexEngine: BudgetedRegExp as never });
}

export class CompiledExpression {
  private readonly compiled: jsonata.Expression;

  /** @param text the expression without `{% %}`; @param field where it sits, e.g. `Output/result`. */
  constructor(readonly text: string, readonly field: string) {
    this.compiled = parseJsonata(text);
    for (const [name, fn] of Object.entries(STATIC_FUNCTIONS)) this.compiled.registerFunction(name, fn);
    for (const [hook, fn] of BUDGET_HOOKS) this.compiled.assign(hook as unknown as string, fn);
  }

  /** Evaluates to a plain JSON value; `undefined`, functions and JSONata errors become States.QueryEvaluationError. */
  async evaluate(scope: JsonataScope): Promise<unknown> {
    const bindings: Record<string, unknown> = Object.assign({}, scope.variables);
    bindings.states = scope.states;
    bindings[BUDGET_BINDING] = new EvaluationBudget();
    bindExecutionFunctions(bindings, scope.random, scope.now);
    let value: unknown;
    try {
      value = await this.compiled.evaluate(undefined, bindings);
    } catch (error) {
      throw this.evaluationError(error);
    }
    if (value === undefined) {
      throw queryEvaluationError(`${this.describe()} returned nothing (undefined).`, this.field);
    }
    const plain = toPlainJson(value);
    if (plain === UNSUPPORTED) throw queryEvaluationError(`${this.describe()} returned an unsupported result type.`, this.field);
    return plain;
  }

  describe(): string {
    return `The JSONata expression '${this.text.trim()}' specified for the field '${this.field}'`;
  }

  private evaluationError(error: unknown): StatesError {
    if (error instanceof BudgetExceeded) {
      return queryEvaluationError(`${this.describe()} exceeded an evaluation limit. ${error.message}`, this.field);
    }
    if (error instanceof StatesError) {
      return queryEvaluationError(`${this.describe()} threw an error during evaluation. ${error.cause ?? ''}`.trimEnd(), this.field);
    }
    const { code, message } = error as { code?: string; message?: string };
    const tail = code ? `${code}: ${message ?? ''}` : String(message ?? error);
    return queryEvaluationError(`${this.describe()} threw an error during evaluation. ${tail}`, this.field);
  }
}

const UNSUPPORTED = Symbol('unsupported');

/**
 * JSONata hands back sequences (arrays with extra flags) and may return
 * functions; AWS only passes on JSON, so results are normalized here.
 */
function toPlainJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') return UNSUPPORTED;
    if (typeof value === 'number' && !Number.isFinite(value)) return UNSUPPORTED;
    return value;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = toPlainJson(value[i]);
      if (item === UNSUPPORTED) return UNSUPPORTED;
      out[i] = item === undefined ? null : item;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = toPlainJson((value as Record<string, unknown>)[key]);
    if (item === UNSUPPORTED) return UNSUPPORTED;
    if (item !== undefined) out[key] = item;
  }
  return out;
}
