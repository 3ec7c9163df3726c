import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeJsonSyntaxError } from '../src/index.js';
import { parseDefinitionText, validateDefinition } from '../src/validation/index.js';

/** A machine starting at its first state. */
function machine(states: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { StartAt: Object.keys(states)[0], States: states, ...extra };
}

const end = { Type: 'Pass', End: true };

/** Asserts that `definition` has exactly one problem, with this code and location. */
function assertOnly(definition: unknown, code: string, location: string, text: string): void {
  const problems = validateDefinition(definition);
  assert.equal(problems.map((p) => [p.code, p.location]), [[code, location]], JSON.stringify(problems, null, 1));
  assert.ok(problems[0]!.message.includes(text), problems[0]!.message);
}

const api = suite('validation: document');

api('a valid definition has no problems', () => {
  assert.equal(validateDefinition(machine({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } })), []);
});

api('malformed JSON is one invalid_json problem naming line and column', () => {
  const { definition, problems } = parseDefinitionText('{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass" "End": true } }\n}');
  assert.is(definition, undefined);
  assert.equal(problems.map((p) => [p.code, p.location]), [['invalid_json', '']]);
  assert.match(problems[0]!.message, /Expected ',' or '}'.* at line 3:37$/);
});

api('invalid_json also at the end of the text and for a trailing comma', () => {
  assert.match(parseDefinitionText('{"StartAt": "A"').problems[0]!.message, /Unexpected end of input.*line 1:16/);
  assert.match(parseDefinitionText('{"a": 1,}').problems[0]!.message, /property name.*line 1:9/);
});

api('describeJsonSyntaxError names the reason and the line:column of any JSON text', () => {
  const text = '{\n  "orderId": "o-1",\n  "total": 12,,\n}';
  let thrown: unknown;
  try {
    JSON.parse(text);
  } catch (error) {
    thrown = error;
  }
  assert.match(describeJsonSyntaxError(text, thrown), / at line 3:15$/);
  assert.match(describeJsonSyntaxError('[1, 2'), /^Unexpected end of input.* at line 1:6$/);
});

api('parseDefinitionText returns the definition and validates it', () => {
  const { definition, problems } = parseDefinitionText('{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}');
  assert.equal(definition, { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } });
  assert.equal(problems.map((p) => p.code), ['transition_target_not_found']);
});

api('definition_not_object', () => {
  assertOnly([], 'definition_not_object', '', 'not an array');
});

api('definition_too_large above 1 MB', () => {
  const definition = machine({ A: { Type: 'Pass', Result: 'x'.repeat(1_048_576), End: true } });
  assertOnly(definition, 'definition_too_large', '', 'at most 1048576');
});

api('never throws: undefined, cycles, absurd nesting', () => {
  assert.equal(validateDefinition(undefined).map((p) => p.code), ['definition_not_object']);
  const cyclic: Record<string, unknown> = machine({ A: end });
  cyclic.self = cyclic;
  assert.equal(validateDefinition(cyclic).map((p) => p.code), ['definition_not_serializable']);
  let rule: unknown = { Variable: '$.x', IsNull: true };
  for (let i = 0; i < 100_000; i++) rule = { Not: rule };
  const deep = machine({ C: { Type: 'Choice', Choices: [{ ...(rule as object), Next: 'E' }] }, E: { Type: 'Succeed' } });
  assert.equal(validateDefinition(deep).map((p) => p.code), ['definition_too_deep']);
});

api('reports every problem of a definition, not just the first', () => {
  const problems = validateDefinition({
    StartAt: 'Start',
    Version: '2.0',
    States: {
      Start: { Type: 'Pass', Next: 'Nope', InputPath: 'input' },
      Orphan: { Type: 'Wait', End: true },
      Check: { Type: 'Choice', Choices: [{ Variable: '$.x', StringEquals: 1, Next: 'Start' }] },
    },
  });
  assert.equal(
    problems.map((p) => [p.code, p.location]),
    [
      ['invalid_value', '/Version'],
      ['invalid_path', '/States/Start/InputPath'],
      ['missing_one_of', '/States/Orphan'],
      ['wrong_type', '/States/Check/Choices/0/StringEquals'],
      ['transition_target_not_found', '/States/Start/Next'],
      ['unreachable_state', '/States/Orphan'],
      ['unreachable_state', '/States/Check'],
    ],
  );
});

api.run();

const top = suite('validation: machine structure');

top('missing_field: StartAt', () => {
  assertOnly({ States: { A: end } }, 'missing_field', '', '"StartAt"');
});

top('wrong_type: States must be an object', () => {
  assertOnly({ StartAt: 'A', States: [] }, 'wrong_type', '/States', 'must be an object, not an array');
});

top('empty_field: States', () => {
  assertOnly({ StartAt: 'A', States: {} }, 'empty_field', '/States', 'must not be empty');
});

top('invalid_value: Version other than 1.0', () => {
  assertOnly(machine({ A: end }, { Version: '2.0' }), 'invalid_value', '/Version', '"1.0"');
});

top('out_of_range and wrong_type: TimeoutSeconds', () => {
  assertOnly(machine({ A: end }, { TimeoutSeconds: 0 }), 'out_of_range', '/TimeoutSeconds', 'between 1 and 99999999');
  assertOnly(machine({ A: end }, { TimeoutSeconds: 1.5 }), 'wrong_type', '/TimeoutSeconds', 'an integer');
});

