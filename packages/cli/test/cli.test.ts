import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchFolder, typestep } from './support/cli-process.js';

const { dir, file } = scratchFolder('typestep-cli-');

const echo = file('echo.json', { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'got.$': '$.x' }, End: true } } });
const failing = file('fail.json', { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Oops', Cause: 'because' } } });
const invalid = file('invalid.json', { StartAt: 'Nope', States: { A: { Type: 'Pass', Next: 'Missing' } } });

const run = suite('typestep run');

run('--json prints exactly one JSON object and exits 0 on success', () => {
  const { code, stdout } = typestep('run', echo, '--input', '{"x":5}', '--json');
  assert.is(code, 0);
  assert.equal(JSON.parse(stdout), { status: 'SUCCEEDED', output: { got: 5 } });
  assert.is(stdout.trim().split('\n').length, 1);
});

run('a failed execution exits 1 with error and cause', () => {
  const { code, stdout } = typestep('run', failing, '--json');
  assert.is(code, 1);
  assert.equal(JSON.parse(stdout), { status: 'FAILED', error: 'Oops', cause: 'because' });
});

run('an invalid definition exits 2 and names each problem with its location', () => {
  const { code, stderr } = typestep('run', invalid, '--json');
  assert.is(code, 2);
  assert.match(stderr, '/StartAt');
  assert.match(stderr, '/States/A/Next');
});

run('usage errors exit 2: bad input JSON, missing file, unknown clock', () => {
  assert.is(typestep('run', echo, '--input', '{nope').code, 2);
  assert.is(typestep('run', join(dir, 'absent.json')).code, 2);
  assert.is(typestep('run', echo, '--clock', 'sundial').code, 2);
  assert.is(typestep().code, 2);
});

run('--handlers loads a module of task handlers', () => {
  const definition = file('task.json', { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:double', End: true } } });
  const handlers = file('handlers.mjs', "export default { 'arn:aws:lambda:*:*:function:double': ({ n }) => ({ n: n * 2 }) };");
  const { code, stdout } = typestep('run', definition, '--input', '{"n":21}', '--handlers', handlers, '--json');
  assert.is(code, 0);
  assert.equal(JSON.parse(stdout), { status: 'SUCCEEDED', output: { n: 42 } });
});

run('--schema checks input and output (Typestep.InputValidation / OutputValidation); --no-validate skips it', () => {
  const schema = file('echo.schema.json', {
    input: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] },
    output: { type: 'object', properties: { got: { type: 'number' } } },
  });
  const badInput = typestep('run', echo, '--schema', schema, '--input', '{"x":"a"}', '--json');
  assert.is(badInput.code, 1);
  assert.equal(JSON.parse(badInput.stdout), {
    status: 'FAILED',
    error: 'Typestep.InputValidation',
    cause: 'The execution input does not match the input schema: $.x must be number (got string "a")',
  });
  assert.equal(JSON.parse(typestep('run', echo, '--schema', schema, '--input', '{"x":5}', '--json').stdout), { status: 'SUCCEEDED', output: { got: 5 } });
  const output = file('string-output.json', { type: 'object', properties: { got: { type: 'string' } } });
  const badOutput = typestep('run', echo, '--output-schema', output, '--input', '{"x":5}', '--json');
  assert.is(JSON.parse(badOutput.stdout).error, 'Typestep.OutputValidation');
  assert.is(typestep('run', echo, '--output-schema', output, '--input', '{"x":5}', '--no-validate', '--json').code, 0);
});

run('an unreadable or invalid schema is a usage error (exit 2)', () => {
  const missing = typestep('run', echo, '--input-schema', join(dir, 'nope.json'));
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /cannot read the schema/);
  const invalid = typestep('run', echo, '--input-schema', file('bogus.json', { type: 'bogus' }));
  assert.is(invalid.code, 2);
  assert.match(invalid.stderr, /the schema cannot be used/);
});

run.run();

const validate = suite('typestep validate');

validate('a valid definition exits 0', () => {
  const { code, stdout } = typestep('validate', echo);
  assert.is(code, 0);
  assert.match(stdout, 'valid');
});

validate('lists every problem and exits 1', () => {
  const { code, stdout } = typestep('validate', invalid, '--json');
  assert.is(code, 1);
  const problems = JSON.parse(stdout) as Array<{ code: string; location: string }>;
  assert.ok(problems.some((p) => p.location === '/StartAt'));
  assert.ok(problems.some((p) => p.location === '/States/A/Next'));
});

validate('malformed JSON is reported with a position, not a crash', () => {
  const broken = file('broken.json', '{"StartAt": "A", "States": {');
  const { code, stdout } = typestep('validate', broken);
  assert.is(code, 1);
  assert.match(stdout, 'invalid_json');
});

validate.run();
