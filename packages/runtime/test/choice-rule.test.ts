import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StatesError } from '../src/errors.js';
import { compileChoiceRule, compileChoiceRules } from '../src/states/choice-rule.js';
import { compileStringMatchesPattern } from '../src/states/string-matches.js';
import { scopeOf } from './helpers.js';

/** Evaluates `{ Variable: '$.v', [operator]: operand }` against `{ v: value }`. */
function test(operator: string, operand: unknown, value: unknown): boolean {
  return compileChoiceRule({ Variable: '$.v', [operator]: operand })(scopeOf({ v: value }));
}

/** Evaluates `{ Variable: '$.v', [operator]Path: '$.c' }` against `{ v: value, c: comparand }`. */
function testPath(operator: string, value: unknown, comparand: unknown): boolean {
  return compileChoiceRule({ Variable: '$.v', [`${operator}Path`]: '$.c' })(scopeOf({ v: value, c: comparand }));
}

function catchStatesError(run: () => unknown): StatesError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  assert.unreachable('expected a StatesError');
  throw new Error('unreachable');
}

const strings = suite('String operators');

strings('StringEquals is exact, whitespace included', () => {
  assert.ok(test('StringEquals', 'Hello', 'Hello'));
  assert.not.ok(test('StringEquals', 'Hello', 'hello'));
  assert.not.ok(test('StringEquals', '\t\r\n', '\t\n'));
});

strings('orderings compare UTF-16 code units, like Java compareTo', () => {
  assert.ok(test('StringLessThan', 'AB', 'A'));
  assert.not.ok(test('StringLessThan', 'A', 'A'));
  assert.ok(test('StringLessThanEquals', 'A', 'A'));
  assert.ok(test('StringGreaterThan', 'a', 'b'));
  assert.ok(test('StringGreaterThan', 'Z', 'a'));
  assert.ok(test('StringGreaterThanEquals', '', ''));
  assert.not.ok(test('StringGreaterThan', 'A\t', 'A'));
  // U+FFFF sorts above an astral character's high surrogate (U+D83D).
  assert.ok(test('StringGreaterThan', '😀', '\uffff'));
});

strings('a non-string never matches', () => {
  for (const value of [null, 0, 1.5, true, [], ['Hello'], {}, { a: 'Hello' }]) {
    assert.not.ok(test('StringEquals', 'Hello', value), JSON.stringify(value));
    assert.not.ok(test('StringLessThan', 'zzz', value), JSON.stringify(value));
  }
});

strings('Path variants read the comparand from the input', () => {
  assert.ok(testPath('StringEquals', 'Hello', 'Hello'));
  assert.not.ok(testPath('StringEquals', ' ', '     '));
  assert.ok(testPath('StringLessThan', 'A', 'AB'));
  assert.ok(testPath('StringLessThanEquals', '', ''));
  assert.ok(testPath('StringGreaterThan', 'B', 'A'));
  assert.ok(testPath('StringGreaterThanEquals', 'AB', 'A'));
  assert.not.ok(testPath('StringEquals', 1, 1), 'numbers are not strings, even when equal');
});

strings.run();

const matches = suite('StringMatches');

matches('* matches any run of characters, including none and newlines', () => {
  assert.ok(test('StringMatches', 'log-*.txt', 'log-2024.txt'));
  assert.ok(test('StringMatches', 'log-*.txt', 'log-.txt'));
  assert.ok(test('StringMatches', '*', 'line1\nline2'));
  assert.ok(test('StringMatches', 'a*b*c', 'abc'));
  assert.not.ok(test('StringMatches', 'log-*.txt', 'log-2024.txt.bak'));
  assert.not.ok(test('StringMatches', 'log-*.txt', 'xlog-1.txt'));
});

matches('only * is special: regex syntax is literal', () => {
  assert.ok(test('StringMatches', 'a.b?(c)[d]+$', 'a.b?(c)[d]+$'));
  assert.not.ok(test('StringMatches', 'a.c', 'abc'));
});

matches('backslash escapes: \\* is a literal star, \\\\ a literal backslash', () => {
  // JSON "a\\*b" is the five characters a \ * b → a literal star.
  assert.ok(test('StringMatches', 'a\\*b', 'a*b'));
  assert.not.ok(test('StringMatches', 'a\\*b', 'axb'));
  // JSON "a\\\\*" is a \ \ * → a literal backslash, then a wildcard.
  assert.ok(test('StringMatches', 'a\\\\*', 'a\\anything'));
  assert.not.ok(test('StringMatches', 'a\\\\*', 'a*'));
  // A lone trailing backslash stands for itself.
  assert.ok(test('StringMatches', 'end\\', 'end\\'));
});

