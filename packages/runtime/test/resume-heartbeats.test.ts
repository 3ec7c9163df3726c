import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, TaskService, type HistoryEvent } from '../src/index.js';

const s = suite('resume: heartbeats sent before the restart');

const DEFINITION = {
  StartAt: 'Approve',
  States: {
    Approve: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } },
      HeartbeatSeconds: 60,
      TimeoutSeconds: 3600,
      End: true,
    },
  },
};
const START = { startTime: '2025-01-01T00:00:00Z', seed: 3, name: 'approval-1' };
const T0 = Date.parse(START.startTime);

/** The record up to TaskSubmitted (the "crash" comes then) and the task's token. */
async function recordUntilWaiting(): Promise<{ record: HistoryEvent[]; token: string }> {
  const service = new TaskService({ secret: 'kept' });
  let token = '';
  service.onTaskWaiting((task) => void (token = task.taskToken!));
  const first = new StateMachine(DEFINITION, { taskService: service, handlers: { 'arn:aws:states:::sqs:sendMessage.waitForTaskToken': () => ({}) } }).start({}, START);
  const record: HistoryEvent[] = [];
  for await (const event of first.events()) {
    record.push(event);
    if (event.type === 'TaskSubmitted') break;
  }
  first.abort();
  await first.result;
  return { record, token };
}

async function timedOutAt(record: HistoryEvent[], heartbeats?: Record<string, number>): Promise<number> {
  const machine = new StateMachine(DEFINITION, { taskService: new TaskService({ secret: 'kept' }), handlers: { 'arn:aws:states:::sqs:sendMessage.waitForTaskToken': () => ({}) } });
  const resumed = machine.start({}, { ...START, resumeFrom: record, heartbeats });
  const result = await resumed.result;
  assert.is(result.status, 'FAILED');
  return resumed.history.find((event) => event.type === 'TaskTimedOut')!.timestamp.getTime();
}

s('the heartbeat deadline counts from the last heartbeat given, not from the last recorded event', async () => {
  const { record, token } = await recordUntilWaiting();
  assert.ok(token);
  const submittedAt = record[record.length - 1]!.timestamp.getTime();
  assert.is(await timedOutAt(record), submittedAt + 60_000);
  assert.is(await timedOutAt(record, { [token]: T0 + 50_000 }), T0 + 110_000);
  // A heartbeat of another task changes nothing.
  assert.is(await timedOutAt(record, { 'another-token': T0 + 50_000 }), submittedAt + 60_000);
});

s.run();