top('wrong_type: Comment', () => {
  assertOnly(machine({ A: end }, { Comment: 42 }), 'wrong_type', '/Comment', 'a string');
});

top('invalid_value: QueryLanguage', () => {
  assertOnly(machine({ A: end }, { QueryLanguage: 'YAML' }), 'invalid_value', '/QueryLanguage', '"JSONPath", "JSONata"');
});

top('unknown_field at the top level', () => {
  assertOnly(machine({ A: end }, { Foo: 1 }), 'unknown_field', '/Foo', '"Foo"');
});

top('unknown_field in a nested machine (a branch has no TimeoutSeconds)', () => {
  const definition = machine({ P: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: end }, TimeoutSeconds: 5 }], End: true } });
  assertOnly(definition, 'unknown_field', '/States/P/Branches/0/TimeoutSeconds', 'a Parallel branch');
});

top('invalid_value: ProcessorConfig Mode', () => {
  const definition = machine({
    M: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'PARALLEL' }, StartAt: 'B', States: { B: end } }, End: true },
  });
  assertOnly(definition, 'invalid_value', '/States/M/ItemProcessor/ProcessorConfig/Mode', '"INLINE", "DISTRIBUTED"');
});

top('missing_field: Type; unknown_state_type', () => {
  assertOnly(machine({ A: { End: true } }), 'missing_field', '/States/A', 'State "A" is missing the required field "Type"');
  assertOnly(machine({ A: { Type: 'Lambda', End: true } }), 'unknown_state_type', '/States/A/Type', '"Lambda"');
});

top('wrong_type: a state that is not an object', () => {
  assertOnly(machine({ A: { Type: 'Pass', Next: 'B' }, B: 'Pass' }), 'wrong_type', '/States/B', 'a state object');
});

top.run();

const graph = suite('validation: transitions and names');

graph('transition_target_not_found: Next', () => {
  assertOnly(
    machine({ Check: { Type: 'Pass', Next: 'Nope' } }),
    'transition_target_not_found',
    '/States/Check/Next',
    'State "Check" transitions to "Nope", which does not exist',
  );
});

graph('transition_target_not_found: Default, Choices[].Next and Catch[].Next', () => {
  const problems = validateDefinition(
    machine({
      C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'X1' }], Default: 'X2' },
      T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'X3' }], End: true },
    }),
  ).filter((p) => p.code === 'transition_target_not_found');
  assert.equal(
    problems.map((p) => p.location),
    ['/States/C/Choices/0/Next', '/States/C/Default', '/States/T/Catch/0/Next'],
  );
  assert.match(problems[1]!.message, /"X2" \(Default\)/);
});

graph('start_at_not_found', () => {
  assertOnly({ StartAt: 'Nope', States: { A: end } }, 'start_at_not_found', '/StartAt', '"Nope"');
});

graph('cross_machine_transition: out of a Parallel branch', () => {
  const definition = machine({
    P: { Type: 'Parallel', Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Pass', Next: 'Outer' } } }], Next: 'Outer' },
    Outer: end,
  });
  const problems = validateDefinition(definition);
  assert.equal(
    problems.map((p) => [p.code, p.location]),
    [['cross_machine_transition', '/States/P/Branches/0/States/Inner/Next']],
  );
  assert.match(problems[0]!.message, /cannot enter or leave a Parallel branch or a Map processor/);
});

graph('missing_transition and conflicting_transition', () => {
  assertOnly(machine({ A: { Type: 'Pass' } }), 'missing_transition', '/States/A', '"Next" or "End": true');
  assertOnly(machine({ A: { Type: 'Pass', End: false } }), 'missing_transition', '/States/A', '"Next" or "End": true');
  assertOnly(machine({ A: { Type: 'Pass', Next: 'B', End: true }, B: end }), 'conflicting_transition', '/States/A', 'both');
});

graph('unreachable_state', () => {
  assertOnly(machine({ A: end, B: end }), 'unreachable_state', '/States/B', 'State "B" can never run');
});

graph('no_terminal_state: states that only loop', () => {
  assertOnly(
    machine({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Wait', Seconds: 1, Next: 'A' } }),
    'no_terminal_state',
    '/States',
    'can never finish',
  );
});

graph('a loop with a catcher to a Fail state can finish', () => {
  const definition = machine({
    A: { Type: 'Task', Resource: 'r', Next: 'A', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }] },
    F: { Type: 'Fail' },
  });
  assert.equal(validateDefinition(definition), []);
});

graph('duplicate_state_name across nesting levels', () => {
  const definition = machine({
    P: { Type: 'Parallel', Branches: [{ StartAt: 'Done', States: { Done: end } }], Next: 'Done' },
    Done: end,
  });
  assertOnly(definition, 'duplicate_state_name', '/States/Done', 'already used at /States/P/Branches/0/States/Done');
});

graph('state_name_too_long', () => {
  const name = 'N'.repeat(81);
  assertOnly(machine({ [name]: end }), 'state_name_too_long', `/States/${name}`, '81 characters');
});

graph('locations escape "/" and "~" in state names (RFC 6901)', () => {
  assertOnly(machine({ 'a/b~c': { Type: 'Pass', Next: 'y', End: true }, y: end }), 'conflicting_transition', '/States/a~1b~0c', 'both');
});

graph.run();
