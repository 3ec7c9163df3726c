import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CreateActivityCommand,
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineAliasCommand,
  GetExecutionHistoryCommand,
  ListActivitiesCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  ListStateMachineVersionsCommand,
  ListTagsForResourceCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CALLBACK_DEFINITION, eventually, finished, PASS_DEFINITION, ROLE, scratchDir, sdkClient, tokenOf, withService } from './support/local-service.js';

const s = suite('typestep serve: persistence under --data, restarts and kill -9');

const CLI = fileURLToPath(new URL('../../cli/bin/typestep.js', import.meta.url));

s('state machines, versions, aliases, activities, tags and executions with their histories survive a restart', async () => {
  const dataDir = scratchDir('typestep-serve-restart-');
  try {
    const { executionArn, stateMachineArn } = await withService(
      async (sfn) => {
        const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'kept', definition: PASS_DEFINITION, roleArn: ROLE, publish: true, tags: [{ key: 'k', value: 'v' }] }));
        await sfn.send(new CreateStateMachineAliasCommand({ name: 'live', routingConfiguration: [{ stateMachineVersionArn: `${stateMachineArn}:1`, weight: 100 }] }));
        await sfn.send(new CreateActivityCommand({ name: 'work' }));
        const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'done', input: '{"a":1}' }));
        await eventually(async () => ((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status === 'SUCCEEDED' ? true : undefined));
        return { executionArn: executionArn!, stateMachineArn: stateMachineArn! };
      },
      { dataDir },
    );
    await withService(
      async (sfn) => {
        const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        assert.equal([described.status, described.output], ['SUCCEEDED', '{"a":1,"result":{"ok":true}}']);
        const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
        assert.equal(events!.map((e) => e.type), ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
        assert.equal((await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn }))).stateMachineVersions!.length, 1);
        assert.is((await sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: `${stateMachineArn}:live` }))).name, 'live');
        assert.equal((await sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }))).tags, [{ key: 'k', value: 'v' }]);
        assert.equal((await sfn.send(new ListActivitiesCommand({}))).activities!.map((a) => a.name), ['work']);
      },
      { dataDir },
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** `typestep serve --data dir` as a child process; resolves with its endpoint once it listens. */
function startServe(dataDir: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`typestep serve did not start within 120 s: ${out}${err}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, endpoint: match[1]! });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`typestep serve exited (${code}) before listening: ${out}${err}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) {
    results.push(...(await Promise.all(items.slice(start, start + width).map((item, offset) => work(item, start + offset)))));
  }
  return results;
}

s('typestep serve closes cleanly on SIGTERM (exit 0); a restart on the same --data has what it kept', async () => {
  const dataDir = scratchDir('typestep-serve-sigterm-');
  const children: ChildProcess[] = [];
  try {
    const first = await startServe(dataDir);
    children.push(first.child);
    const sfn = sdkClient(first.endpoint);
    await sfn.send(new CreateStateMachineCommand({ name: 'kept', definition: PASS_DEFINITION, roleArn: ROLE }));
    sfn.destroy();
    const exited = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)));
    first.child.kill('SIGTERM');
    assert.is(await exited, 0);
    const second = await startServe(dataDir);
    children.push(second.child);
    const again = sdkClient(second.endpoint);
    assert.equal((await again.send(new ListStateMachinesCommand({}))).stateMachines!.map((m) => m.name), ['kept']);
    again.destroy();
  } finally {
    for (const child of children) await killHard(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

const COUNT = 200;
const EXPECTED_TYPES = [
  'ExecutionStarted',
  'PassStateEntered',
  'PassStateExited',
  'TaskStateEntered',
  'TaskScheduled',
  'TaskStarted',
  'TaskSubmitted',
  'TaskSucceeded',
  'TaskStateExited',
  'ExecutionSucceeded',
];

// Needs the runtime's StartOptions.resumeFrom (continuing an execution from its recorded events).
s(`kill -9 loses nothing acknowledged: ${COUNT} executions waiting on task tokens resume and finish`, async () => {
  const dataDir = scratchDir('typestep-serve-kill-');
  const children: ChildProcess[] = [];
  try {
    const first = await startServe(dataDir);
    children.push(first.child);
    let sfn = sdkClient(first.endpoint);
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'approvals', definition: CALLBACK_DEFINITION, roleArn: ROLE }));
    const indexes = Array.from({ length: COUNT }, (_, i) => i);
    const arns = await inBatches(indexes, 50, async (i) => (await sfn.send(new StartExecutionCommand({ stateMachineArn, name: `order-${i}`, input: JSON.stringify({ order: { id: i } }) }))).executionArn!);
    const tokens = await inBatches(arns, 50, (arn) => tokenOf(sfn, arn, 120));
    // Half the tokens are answered and acknowledged; then the server dies without a chance to write anything more.
    const half = COUNT / 2;
    await inBatches(tokens.slice(0, half), 50, (taskToken, i) => sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approved: i }) })));
    await killHard(first.child);
    sfn.destroy();

    const second = await startServe(dataDir);
    children.push(second.child);
    sfn = sdkClient(second.endpoint);
    await inBatches(tokens.slice(half), 50, (taskToken, i) => sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approved: half + i }) })));
    await inBatches(arns, 25, async (executionArn, i) => {
      const described = await finished(sfn, executionArn, 120);
      assert.is(described.status, 'SUCCEEDED', `${executionArn}: ${described.status} ${described.error ?? ''} ${described.cause ?? ''}`);
      assert.equal(JSON.parse(described.output!), { approved: i });
      const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
      assert.equal(events!.map((e) => e.type), EXPECTED_TYPES, executionArn);
      assert.equal(events!.map((e) => e.id), EXPECTED_TYPES.map((_, n) => n + 1));
      assert.is(JSON.parse(events![0]!.executionStartedEventDetails!.input!).order.id, i);
    });
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED', maxResults: 1000 }));
    assert.is(listed.executions!.length, COUNT);
    sfn.destroy();
  } finally {
    for (const child of children) await killHard(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

s.run();
