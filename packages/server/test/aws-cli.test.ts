import { execFile, spawnSync } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CALLBACK_DEFINITION, eventually, PASS_DEFINITION, PREFIX, ROLE, withService } from './support/local-service.js';

const s = suite('typestep serve: the same lifecycle through the AWS CLI (aws stepfunctions --endpoint-url)');

const available = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;

/** `aws stepfunctions <args>` against `endpoint` with dummy credentials; never throws. */
function aws(endpoint: string, args: string[]): Promise<{ code: number; json: any; stderr: string }> {
  const env = { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
  return new Promise((resolve) => {
    execFile('aws', ['stepfunctions', '--endpoint-url', endpoint, '--region', 'us-east-1', '--output', 'json', ...args], { env, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number }).code ?? 1) : 0;
      resolve({ code: typeof code === 'number' ? code : 1, json: stdout.trim() ? JSON.parse(stdout) : undefined, stderr });
    });
  });
}

if (!available) {
  console.log('  SKIPPED: the AWS CLI (aws) is not on PATH; install it (Debian: apt-get install awscli) to run the AWS CLI suite');
  s.skip('create → start → wait for a token → send-task-success → describe → history → list → stop → delete', () => {});
  s.skip('errors come back as the AWS CLI prints them', () => {});
} else {
  s('create → start → wait for a token → send-task-success → describe → history → list → stop → delete', () =>
    withService(async (_sfn, server) => {
      const endpoint = server.endpoint;
      const created = await aws(endpoint, ['create-state-machine', '--name', 'cli', '--definition', CALLBACK_DEFINITION, '--role-arn', ROLE]);
      assert.is(created.code, 0, created.stderr);
      assert.is(created.json.stateMachineArn, `${PREFIX}:stateMachine:cli`);
      const listed = await aws(endpoint, ['list-state-machines']);
      assert.equal(listed.json.stateMachines.map((m: { name: string }) => m.name), ['cli']);
      const started = await aws(endpoint, ['start-execution', '--state-machine-arn', created.json.stateMachineArn, '--name', 'run-1', '--input', '{"order":{"id":1}}']);
      assert.is(started.json.executionArn, `${PREFIX}:execution:cli:run-1`);
      const token = await eventually(async () => {
        const history = await aws(endpoint, ['get-execution-history', '--execution-arn', started.json.executionArn]);
        const scheduled = history.json.events.find((e: { type: string }) => e.type === 'TaskScheduled');
        return scheduled && JSON.parse(scheduled.taskScheduledEventDetails.parameters).MessageBody.token;
      });
      const answered = await aws(endpoint, ['send-task-success', '--task-token', token, '--task-output', '{"approved":true}']);
      assert.is(answered.code, 0, answered.stderr);
      const described = await eventually(async () => {
        const d = await aws(endpoint, ['describe-execution', '--execution-arn', started.json.executionArn]);
        return d.json.status === 'RUNNING' ? undefined : d.json;
      });
      assert.equal([described.status, JSON.parse(described.output)], ['SUCCEEDED', { approved: true }]);
      const history = await aws(endpoint, ['get-execution-history', '--execution-arn', started.json.executionArn, '--reverse-order', '--max-items', '1']);
      assert.is(history.json.events[0].type, 'ExecutionSucceeded');

      const second = await aws(endpoint, ['start-execution', '--state-machine-arn', created.json.stateMachineArn, '--name', 'run-2', '--input', '{"order":{"id":2}}']);
      const stopped = await aws(endpoint, ['stop-execution', '--execution-arn', second.json.executionArn, '--error', 'Manual']);
      assert.is(stopped.code, 0, stopped.stderr);
      const executions = await aws(endpoint, ['list-executions', '--state-machine-arn', created.json.stateMachineArn]);
      assert.equal(executions.json.executions.map((e: { name: string; status: string }) => [e.name, e.status]), [['run-2', 'ABORTED'], ['run-1', 'SUCCEEDED']]);
      const updated = await aws(endpoint, ['update-state-machine', '--state-machine-arn', created.json.stateMachineArn, '--definition', PASS_DEFINITION]);
      assert.is(updated.code, 0, updated.stderr);
      const deleted = await aws(endpoint, ['delete-state-machine', '--state-machine-arn', created.json.stateMachineArn]);
      assert.is(deleted.code, 0, deleted.stderr);
      assert.equal((await aws(endpoint, ['list-state-machines'])).json.stateMachines, []);
    }),
  );

  s('errors come back as the AWS CLI prints them', () =>
    withService(async (_sfn, server) => {
      const missing = await aws(server.endpoint, ['describe-execution', '--execution-arn', `${PREFIX}:execution:m:nope`]);
      assert.is.not(missing.code, 0);
      assert.match(missing.stderr, `An error occurred (ExecutionDoesNotExist) when calling the DescribeExecution operation: Execution Does Not Exist: '${PREFIX}:execution:m:nope'`);
      const invalid = await aws(server.endpoint, ['create-state-machine', '--name', 'bad', '--definition', '{"StartAt":"A","States":{}}', '--role-arn', ROLE]);
      assert.match(invalid.stderr, 'An error occurred (InvalidDefinition) when calling the CreateStateMachine operation: Invalid State Machine Definition:');
    }),
  );
}

s.run();
