import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchFolder, typestep } from './support/cli-process.js';

const { dir, file } = scratchFolder('typestep-cli-mocks-');

const definition = file('charge.json', {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['CardDeclined'], Next: 'Declined' }],
      OutputPath: '$.Payload',
      Next: 'Notify',
    },
    Notify: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:notify', End: true },
    Declined: { Type: 'Fail', Error: 'Declined', Cause: 'the card was declined' },
  },
});
const mocks = file('MockConfigFile.json', {
  StateMachines: {
    Orders: {
      TestCases: {
        HappyPath: { Charge: 'ChargeAfterThrottle', Notify: 'Sent' },
        Declined: { Charge: 'CardDeclined' },
        Exhausted: { Charge: 'AlwaysThrottled' },
      },
    },
  },
  MockedResponses: {
    ChargeAfterThrottle: {
      '0': { Throw: { Error: 'Lambda.TooManyRequestsException', Cause: 'Rate exceeded.' } },
      '1': { Return: { StatusCode: 200, Payload: { charged: true } } },
    },
    Sent: { '0': { Return: { sent: 1 } } },
    CardDeclined: { '0': { Throw: { Error: 'CardDeclined', Cause: 'insufficient funds' } } },
    AlwaysThrottled: { '0-1': { Throw: { Error: 'Lambda.TooManyRequestsException', Cause: 'Rate exceeded.' } } },
  },
});

const run = suite('typestep run --mock-config');

run('runs a test case: mocked Return and Throw, retries counted as invocations', () => {
  const happy = typestep('run', definition, '--mock-config', mocks, '--test-case', 'HappyPath', '--json');
  assert.is(happy.code, 0, happy.stderr);
  assert.equal(JSON.parse(happy.stdout), { status: 'SUCCEEDED', output: { sent: 1 } });
  const declined = typestep('run', definition, '--mock-config', mocks, '--test-case', 'Declined', '--state-machine-name', 'Orders', '--json');
  assert.is(declined.code, 1);
  assert.equal(JSON.parse(declined.stdout), { status: 'FAILED', error: 'Declined', cause: 'the card was declined' });
});

run('unmocked states call the handlers module', () => {
  const handlers = file('handlers.mjs', "export default { Notify: () => ({ notified: true }) };");
  const { code, stdout } = typestep('run', definition, '--mock-config', mocks, '--test-case', 'Declined', '--handlers', handlers, '--json');
  assert.is(code, 1);
  assert.is(JSON.parse(stdout).error, 'Declined');
  const hybrid = file('hybrid.json', {
    StateMachines: { Orders: { TestCases: { OnlyCharge: { Charge: 'Ok' } } } },
    MockedResponses: { Ok: { '0': { Return: { Payload: {} } } } },
  });
  const mixed = typestep('run', definition, '--mock-config', hybrid, '--test-case', 'OnlyCharge', '--handlers', handlers, '--json');
  assert.is(mixed.code, 0, mixed.stderr);
  assert.equal(JSON.parse(mixed.stdout), { status: 'SUCCEEDED', output: { notified: true } });
});

run('running out of mocked responses fails with States.Runtime naming the state and invocation', () => {
  const { code, stdout } = typestep('run', definition, '--mock-config', mocks, '--test-case', 'Exhausted', '--json');
  assert.is(code, 1);
  const result = JSON.parse(stdout);
  assert.is(result.error, 'States.Runtime');
  assert.match(result.cause, "invocation 2 of state 'Charge'");
});

run('an unknown test case exits 2 and lists the known ones', () => {
  const { code, stdout, stderr } = typestep('run', definition, '--mock-config', mocks, '--test-case', 'Nope', '--json');
  assert.is(code, 2);
  assert.is(stdout, '');
  assert.match(stderr, `${mocks}: /StateMachines/Orders/TestCases: State machine "Orders" has no test case "Nope"`);
  assert.match(stderr, '[unknown_test_case]');
});

run('a malformed mock file exits 2, one line per problem with its location', () => {
  const bad = file('bad.json', {
    StateMachines: { Orders: { TestCases: { T: { Charge: 'Missing' } } } },
    MockedResponses: { R: { '0': { Return: 1, Throw: { Error: 'E', Cause: 'c' } }, 'one': { Return: 2 } } },
  });
  const { code, stderr } = typestep('run', definition, '--mock-config', bad, '--test-case', 'T');
  assert.is(code, 2);
  const lines = stderr.trim().split('\n');
  assert.is(lines.length, 3);
  assert.match(stderr, `${bad}: /StateMachines/Orders/TestCases/T/Charge: `);
  assert.match(stderr, `${bad}: /MockedResponses/R/0: `);
  assert.match(stderr, `${bad}: /MockedResponses/R/one: `);
  const syntax = typestep('run', definition, '--mock-config', file('syntax.json', '{\n  "StateMachines": {,\n}'), '--test-case', 'T');
  assert.is(syntax.code, 2);
  assert.match(syntax.stderr, 'at line 2:');
});

run('usage errors exit 2: a missing mock file, --test-case without --mock-config and the reverse', () => {
  assert.is(typestep('run', definition, '--mock-config', join(dir, 'absent.json'), '--test-case', 'T').code, 2);
  assert.is(typestep('run', definition, '--test-case', 'T').code, 2);
  assert.is(typestep('run', definition, '--mock-config', mocks).code, 2);
});

run.run();
