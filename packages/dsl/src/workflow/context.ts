import { currentFrame } from '../native/native-frame.js';

/**
 * What a workflow can read about its execution: the compiler lowers each
 * field to `$states.context` (`execution.id` → `Execution.Id`, …). Times are
 * ISO 8601 strings.
 *
 * @example
 * const { execution } = context();
 * await audit({ executionId: execution.id, startedAt: execution.startTime });
 */
export interface WorkflowContext {
  execution: { id: string; name: string; startTime: string };
  /**
   * The state being run. Natively `name` is `''` (state names are the
   * compiler's), `enteredTime` is the virtual time now and `retryCount` 0.
   */
  state: { name: string; enteredTime: string; retryCount: number };
  /** Inside a `map` iteration: its item. */
  map?: { item: { index: number; value: unknown } };
}

/**
 * The context object of the running execution (`$states.context`).
 * Natively: the execution's ARN, name and start time as the runtime reports
 * them for a machine named after the workflow; inside `map`, the item.
 *
 * @example
 * const ctx = context();
 * await notify({ TopicArn, Message: `run ${ctx.execution.name} started ${ctx.execution.startTime}` });
 */
export function context(): WorkflowContext {
  const frame = currentFrame('context()');
  const { execution } = frame;
  const result: WorkflowContext = {
    execution: { id: execution.executionArn, name: execution.executionName, startTime: new Date(execution.startTime).toISOString() },
    state: { name: '', enteredTime: new Date(execution.clock.now()).toISOString(), retryCount: 0 },
  };
  if (frame.mapItem) result.map = { item: { index: frame.mapItem.index, value: frame.mapItem.value } };
  return result;
}