matches('a non-string never matches, even against *', () => {
  assert.not.ok(test('StringMatches', '*', 1));
  assert.not.ok(test('StringMatches', '*', null));
});

matches('compileStringMatchesPattern is anchored', () => {
  assert.ok(compileStringMatchesPattern('*.json').test('a.json'));
  assert.not.ok(compileStringMatchesPattern('a').test('ab'));
});

matches('a prefix and suffix may not share characters; pieces keep their order', () => {
  assert.not.ok(compileStringMatchesPattern('a*a').test('a'));
  assert.ok(compileStringMatchesPattern('a*a').test('aa'));
  assert.not.ok(compileStringMatchesPattern('*ab*ba*').test('aba'));
  assert.ok(compileStringMatchesPattern('*ab*ba*').test('abba'));
  assert.not.ok(compileStringMatchesPattern('x*b*a*y').test('xaby'));
  assert.ok(compileStringMatchesPattern('**').test(''));
});

// Before the matcher was rewritten these took exponential time (33 s for the first on AWS-sized input).
matches('many stars against a long run that almost matches end at once', () => {
  assert.not.ok(compileStringMatchesPattern('*a*a*a*a*a*a*a*a*a*ab').test('a'.repeat(40)));
  assert.ok(compileStringMatchesPattern('*a*a*a*a*a*a*a*a*a*ab').test(`${'a'.repeat(40)}b`));
  assert.not.ok(compileStringMatchesPattern(`${'*a'.repeat(500)}*b`).test('a'.repeat(100_000)));
});

matches('agrees with an anchored RegExp of the same pattern on small strings', () => {
  const toRegExp = (pattern: string) =>
    new RegExp(`^${[...pattern].map((c) => (c === '*' ? '[\\s\\S]*' : c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'))).join('')}$`);
  fc.assert(
    fc.property(fc.stringMatching(/^[ab*]{0,8}$/), fc.stringMatching(/^[ab]{0,10}$/), (pattern, value) => {
      assert.is(compileStringMatchesPattern(pattern).test(value), toRegExp(pattern).test(value), `${pattern} vs ${value}`);
    }),
    { numRuns: 2000, seed: 16 },
  );
});

matches.run();

const numbers = suite('Numeric operators');

numbers('compare by value: 1 and 1.0 are the same number', () => {
  assert.ok(test('NumericEquals', 1, 1.0));
  assert.ok(test('NumericEquals', 2.22, 2.22));
  assert.not.ok(test('NumericEquals', 1, 1.1));
  assert.ok(test('NumericLessThan', 1, 0));
  assert.not.ok(test('NumericLessThan', 0, 0));
  assert.ok(test('NumericLessThanEquals', 0, 0));
  assert.ok(test('NumericGreaterThan', 0, 0.5));
  assert.ok(test('NumericGreaterThanEquals', -1, -1));
});

numbers('booleans, strings, null, arrays and objects are not numbers', () => {
  for (const value of [true, false, '0', '', null, [], [0], {}, { a: 0 }]) {
    assert.not.ok(test('NumericEquals', 0, value), JSON.stringify(value));
    assert.not.ok(test('NumericGreaterThanEquals', -1, value), JSON.stringify(value));
  }
});

numbers('Path variants', () => {
  assert.ok(testPath('NumericEquals', 0, 0.0));
  assert.ok(testPath('NumericLessThan', 0, 1));
  assert.ok(testPath('NumericLessThanEquals', 1, 1));
  assert.ok(testPath('NumericGreaterThan', 1, 0));
  assert.ok(testPath('NumericGreaterThanEquals', 0, 0));
  assert.not.ok(testPath('NumericEquals', 1, '1'), 'a string comparand is a mismatch, not an error');
  assert.not.ok(testPath('NumericEquals', null, 0));
});

numbers.run();

const booleans = suite('BooleanEquals');

booleans('matches only the same boolean', () => {
  assert.ok(test('BooleanEquals', true, true));
  assert.ok(test('BooleanEquals', false, false));
  assert.not.ok(test('BooleanEquals', true, false));
  for (const value of [1, 0, 'true', '', null, [], {}]) {
    assert.not.ok(test('BooleanEquals', true, value), JSON.stringify(value));
    assert.not.ok(test('BooleanEquals', false, value), JSON.stringify(value));
  }
});

