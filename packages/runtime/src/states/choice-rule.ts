/**
 * JSONPath-language Choice rules, compiled once into predicates.
 *
 * Compilation does all the reading of the rule: paths are parsed, constant
 * comparands are type-checked and converted (timestamps parsed, StringMatches
 * patterns split at their stars), and the operator becomes a closure. Running
 * a predicate is then path selection plus one comparison.
 *
 * Semantics:
 * - a value of the wrong type never matches (`NumericEquals` on `"1"` is false;
 *   recorded in conformance/cases/choice_operators);
 * - a `Variable` path that selects nothing raises States.Runtime, except under
 *   `IsPresent`, which exists to ask exactly that (AWS documentation);
 * - a `…Path` comparand that selects nothing raises the same error (reported
 *   by implementations checked against AWS; not yet recorded);
 * - `And` / `Or` short-circuit left to right, so an `IsPresent` guard placed
 *   first keeps a later comparison on a missing path from raising (the AWS
 *   documentation's own IsPresent example relies on it).
 */
import { runtimeError, type StatesError } from '../errors.js';
import { compilePath } from '../jsonpath/path.js';
import { NOT_FOUND, type PathScope } from '../jsonpath/scope.js';
import { parseTimestampNanos } from '../timestamp.js';
import { compileStringMatchesPattern } from './string-matches.js';

/** A compiled Choice rule: true when the rule matches in `scope`. Throws `StatesError` (States.Runtime). */
export type ChoicePredicate = (scope: PathScope) => boolean;

/** One top-level entry of a Choice state's `Choices`, compiled. */
export interface CompiledChoice {
  /** The state to transition to when `matches` is true. */
  readonly next: string;
  readonly matches: ChoicePredicate;
  /** The rule as written, for the fields a Choice state reads beside the test (`Assign`). */
  readonly rule: Readonly<Record<string, unknown>>;
}

/** How values of one comparison type are recognised and ordered. */
interface ComparisonType<T> {
  /** The JSON type name used in definition errors. */
  readonly name: string;
  /** The comparable form of `value`, or `undefined` when `value` is not of this type. */
  toComparable(value: unknown): T | undefined;
  /** Negative, zero or positive, like `Comparable.compareTo`. */
  compare(left: T, right: T): number;
}

/** Orders by `<`, which on strings compares UTF-16 code units, as Java's `String.compareTo` (AWS's documented rule). */
function compareNatively<T extends string | number | bigint | boolean>(left: T, right: T): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

const STRING: ComparisonType<string> = {
  name: 'string',
  toComparable: (value) => (typeof value === 'string' ? value : undefined),
  compare: compareNatively,
};

const NUMERIC: ComparisonType<number> = {
  name: 'number',
  toComparable: (value) => (typeof value === 'number' ? value : undefined),
  compare: compareNatively,
};

const BOOLEAN: ComparisonType<boolean> = {
  name: 'boolean',
  toComparable: (value) => (typeof value === 'boolean' ? value : undefined),
  compare: compareNatively,
};

// Compared as epoch nanoseconds: the instant, not the text, so
// `T12:00:00Z` equals `T13:00:00+01:00`.
const TIMESTAMP: ComparisonType<bigint> = {
  name: 'timestamp string',
  toComparable: (value) => (typeof value === 'string' ? parseTimestampNanos(value) : undefined),
  compare: compareNatively,
};

const COMPARISON_TYPES: Record<string, ComparisonType<unknown>> = {
  String: STRING,
  Numeric: NUMERIC,
  Boolean: BOOLEAN,
  Timestamp: TIMESTAMP,
};

/** What each relation accepts of a `compare` result. */
const RELATIONS: Record<string, (order: number) => boolean> = {
  Equals: (order) => order === 0,
  LessThan: (order) => order < 0,
  GreaterThan: (order) => order > 0,
  LessThanEquals: (order) => order <= 0,
  GreaterThanEquals: (order) => order >= 0,
};

/** `(type)(relation)(Path)?`; BooleanEquals is the only Boolean relation. */
const COMPARISON_OPERATOR =
  /^(?:(String|Numeric|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)|(Boolean)(Equals))(Path)?$/;

/** Type tests: `IsX: true` matches values of type X, `IsX: false` matches all others. */
const TYPE_TESTS = new Map<string, (value: unknown) => boolean>([
  ['IsNull', (value) => value === null],
  ['IsNumeric', (value) => typeof value === 'number'],
  ['IsString', (value) => typeof value === 'string'],
  ['IsBoolean', (value) => typeof value === 'boolean'],
  ['IsTimestamp', (value) => typeof value === 'string' && parseTimestampNanos(value) !== undefined],
]);

/** Fields of a rule that are not its test. */
const NON_OPERATOR_FIELDS = new Set(['Variable', 'Next', 'Comment', 'Assign', 'Output']);

/**
 * Compiles one JSONPath Choice rule (a top-level entry of `Choices`, or a
 * nested rule inside `And` / `Or` / `Not`) into a predicate.
 *
 * Throws a plain `Error` at compile time if the rule is malformed (the
 * definition validator is expected to have rejected those already); the
 * returned predicate throws States.Runtime when a path it needs selects nothing.
 *
 * @example
 * const isAdultInEurope = compileChoiceRule({
 *   And: [
 *     { Variable: '$.age', NumericGreaterThanEquals: 18 },
 *     { Variable: '$.country', StringMatches: 'EU-*' },
 *   ],
 * });
 * isAdultInEurope(scope); // scope.input = { age: 30, country: 'EU-FR' } → true
 */
