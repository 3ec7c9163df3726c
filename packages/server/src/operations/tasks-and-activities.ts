import { AwsApiError, TaskServiceError } from '@typestep/runtime';
import { activityArn } from '../arns.js';
import { boundedString, checkName, epochSeconds, optionalArray, optionalString, payloadField, readPage, requiredString } from '../request-fields.js';
import { parsePayload, requireActivity, type Operation, type ServerContext } from '../server-context.js';
import type { TaskAnswerRow } from '../store/store.js';
import { tagsOf } from './versions-and-aliases.js';

/** The task service's errors, as AWS names them. */
function asApiError(error: unknown): unknown {
  if (error instanceof TaskServiceError) return new AwsApiError(error.name, error.message);
  return error;
}

/** Delivers one answer to the task service; throws what AWS would answer. */
function deliver(context: ServerContext, answer: TaskAnswerRow): void {
  const body = JSON.parse(answer.body) as unknown;
  try {
    if (answer.kind === 'success') context.tasks.sendTaskSuccess(answer.token, body);
    else {
      const { error, cause } = body as { error?: string; cause?: string };
      context.tasks.sendTaskFailure(answer.token, error, cause);
    }
  } catch (error) {
    throw asApiError(error);
  }
}

/**
 * Answers the task, then keeps the answer (committed) before SendTask*
 * replies: after a kill -9 the restarted server delivers it again to the
 * resumed execution, unless its history already shows the task's end.
 */
function answerTask(context: ServerContext, answer: TaskAnswerRow): object {
  deliver(context, answer);
  context.store.insertTaskAnswer(answer);
  context.store.deleteTaskHeartbeat(answer.token);
  return {};
}

/**
 * Delivers the answers acknowledged before a restart to the executions that
 * were resumed; an answer whose task has already ended (its event recorded)
 * is refused by the task service and dropped.
 */
export function redeliverTaskAnswers(context: ServerContext): void {
  for (const answer of context.store.taskAnswers()) {
    try {
      deliver(context, answer);
    } catch {
      // Already applied before the restart, or its task has since ended: nothing to do.
    }
    context.store.deleteTaskAnswer(answer.token);
  }
}

/** SendTask*, activities and GetActivityTask. */
export const taskOperations: Record<string, Operation> = {
  SendTaskSuccess: (body, context) => {
    const token = requiredString(body, 'taskToken');
    const output = payloadField(body, 'output');
    if (output === undefined) throw new AwsApiError('ValidationException', `1 validation error detected: Value null at 'output' failed to satisfy constraint: Member must not be null`);
    parsePayload(output, 'InvalidOutput', 'Output');
    return answerTask(context, { token, kind: 'success', body: output });
  },
  SendTaskFailure: (body, context) => {
    const token = requiredString(body, 'taskToken');
    const error = boundedString(body, 'error', 256);
    const cause = boundedString(body, 'cause', 32768);
    return answerTask(context, { token, kind: 'failure', body: JSON.stringify({ error, cause }) });
  },
  SendTaskHeartbeat: (body, context) => {
    const token = requiredString(body, 'taskToken');
    try {
      context.tasks.sendTaskHeartbeat(token);
    } catch (error) {
      throw asApiError(error);
    }
    // Kept so that after a restart the task's HeartbeatSeconds counts from this heartbeat.
    context.store.putTaskHeartbeat(token, Date.now());
    return {};
  },
  CreateActivity: (body, context) => {
    const name = requiredString(body, 'name');
    checkName(name);
    const arn = activityArn(context.identity, name);
    const existing = context.store.activity(arn);
    if (existing) return { activityArn: arn, creationDate: epochSeconds(existing.created_at) };
    const now = Date.now();
    const tags = tagsOf(optionalArray(body, 'tags'));
    context.store.transaction(() => {
      context.store.insertActivity({ arn, name, created_at: now });
      context.store.putTags(arn, tags);
    });
    return { activityArn: arn, creationDate: epochSeconds(now) };
  },
  DescribeActivity: (body, context) => {
    const row = requireActivity(context, requiredString(body, 'activityArn'));
    return { activityArn: row.arn, name: row.name, creationDate: epochSeconds(row.created_at) };
  },
  DeleteActivity: (body, context) => {
    const arn = requiredString(body, 'activityArn');
    requireActivity(context, arn);
    context.store.deleteActivity(arn);
    return {};
  },
  ListActivities: (body, context) => {
    const page = readPage(body, 'ListActivities', (limit, offset) => context.store.activities(limit, offset));
    const out: Record<string, unknown> = { activities: page.items.map((row) => ({ activityArn: row.arn, name: row.name, creationDate: epochSeconds(row.created_at) })) };
    if (page.nextToken) out.nextToken = page.nextToken;
    return out;
  },
  GetActivityTask: async (body, context, signal) => {
    const arn = requiredString(body, 'activityArn');
    requireActivity(context, arn);
    const workerName = optionalString(body, 'workerName');
    let task;
    try {
      task = await context.tasks.getActivityTask(arn, workerName, { signal });
    } catch (error) {
      throw asApiError(error);
    }
    // On the wire the input is JSON text, as AWS sends it; an expired long poll is `{}`.
    return task.taskToken === undefined ? {} : { taskToken: task.taskToken, input: JSON.stringify(task.input) };
  },
};