booleans('BooleanEqualsPath', () => {
  assert.ok(testPath('BooleanEquals', false, false));
  assert.not.ok(testPath('BooleanEquals', true, false));
  assert.not.ok(testPath('BooleanEquals', 1, true));
});

booleans.run();

const timestamps = suite('Timestamp operators');

timestamps('compare instants', () => {
  assert.ok(test('TimestampEquals', '2012-10-09T19:00:55Z', '2012-10-09T19:00:55Z'));
  assert.ok(test('TimestampEquals', '2012-10-09T19:00:55Z', '2012-10-09T20:00:55+01:00'));
  assert.not.ok(test('TimestampEquals', '2012-10-09T19:00:56Z', '2012-10-09T19:00:55Z'));
  assert.ok(test('TimestampLessThan', '2012-10-09T19:00:56Z', '2012-10-09T19:00:55Z'));
  assert.ok(test('TimestampLessThanEquals', '2012-10-09T19:00:55Z', '2012-10-09T19:00:55Z'));
  assert.ok(test('TimestampGreaterThan', '2012-10-09T19:00:55Z', '2012-10-09T19:00:55.000000001Z'));
  assert.ok(test('TimestampGreaterThanEquals', '2012-10-09T19:00:55Z', '2012-10-09T19:00:55Z'));
});

timestamps('non-strings and unparseable strings never match', () => {
  for (const value of [null, 0, 1.1, false, ' ', '2012-10-09T19:00:55', '2012-10-09', [''], {}]) {
    assert.not.ok(test('TimestampEquals', '2012-10-09T19:00:55Z', value), JSON.stringify(value));
    assert.not.ok(test('TimestampLessThan', '2099-01-01T00:00:00Z', value), JSON.stringify(value));
  }
});

timestamps('Path variants', () => {
  assert.ok(testPath('TimestampEquals', '2012-10-09T19:00:55Z', '2012-10-09T19:00:55Z'));
  assert.ok(testPath('TimestampLessThan', '2012-10-09T19:00:55Z', '2012-10-09T19:00:56Z'));
  assert.not.ok(testPath('TimestampLessThanEquals', '2012-10-09T19:00:56Z', '2012-10-09T19:00:55Z'));
  assert.ok(testPath('TimestampGreaterThan', '2012-10-09T19:00:56Z', '2012-10-09T19:00:55Z'));
  assert.not.ok(testPath('TimestampGreaterThanEquals', '2012-10-09T19:00:55Z', '2012-10-09T19:00:56Z'));
  assert.not.ok(testPath('TimestampEquals', '2012-10-09T19:00:55Z', 'not a timestamp'));
});

timestamps('an invalid constant is a definition error, found at compile time', () => {
  assert.throws(() => compileChoiceRule({ Variable: '$.v', TimestampEquals: '2012-10-09' }), /TimestampEquals/);
});

timestamps.run();

const typeTests = suite('Is* operators');

const samples: Record<string, unknown> = {
  null: null,
  integer: 0,
  float: 1.1,
  string: 'HelloWorld',
  empty: '',
  timestamp: '2012-10-09T19:00:55+01:00',
  zoneless: '2012-10-09T19:00:55',
  true: true,
  false: false,
  array: [''],
  object: { A: 0 },
};

const expectedTypes: Record<string, string[]> = {
  IsNull: ['null'],
  IsNumeric: ['integer', 'float'],
  IsString: ['string', 'empty', 'timestamp', 'zoneless'],
  IsBoolean: ['true', 'false'],
  IsTimestamp: ['timestamp'],
};

for (const [operator, members] of Object.entries(expectedTypes)) {
  typeTests(`${operator}: true matches its type, false matches everything else`, () => {
    for (const [sample, value] of Object.entries(samples)) {
      const isMember = members.includes(sample);
      assert.is(test(operator, true, value), isMember, `${operator}: true on ${sample}`);
      assert.is(test(operator, false, value), !isMember, `${operator}: false on ${sample}`);
    }
  });
}

