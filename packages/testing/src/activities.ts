import { HandlerRegistry, type HandlerMap, type TaskService } from '@typestep/runtime';

/**
 * Answers the activity tasks of one run with the test's handlers, as a worker
 * polling `GetActivityTask` would: when an activity task is scheduled and a
 * handler answers its state name or activity ARN, the worker takes it, runs
 * the handler with the task's input, and sends its result (or its error's
 * name and message) back. Activities without a handler keep waiting, for the
 * test's own worker or their `TimeoutSeconds`.
 *
 * @example
 * answerActivities(taskService, { 'arn:aws:states:us-east-1:123456789012:activity:payments': () => ({ paymentId: 'p-1' }) });
 */
export function answerActivities(service: TaskService, handlers: HandlerMap): void {
  const registry = HandlerRegistry.from(handlers);
  service.onTaskWaiting((info) => {
    if (info.kind !== 'activity' || info.taskToken !== undefined) return;
    const handler = registry.find(info.stateName, info.resource);
    if (!handler) return;
    void (async () => {
      const task = await service.getActivityTask(info.resource, 'typestep-testing', { waitSeconds: 0 });
      if (!task.taskToken) return;
      const controller = new AbortController();
      try {
        const output = await handler(task.input, {
          stateName: info.stateName,
          resource: info.resource,
          context: { Task: { Token: task.taskToken } },
          signal: controller.signal,
          sleep: async () => {},
        });
        service.sendTaskSuccess(task.taskToken, output ?? null);
      } catch (thrown) {
        const error = thrown instanceof Error ? thrown : new Error(String(thrown));
        service.sendTaskFailure(task.taskToken, error.name, error.message);
      }
    })();
  });
}