export function compileChoiceRule(rule: Record<string, unknown>): ChoicePredicate {
  if ('And' in rule) return compileAnd(ruleList(rule.And, 'And'));
  if ('Or' in rule) return compileOr(ruleList(rule.Or, 'Or'));
  if ('Not' in rule) {
    const inner = compileChoiceRule(ruleObject(rule.Not, 'Not'));
    return (scope) => !inner(scope);
  }
  return compileDataTest(rule);
}

/**
 * Compiles every entry of a Choice state's `Choices`, keeping each entry's
 * `Next`. Evaluate them in order; the first whose `matches` is true wins.
 *
 * @example
 * const choices = compileChoiceRules(state.Choices);
 * const chosen = choices.find((choice) => choice.matches(scope));
 * const next = chosen?.next ?? state.Default;
 */
export function compileChoiceRules(choices: readonly Record<string, unknown>[]): CompiledChoice[] {
  return choices.map((rule, index) => {
    if (typeof rule.Next !== 'string') {
      throw new Error(`Choice rule #${index} has no string 'Next' field`);
    }
    return { next: rule.Next, matches: compileChoiceRule(rule), rule };
  });
}

function compileAnd(rules: Record<string, unknown>[]): ChoicePredicate {
  const predicates = rules.map(compileChoiceRule);
  return (scope) => {
    for (const predicate of predicates) if (!predicate(scope)) return false;
    return true;
  };
}

function compileOr(rules: Record<string, unknown>[]): ChoicePredicate {
  const predicates = rules.map(compileChoiceRule);
  return (scope) => {
    for (const predicate of predicates) if (predicate(scope)) return true;
    return false;
  };
}

/** A rule with a `Variable` and exactly one comparison or type-test operator. */
function compileDataTest(rule: Record<string, unknown>): ChoicePredicate {
  const operator = findOperator(rule);
  const operand = rule[operator];
  if (typeof rule.Variable !== 'string') {
    throw new Error(`Choice rule with '${operator}' needs a string 'Variable' field`);
  }
  const variableText = rule.Variable;
  const variable = compilePath(variableText);

  if (operator === 'IsPresent') {
    const expected = expectBoolean(operand, operator);
    return (scope) => (variable.select(scope) !== NOT_FOUND) === expected;
  }

  const test = compileValueTest(operator, operand);
  return (scope) => {
    const value = variable.select(scope);
    if (value === NOT_FOUND) throw invalidConditionPath(variableText);
    return test(value, scope);
  };
}

/** Compiles the operator of a data-test rule into a test on the `Variable`'s value. */
function compileValueTest(operator: string, operand: unknown): (value: unknown, scope: PathScope) => boolean {
  const typeTest = TYPE_TESTS.get(operator);
  if (typeTest !== undefined) {
    const expected = expectBoolean(operand, operator);
    return (value) => typeTest(value) === expected;
  }

  if (operator === 'StringMatches') {
    if (typeof operand !== 'string') throw new Error(`'StringMatches' needs a string pattern`);
    const pattern = compileStringMatchesPattern(operand);
    return (value) => typeof value === 'string' && pattern.test(value);
  }

  const match = COMPARISON_OPERATOR.exec(operator);
  if (match === null) throw new Error(`Unknown Choice rule operator '${operator}'`);
  const type = COMPARISON_TYPES[match[1] ?? match[3]!]!;
  const accepts = RELATIONS[match[2] ?? match[4]!]!;

  if (match[5] === undefined) {
    const right = type.toComparable(operand);
    if (right === undefined) throw new Error(`'${operator}' needs a ${type.name}, got ${JSON.stringify(operand)}`);
    return (value) => {
      const left = type.toComparable(value);
      return left !== undefined && accepts(type.compare(left, right));
    };
  }

  if (typeof operand !== 'string') throw new Error(`'${operator}' needs a path string`);
  const comparandText = operand;
  const comparand = compilePath(comparandText);
  return (value, scope) => {
    const raw = comparand.select(scope);
    if (raw === NOT_FOUND) throw invalidConditionPath(comparandText);
    const left = type.toComparable(value);
    if (left === undefined) return false;
    const right = type.toComparable(raw);
    return right !== undefined && accepts(type.compare(left, right));
  };
}

/**
 * AWS's cause when a Choice rule's `Variable` (or `…Path` comparand) selects
 * nothing. Text as reported for the service by implementations tested against
 * it (ManageIQ/floe's Choice fixtures); not yet in our recorded corpus.
 */
function invalidConditionPath(path: string): StatesError {
  return runtimeError(`Invalid path '${path}': The choice state's condition path references an invalid value.`);
}

function findOperator(rule: Record<string, unknown>): string {
  const operators = Object.keys(rule).filter((key) => !NON_OPERATOR_FIELDS.has(key));
  if (operators.length !== 1) {
    throw new Error(`Choice rule needs exactly one operator, found ${operators.length ? operators.join(', ') : 'none'}`);
  }
  return operators[0]!;
}

function expectBoolean(operand: unknown, operator: string): boolean {
  if (typeof operand !== 'boolean') throw new Error(`'${operator}' needs true or false`);
  return operand;
}

function ruleObject(value: unknown, operator: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`'${operator}' needs a Choice rule object`);
  }
  return value as Record<string, unknown>;
}

function ruleList(value: unknown, operator: string): Record<string, unknown>[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`'${operator}' needs a non-empty array of Choice rules`);
  return value.map((entry) => ruleObject(entry, operator));
}