typeTests('IsPresent answers whether the path selects anything, null included', () => {
  const present = compileChoiceRule({ Variable: '$.v', IsPresent: true });
  const absent = compileChoiceRule({ Variable: '$.v', IsPresent: false });
  for (const value of [null, false, 0, '', [], {}]) {
    assert.ok(present(scopeOf({ v: value })), JSON.stringify(value));
    assert.not.ok(absent(scopeOf({ v: value })), JSON.stringify(value));
  }
  assert.not.ok(present(scopeOf({})));
  assert.ok(absent(scopeOf({})));
  const nested = compileChoiceRule({ Variable: '$.v.w', IsPresent: true });
  assert.ok(nested(scopeOf({ v: { w: 1 } })));
  assert.not.ok(nested(scopeOf({ v: {} })));
  assert.not.ok(nested(scopeOf({})), 'a missing parent is not an error under IsPresent');
});

typeTests.run();

const missing = suite('missing paths');

missing('a Variable that selects nothing raises States.Runtime', () => {
  const rule = compileChoiceRule({ Variable: '$.missing', NumericEquals: 1 });
  const error = catchStatesError(() => rule(scopeOf({ other: 1 })));
  assert.is(error.error, 'States.Runtime');
  assert.is(error.cause, "Invalid path '$.missing': The choice state's condition path references an invalid value.");
  assert.ok(error.scoped, 'the interpreter prefixes the state name and event id');
});

