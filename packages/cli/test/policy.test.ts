import { spawnSync } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bin, scratchFolder, typestep } from './support/cli-process.js';

const s = suite('typestep policy');

const definition = {
  QueryLanguage: 'JSONata',
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: '${ChargeArn}' }, Next: 'Review' },
    Review: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:review', End: true },
  },
};

s('prints the IAM policy document of a file; notes (activities) go to stderr', () => {
  const file = scratchFolder('policy-ok').file('machine.asl.json', definition);
  const { code, stdout, stderr } = typestep('policy', file);
  assert.is(code, 0, stderr);
  assert.equal(JSON.parse(stdout), {
    Version: '2012-10-17',
    Statement: [{ Sid: 'LambdaInvokeFunction', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['${ChargeArn}', '${ChargeArn}:*'] }],
  });
  assert.match(stderr, 'note: Review is an activity');
});

s("'-' reads stdin; --with-states keeps the states; --tracing adds X-Ray", () => {
  const out = spawnSync(process.execPath, [bin, 'policy', '-', '--with-states', '--tracing'], { input: JSON.stringify(definition), encoding: 'utf8' });
  assert.is(out.status, 0, out.stderr);
  const document = JSON.parse(out.stdout);
  assert.equal(document.Statement[0].states, ['Charge']);
  assert.is(document.Statement[1].Action[0], 'xray:PutTraceSegments');
});

s('an unknown Resource exits 1 naming the state; unreadable or non-JSON input exits 2', () => {
  const scratch = scratchFolder('policy-bad');
  const unknown = scratch.file('unknown.asl.json', { StartAt: 'Odd', States: { Odd: { Type: 'Task', Resource: 'arn:aws:states:::nope:nothing', End: true } } });
  const result = typestep('policy', unknown);
  assert.is(result.code, 1);
  assert.match(result.stderr, 'state "Odd": Resource "arn:aws:states:::nope:nothing"');
  assert.is(typestep('policy', scratch.file('broken.json', '{')).code, 2);
  assert.is(typestep('policy', `${scratch.dir}/missing.json`).code, 2);
});

s.run();
