import type { StateDefinition } from '../definition.js';
import { queryEvaluationError, StatesError } from '../errors.js';
import { thenMaybe } from '../execution/maybe-async.js';
import type { PreparedState, StateResult } from '../execution/prepared.js';
import type { Thread } from '../execution/thread.js';
import { CompiledExpression, expressionText } from '../jsonata/expression.js';
import { compileJsonataTemplate, type JsonataTemplate } from '../jsonata/template.js';
import { compilePayloadTemplate, type PayloadEvaluator } from '../jsonpath/payload-template.js';
import { compileChoiceRule, type ChoicePredicate } from './choice-rule.js';
import { applyAssignments, compileIoPath, finishJsonata } from './data-flow.js';
import { languageOf, type PrepareContext, type StateRef } from './prepare-context.js';
import { jsonataScope, StatePathScope } from './state-scope.js';
import { continueTo } from './data-flow.js';

/**
 * Choice: the first rule that matches picks the next state, else `Default`,
 * else States.NoChoiceMatched. A matched rule's `Assign` (and, in JSONata, its
 * `Output`) replaces the state's own; the state's `Assign` runs when no rule
 * matched.
 */
export function prepareChoice(name: string, def: StateDefinition, ctx: PrepareContext): PreparedState {
  const language = languageOf(def, ctx);
  const rules = def.Choices as Record<string, unknown>[];
  const fallback = def.Default === undefined ? undefined : ctx.ref(def.Default as string);
  const base = { name, type: 'Choice' as const, queryLanguage: language, retriers: [], catchers: [] };
  return {
    ...base,
    execute: language === 'JSONata' ? prepareJsonataChoice(name, def, rules, fallback, ctx) : prepareJsonPathChoice(name, def, rules, fallback, ctx),
  };
}

type Execute = PreparedState['execute'];

function noChoiceMatched(): StatesError {
  return new StatesError('States.NoChoiceMatched', 'No Matches!', { scoped: true });
}

function prepareJsonPathChoice(
  _name: string,
  def: StateDefinition,
  rules: Record<string, unknown>[],
  fallback: StateRef | undefined,
  ctx: PrepareContext,
): Execute {
  const inputPath = compileIoPath(def.InputPath, 'InputPath');
  const outputPath = compileIoPath(def.OutputPath, 'OutputPath');
  const stateAssign = def.Assign === undefined ? undefined : compilePayloadTemplate(def.Assign);
  const choices = rules.map((rule) => ({
    matches: compileChoiceRule(rule) as ChoicePredicate,
    next: ctx.ref(rule.Next as string),
    assign: rule.Assign === undefined ? undefined : compilePayloadTemplate(rule.Assign),
  }));

  return (thread, input, visit) => {
    const effective = inputPath(thread, visit, input);
    const scope = new StatePathScope(thread, visit, effective);
    let next: StateRef | undefined;
    let assign: PayloadEvaluator | undefined = stateAssign;
    for (const choice of choices) {
      if (choice.matches(scope)) {
        next = choice.next;
        assign = choice.assign;
        break;
      }
    }
    if (!next) {
      if (!fallback) throw noChoiceMatched();
      next = fallback;
    }
    const assigned = assign ? (assign(scope) as Record<string, unknown>) : undefined;
    const output = outputPath(thread, visit, effective);
    if (assigned) applyAssignments(thread, assigned);
    return { output, next: next.state, assigned };
  };
}

function prepareJsonataChoice(
  _name: string,
  def: StateDefinition,
  rules: Record<string, unknown>[],
  fallback: StateRef | undefined,
  ctx: PrepareContext,
): Execute {
  const stateAssign = def.Assign === undefined ? undefined : compileJsonataTemplate(def.Assign, 'Assign');
  const stateOutput = def.Output === undefined ? undefined : compileJsonataTemplate(def.Output, 'Output');
  const choices = rules.map((rule, index) => ({
    condition: compileCondition(rule.Condition, `Choices[${index}]/Condition`),
    next: ctx.ref(rule.Next as string),
    assign: rule.Assign === undefined ? undefined : compileJsonataTemplate(rule.Assign, `Choices[${index}]/Assign`),
    output: rule.Output === undefined ? undefined : compileJsonataTemplate(rule.Output, `Choices[${index}]/Output`),
  }));

  return (thread, input, visit) => {
    const scope = jsonataScope(thread, visit, input);
    const pick = (index: number): StateResult | Promise<StateResult> => {
      if (index >= choices.length) {
        if (!fallback) throw noChoiceMatched();
        return finish(thread, scope, stateAssign, stateOutput, input, fallback);
      }
      const choice = choices[index]!;
      return thenMaybe(choice.condition(scope), (matched) =>
        matched ? finish(thread, scope, choice.assign, choice.output ?? stateOutput, input, choice.next) : pick(index + 1),
      );
    };
    return pick(0);
  };
}

function finish(
  thread: Thread,
  scope: ReturnType<typeof jsonataScope>,
  assign: JsonataTemplate | undefined,
  output: JsonataTemplate | undefined,
  input: unknown,
  next: StateRef,
): StateResult | Promise<StateResult> {
  return thenMaybe(finishJsonata(thread, scope, assign, output, input), (finished) => continueTo(finished, next));
}

/** A JSONata `Condition`: a literal boolean or an expression that must yield one. */
function compileCondition(condition: unknown, field: string): (scope: ReturnType<typeof jsonataScope>) => boolean | Promise<boolean> {
  if (typeof condition === 'boolean') return () => condition;
  const text = expressionText(condition) ?? String(condition);
  const expression = new CompiledExpression(text, field);
  return (scope) =>
    expression.evaluate(scope).then((value) => {
      if (typeof value !== 'boolean') {
        throw queryEvaluationError(
          `${expression.describe()} returned an unexpected result type. Expected 'boolean', but was '${jsonTypeOf(value)}' for value: ${JSON.stringify(value)}`,
          field,
        );
      }
      return value;
    });
}

export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value === 'object' ? 'object' : typeof value;
}

