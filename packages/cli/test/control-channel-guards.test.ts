import { TaskService } from '@typestep/runtime';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openControlChannel } from '../src/control-channel.js';
import { scratchFolder, typestep } from './support/cli-process.js';
import { runInBackground, waitForLines } from './support/background-run.js';
import { post } from './support/channel-request.js';
import { keepDashValues } from '../src/option-values.js';

const MB = 1024 * 1024;

const guards = suite('control channel guards');

guards("operations come from an own-property table: 'constructor' and 'toString' are unknown (were 200)", async () => {
  const channel = await openControlChannel(new TaskService(), 0);
  try {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const { status, body } = await post(channel.endpoint, { target: `AWSStepFunctions.${name}` });
      assert.is(status, 400, name);
      assert.match(body, 'UnknownOperationException');
    }
  } finally {
    await channel.close();
  }
});

guards('a Host other than the bound address is refused (403); localhost is the same loopback', async () => {
  const channel = await openControlChannel(new TaskService(), 0);
  const port = new URL(channel.endpoint).port;
  try {
    const refused = await post(channel.endpoint, { target: 'AWSStepFunctions.SendTaskHeartbeat', host: `evil.example:${port}` });
    assert.is(refused.status, 403);
    assert.match(refused.body, 'AccessDeniedException');
    assert.is((await post(channel.endpoint, { target: 'AWSStepFunctions.SendTaskHeartbeat', host: `127.0.0.1:${Number(port) + 1}` })).status, 403);
    // Past the Host check: the token is unknown.
    const local = await post(channel.endpoint, { target: 'AWSStepFunctions.SendTaskHeartbeat', host: `localhost:${port}`, body: '{"taskToken":"x"}' });
    assert.is(local.status, 400);
    assert.match(local.body, 'InvalidToken');
  } finally {
    await channel.close();
  }
});

guards('a body past the limit is refused with 413, declared or streamed in chunks', async () => {
  const channel = await openControlChannel(new TaskService(), 0);
  try {
    const declared = await post(channel.endpoint, { target: 'AWSStepFunctions.SendTaskSuccess', body: 'x'.repeat(20 * MB) });
    assert.is(declared.status, 413);
    assert.match(declared.body, 'larger than');
    const streamed = await post(channel.endpoint, { target: 'AWSStepFunctions.SendTaskSuccess', chunks: Array.from({ length: 20 }, () => 'x'.repeat(MB)) });
    assert.is(streamed.status, 413);
    // The channel still serves.
    assert.is((await post(channel.endpoint, { target: 'AWSStepFunctions.SendTaskHeartbeat', body: '{"taskToken":"x"}' })).status, 400);
  } finally {
    await channel.close();
  }
});

guards('many long polls at once raise no MaxListenersExceededWarning, and closing ends them all', async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on('warning', onWarning);
  const service = new TaskService();
  // Counts the polls the service has received, so the test closes the channel only once all 25 wait
  // (a fixed pause was too short on a loaded machine: late requests met a closed server).
  let waiting = 0;
  const getActivityTask = service.getActivityTask.bind(service);
  service.getActivityTask = (...args: Parameters<TaskService['getActivityTask']>) => ((waiting += 1), getActivityTask(...args));
  const channel = await openControlChannel(service, 0);
  try {
    const body = JSON.stringify({ activityArn: 'arn:aws:states:us-east-1:123456789012:activity:idle' });
    const polls = Array.from({ length: 25 }, () => post(channel.endpoint, { target: 'AWSStepFunctions.GetActivityTask', body }));
    for (let tries = 0; waiting < 25 && tries < 3000; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.is(waiting, 25);
    await channel.close();
    const answers = await Promise.all(polls);
    assert.ok(answers.every((answer) => answer.status === 200 && answer.body === '{}'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.not.ok(warnings.includes('MaxListenersExceededWarning'));
  } finally {
    process.off('warning', onWarning);
  }
});

guards.run();

const dashes = suite('task tokens and texts that begin with -');

dashes('send-task-success and send-task-failure send a token that begins with - (a token holding `h` printed the help and sent nothing)', async () => {
  const channel = await openControlChannel(new TaskService(), 0);
  try {
    for (const args of [
      ['send-task-success', '--endpoint', channel.endpoint, '--task-token', '-h_unknown-token', '--task-output', '{"ok":true}'],
      ['send-task-failure', '--endpoint', channel.endpoint, '--task-token', '-Wh7-unknown', '--error', '-Declined', '--cause', '-over budget'],
      ['send-task-heartbeat', '--endpoint', channel.endpoint, '--task-token', '-x'],
    ]) {
      const { code, stdout, stderr } = await runInBackground(args).done;
      // The channel does not know the token: that answer proves the request was sent with it.
      assert.match(stderr, /InvalidToken/, `${args.join(' ')}\n${stderr}${stdout}`);
      assert.is.not(code, 0);
      assert.not.match(stdout, /Options:/, 'no help text');
    }
  } finally {
    await channel.close();
  }
});

dashes('keepDashValues joins a text option and a value that begins with -; a lone - and other options are left alone', () => {
  assert.equal(keepDashValues(['send-task-success', '--task-token', '-h1', '--task-output', '-1']), ['send-task-success', '--task-token=-h1', '--task-output=-1']);
  assert.equal(keepDashValues(['run', 'x.json', '--input-file', '-', '--json']), ['run', 'x.json', '--input-file', '-', '--json']);
  assert.equal(keepDashValues(['send-task-failure', '--task-token', 'abc', '--cause', '--error', 'E']), ['send-task-failure', '--task-token', 'abc', '--cause', '--error', 'E']);
  assert.equal(keepDashValues(['send-task-heartbeat', '--task-token', '-']), ['send-task-heartbeat', '--task-token', '-']);
});

dashes.run();

const cli = suite('typestep run --listen after a refused request');

cli('a 20 MB SendTaskSuccess is refused and the run still writes its result (was exit 13, no output)', async () => {
  const { dir, file } = scratchFolder('typestep-guards-');
  const tokens = `${dir}/tokens.jsonl`;
  const callback = file('callback.json', {
    StartAt: 'Wait for approval',
    States: { 'Wait for approval': { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'token.$': '$$.Task.Token' }, End: true } },
  });
  const run = runInBackground(['run', callback, '--task-tokens', tokens, '--json']);
  try {
    const [line] = await waitForLines(tokens, 1);
    const huge = await post(line!.endpoint, { target: 'AWSStepFunctions.SendTaskSuccess', body: JSON.stringify({ taskToken: line!.taskToken, output: JSON.stringify('x'.repeat(20 * MB)) }) });
    assert.is(huge.status, 413);
    const answer = typestep('send-task-success', '--endpoint', line!.endpoint, '--task-token', line!.taskToken, '--task-output', '{"approved":true}');
    assert.is(answer.code, 0, answer.stderr);
    const result = await run.done;
    assert.is(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout), { status: 'SUCCEEDED', output: { approved: true } });
  } finally {
    // A failed assertion must not leave the run waiting for its callback: it would keep the test process alive.
    run.child.kill();
  }
});

cli.run();