missing('so do the Is* tests other than IsPresent', () => {
  for (const operator of ['IsNull', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp']) {
    const rule = compileChoiceRule({ Variable: '$.missing', [operator]: false });
    assert.is(catchStatesError(() => rule(scopeOf({}))).error, 'States.Runtime', operator);
  }
});

missing('a …Path comparand that selects nothing raises States.Runtime naming that path', () => {
  const rule = compileChoiceRule({ Variable: '$.v', NumericEqualsPath: '$.nowhere' });
  const error = catchStatesError(() => rule(scopeOf({ v: 1 })));
  assert.is(error.cause, "Invalid path '$.nowhere': The choice state's condition path references an invalid value.");
});

missing('a missing Variable is reported before a missing comparand', () => {
  const rule = compileChoiceRule({ Variable: '$.a', StringEqualsPath: '$.b' });
  assert.match(catchStatesError(() => rule(scopeOf({}))).cause ?? '', "'$.a'");
});

missing('an IsPresent guard first in And keeps the later test from raising', () => {
  const rule = compileChoiceRule({
    And: [
      { Variable: '$.key', IsPresent: true },
      { Variable: '$.key', StringEquals: 'foo' },
    ],
  });
  assert.not.ok(rule(scopeOf({})));
  assert.ok(rule(scopeOf({ key: 'foo' })));
});

missing.run();

const paths = suite('where paths read from');

paths('Variable reads the context object with $$', () => {
  const rule = compileChoiceRule({ Variable: '$$.Execution.Input.level', NumericLessThanEquals: 0 });
  assert.ok(rule(scopeOf({}, { context: { Execution: { Input: { level: 0 } } } })));
  assert.not.ok(rule(scopeOf({}, { context: { Execution: { Input: { level: 3 } } } })));
});

paths('Variable and comparand read workflow variables with $name', () => {
  const rule = compileChoiceRule({ Variable: '$limit', NumericGreaterThanPath: '$.count' });
  assert.ok(rule(scopeOf({ count: 2 }, { variables: { limit: 5 } })));
  assert.not.ok(rule(scopeOf({ count: 9 }, { variables: { limit: 5 } })));
});

paths('an unassigned variable is missing', () => {
  const rule = compileChoiceRule({ Variable: '$limit', NumericEquals: 1 });
  assert.is(catchStatesError(() => rule(scopeOf({}))).error, 'States.Runtime');
  assert.ok(compileChoiceRule({ Variable: '$limit', IsPresent: false })(scopeOf({})));
});

paths('a comparand may come from the context object', () => {
  const rule = compileChoiceRule({ Variable: '$.name', StringEqualsPath: '$$.Execution.Name' });
  assert.ok(rule(scopeOf({ name: 'run-1' }, { context: { Execution: { Name: 'run-1' } } })));
});

paths.run();

const logic = suite('And / Or / Not');

const between20And30 = {
  And: [
    { Variable: '$.value', NumericGreaterThanEquals: 20 },
    { Variable: '$.value', NumericLessThan: 30 },
  ],
};

logic('And needs every rule', () => {
  const rule = compileChoiceRule(between20And30);
  assert.ok(rule(scopeOf({ value: 22 })));
  assert.not.ok(rule(scopeOf({ value: 30 })));
});

logic('And stops at the first false rule', () => {
  const rule = compileChoiceRule({
    And: [
      { Variable: '$.kind', StringEquals: 'number' },
      { Variable: '$.value', NumericEquals: 1 },
    ],
  });
  assert.not.ok(rule(scopeOf({ kind: 'text' })), 'the missing $.value is never read');
});

logic('Or needs one rule and stops at the first true one', () => {
  const rule = compileChoiceRule({
    Or: [
      { Variable: '$.kind', StringEquals: 'fast' },
      { Variable: '$.missing', BooleanEquals: true },
    ],
  });
  assert.ok(rule(scopeOf({ kind: 'fast' })));
  assert.is(catchStatesError(() => rule(scopeOf({ kind: 'slow' }))).error, 'States.Runtime');
});

logic('Not inverts, and an error inside it still propagates', () => {
  const rule = compileChoiceRule({ Not: { Variable: '$.type', StringEquals: 'Private' } });
  assert.ok(rule(scopeOf({ type: 'Public' })));
  assert.not.ok(rule(scopeOf({ type: 'Private' })));
  assert.is(catchStatesError(() => rule(scopeOf({}))).error, 'States.Runtime');
});

logic('nests to any depth', () => {
  const rule = compileChoiceRule({
    Or: [
      { Not: { Or: [{ Variable: '$.a', IsNull: true }, { Variable: '$.a', IsNumeric: true }] } },
      { And: [between20And30, { Not: { Variable: '$.value', NumericEquals: 25 } }] },
    ],
  });
  // $.a is a string: the first branch holds.
  assert.ok(rule(scopeOf({ a: 'x' })));
  // $.a is numeric: the second branch decides.
  assert.ok(rule(scopeOf({ a: 1, value: 21 })));
  assert.not.ok(rule(scopeOf({ a: 1, value: 25 })));
  assert.not.ok(rule(scopeOf({ a: null, value: 31 })));
});

logic('a single-rule And behaves like the rule', () => {
  const rule = compileChoiceRule({ And: [{ Variable: '$.type', StringEquals: 'Public' }] });
  assert.ok(rule(scopeOf({ type: 'Public', value: 22 })));
});

logic.run();

const compiling = suite('compiling');

compiling('compileChoiceRules keeps Next and the rule, ignores Next when testing', () => {
  const rules = [
    { Variable: '$.n', NumericLessThan: 0, Next: 'Negative' },
    { Variable: '$.n', NumericEquals: 0, Next: 'Zero', Assign: { zero: true } },
  ];
  const choices = compileChoiceRules(rules);
  assert.equal(
    choices.map((choice) => choice.next),
    ['Negative', 'Zero'],
  );
  assert.is(choices[1]!.rule, rules[1]);
  assert.is(choices.find((choice) => choice.matches(scopeOf({ n: 0 })))?.next, 'Zero');
  assert.is(choices.find((choice) => choice.matches(scopeOf({ n: 5 }))), undefined);
});

compiling('malformed rules fail at compile time', () => {
  assert.throws(() => compileChoiceRule({ Variable: '$.v' }), /exactly one operator/);
  assert.throws(() => compileChoiceRule({ Variable: '$.v', StringEquals: 'a', NumericEquals: 1 }), /exactly one operator/);
  assert.throws(() => compileChoiceRule({ Variable: '$.v', NumericEquals: '1' }), /NumericEquals/);
  assert.throws(() => compileChoiceRule({ Variable: '$.v', StringEquals: 1 }), /StringEquals/);
  assert.throws(() => compileChoiceRule({ Variable: '$.v', BooleanEquals: 'true' }), /BooleanEquals/);
  assert.throws(() => compileChoiceRule({ Variable: '$.v', IsNull: 'yes' }), /IsNull/);
  assert.throws(() => compileChoiceRule({ Variable: '$.v', BooleanLessThan: true }), /Unknown/);
  assert.throws(() => compileChoiceRule({ Variable: '$.v', StringMatchesPath: '$.p' }), /Unknown/);
  assert.throws(() => compileChoiceRule({ NumericEquals: 1 }), /Variable/);
  assert.throws(() => compileChoiceRule({ And: [] }), /non-empty/);
  assert.throws(() => compileChoiceRules([{ Variable: '$.v', IsNull: true }]), /Next/);
});

compiling.run();
