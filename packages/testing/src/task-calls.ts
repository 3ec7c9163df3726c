import type { HandlerMap, TaskContext } from '@typestep/runtime';
import type { TaskMock } from './mocks.js';

/** One call of a task's mock, as `TestRun.calls(key)` lists it. */
export interface TaskCall {
  /** The task's key (its name in the module), or the state name / ARN the handler was given under. */
  task: string;
  /** The Task state's name (natively: the task's `name` option, else ''). */
  state: string;
  /** The request the task received. */
  input: unknown;
  /** 1 for the first attempt of a visit, 2 for its first retry… */
  attempt: number;
  /** The virtual time the state was entered, ISO 8601. */
  enteredTime: string;
  /** The Map iteration's index, inside a Map. */
  mapIndex?: number;
  /** What the mock returned… */
  output?: unknown;
  /** …or what it threw, with its JavaScript stack. */
  error?: { name: string; message: string; stack?: string };
}

/**
 * Wraps every handler so that its calls are recorded in `calls`, in call
 * order. The handler itself runs unchanged.
 */
export function recordingHandlers(handlers: Record<string, TaskMock | undefined>, calls: TaskCall[]): HandlerMap {
  const recording: HandlerMap = {};
  for (const [task, handler] of Object.entries(handlers)) {
    if (!handler) continue;
    recording[task] = async (input: unknown, context: TaskContext) => {
      const state = (context.context.State ?? {}) as { RetryCount?: number; EnteredTime?: string };
      const item = (context.context.Map as { Item?: { Index?: number } } | undefined)?.Item;
      const call: TaskCall = {
        task,
        state: context.stateName,
        input: structuredClone(input),
        attempt: (state.RetryCount ?? 0) + 1,
        enteredTime: state.EnteredTime ?? '',
        ...(item?.Index !== undefined ? { mapIndex: item.Index } : {}),
      };
      calls.push(call);
      try {
        const output = await handler(input, context);
        call.output = output;
        return output;
      } catch (thrown) {
        const error = thrown instanceof Error ? thrown : new Error(String(thrown));
        // The frames below this wrapper are the runtime's; the mock's own frames are what the test wants.
        const stack = error.stack?.split('\n');
        const wrapper = stack?.findIndex((line) => /task-calls\.[jt]s:/.test(line)) ?? -1;
        call.error = { name: error.name, message: error.message, stack: wrapper > 0 ? stack!.slice(0, wrapper).join('\n') : error.stack };
        throw thrown;
      }
    };
  }
  return recording;
}
