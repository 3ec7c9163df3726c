import type { NativeFrame } from './native-frame.js';

/** Per-attempt facts: the state's name (the task's `name` option, or `''`), when it was entered, its retries, its token. */
export interface AttemptFacts {
  readonly stateName: string;
  readonly enteredTime: number;
  readonly retryCount: number;
  readonly taskToken?: string;
}

/**
 * The context object (`$$`, `$states.context`) a handler receives, shaped as
 * the runtime builds it for a Task state.
 */
export function contextObject(frame: NativeFrame, facts: AttemptFacts): Record<string, unknown> {
  const { execution } = frame;
  const context: Record<string, unknown> = {
    Execution: {
      Id: execution.executionArn,
      Input: execution.input,
      StartTime: new Date(execution.startTime).toISOString(),
      Name: execution.executionName,
      RoleArn: execution.roleArn,
      RedriveCount: 0,
    },
    State: { EnteredTime: new Date(facts.enteredTime).toISOString(), Name: facts.stateName, RetryCount: facts.retryCount },
    StateMachine: { Id: execution.stateMachineArn, Name: execution.stateMachineName },
  };
  if (facts.taskToken !== undefined) context.Task = { Token: facts.taskToken };
  if (frame.mapItem) context.Map = { Item: { Index: frame.mapItem.index, Value: frame.mapItem.value } };
  return context;
}
