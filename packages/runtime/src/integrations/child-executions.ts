import { StatesError } from '../errors.js';
import { recordEvent } from '../execution/thread.js';
import type { ChildExecution, StateMachine } from '../state-machine.js';
import { waitForTaskToken } from './callbacks.js';
import { toStatesError } from '../execution/error-handling.js';
import type { TaskCall } from './task-call.js';
import { awaitOutside } from '../execution/turns.js';
import { recordedNext, recordedOutcome, recordedPayload } from './recorded-outcome.js';

/**
 * `arn:aws:states:::states:startExecution` and its `.sync` / `.sync:2` forms:
 * runs a registered local state machine as a child execution.
 * - request-response: starts the child and returns `{ ExecutionArn, StartDate }`;
 * - `.sync`: waits and returns DescribeExecution's answer, Input/Output as JSON text;
 * - `.sync:2`: the same with Input/Output as JSON.
 * A child that does not succeed fails the Task with States.TaskFailed and
 * the DescribeExecution answer (Status, Error, Cause) as JSON cause.
 */
export function startChildExecution(
  call: TaskCall,
  succeed: (value: unknown) => unknown,
  fail: (error: unknown) => never,
): unknown | Promise<unknown> {
  const { thread, resource } = call;
  const { run } = thread;
  const request = (call.parameters ?? {}) as { StateMachineArn?: unknown; Input?: unknown; Name?: unknown };
  const arn = typeof request.StateMachineArn === 'string' ? request.StateMachineArn : '';
  // A host with its own executions (typestep serve) starts children itself; otherwise a registered local machine runs them.
  const machine = run.startChildExecution ? undefined : run.findStateMachine(arn);
  if (!run.startChildExecution && !machine) return fail(missingMachine(arn));
  let input: unknown = request.Input ?? {};
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      return fail(new StatesError('StepFunctions.InvalidExecutionInputException', `Invalid execution input: ${input}`));
    }
  }
  recordEvent(thread, 'TaskStarted', { resourceType: resource.resourceType, resource: resource.resourceName });
  const name = typeof request.Name === 'string' ? request.Name : undefined;
  if (resource.pattern === 'waitForTaskToken') {
    // The task waits for its token (which the child is given in its input), not for the child's end.
    const submitted = recordedNext(thread);
    // Resumed after the child was started: it is not started again.
    if (submitted?.type === 'TaskSubmitted') return waitForTaskToken(call, recordedPayload(submitted, 'output'));
    const startTime = run.clock.now(thread.now);
    const child = launchChild(call, machine, arn, input, name, startTime);
    if (child instanceof StatesError) return fail(child);
    child.result.catch(() => undefined);
    return waitForTaskToken(call, { ExecutionArn: child.executionArn, StartDate: startTime });
  }
  // Resuming: a child the record saw start is not started twice; one the record saw end is not waited for.
  const replayed = replayChild(call, succeed, fail);
  if (replayed.settled) return replayed.value;
  const startTime = run.clock.now(thread.now);
  const child = launchChild(call, machine, arn, input, name ?? replayed.childName, startTime);
  if (child instanceof StatesError) return fail(child);
  const started = { ExecutionArn: child.executionArn, StartDate: startTime };
  if (resource.pattern === 'request-response') {
    // Fire and forget, as on AWS: the parent goes on while the child runs.
    child.result.catch(() => undefined);
    return succeed(started);
  }
  if (!replayed.submitted) {
    recordEvent(thread, 'TaskSubmitted', {
      resourceType: resource.resourceType,
      resource: resource.resourceName,
      output: started,
      outputDetails: { truncated: false },
    });
  }
  return awaitOutside(thread, child.result).then((result) => {
    const history = child.history;
    const stopDate = history.length > 0 ? history[history.length - 1]!.timestamp.getTime() : startTime;
    if (run.clock.kind === 'virtual') thread.now = Math.max(thread.now, stopDate);
    const parsed = resource.pattern === 'sync:2';
    const description: Record<string, unknown> = {
      ExecutionArn: child.executionArn,
      Input: parsed ? input : JSON.stringify(input),
      InputDetails: { Included: true },
      Name: child.executionArn.split(':').pop(),
      RedriveCount: 0,
      RedriveStatus: 'NOT_REDRIVABLE',
      StartDate: startTime,
      StateMachineArn: child.stateMachineArn,
      Status: result.status,
      StopDate: stopDate,
    };
    if (result.status === 'SUCCEEDED') {
      description.Output = parsed ? result.output : JSON.stringify(result.output);
      description.OutputDetails = { Included: true };
      return succeed(description);
    }
    if (result.error !== undefined) description.Error = result.error;
    if (result.cause !== undefined) description.Cause = result.cause;
    return fail(new StatesError('States.TaskFailed', JSON.stringify(description)));
  });
}


/**
 * Starts the child: through the host's `startChildExecution` when it has
 * one, else as an execution of the registered local `machine`. An error is
 * returned (not thrown) for the task to fail with.
 */
function launchChild(
  call: TaskCall,
  machine: StateMachine<any, any, any> | undefined,
  stateMachineArn: string,
  input: unknown,
  name: string | undefined,
  startTime: number,
): ChildExecution | StatesError {
  const { thread } = call;
  const { run } = thread;
  if (machine) {
    const execution = machine.start(input, { name, clock: run.clock.kind, startTime });
    return {
      executionArn: execution.executionArn,
      stateMachineArn: machine.stateMachineArn,
      result: execution.result,
      get history() {
        return execution.history;
      },
    };
  }
  const parentExecutionArn = (thread.executionContext?.Id as string | undefined) ?? run.identity.executionArn;
  try {
    return run.startChildExecution!({ stateMachineArn, input, name, parentExecutionArn, startTime }) ?? missingMachine(stateMachineArn, false);
  } catch (thrown) {
    return toStatesError(thrown);
  }
}

/** AWS's error for a child machine that is not there; `local`: the hint says how to register one. */
function missingMachine(arn: string, local = true): StatesError {
  const hint = local ? ` Register it with the parent's 'stateMachines' option.` : '';
  return new StatesError('StepFunctions.StateMachineDoesNotExistException', `State Machine Does Not Exist: '${arn}'.${hint}`);
}

/**
 * What the record of a resumed execution says about a child execution: its
 * recorded answer (the child is then neither started nor waited for), or,
 * for a `.sync` child that was started but had not ended, the name it had:
 * the child is started again under that name (from its start: the child's
 * own progress is not resumed).
 */
function replayChild(
  call: TaskCall,
  succeed: (value: unknown) => unknown,
  fail: (error: unknown) => never,
): { settled: true; value: unknown } | { settled: false; childName?: string; submitted?: boolean } {
  const { thread, resource } = call;
  let next = recordedNext(thread);
  if (!next) return { settled: false };
  if (next.type === 'TaskSubmitted') {
    const started = recordedPayload(next, 'output') as { ExecutionArn?: unknown };
    const childName = typeof started.ExecutionArn === 'string' ? started.ExecutionArn.split(':').pop() : undefined;
    recordEvent(thread, 'TaskSubmitted', {
      resourceType: resource.resourceType,
      resource: resource.resourceName,
      output: started,
      outputDetails: { truncated: false },
    });
    next = recordedNext(thread);
    const answer = next && recordedOutcome(thread, next);
    if (!answer) return { settled: false, childName, submitted: true };
    const { outcome } = answer;
    const value = awaitOutside(thread, Promise.resolve()).then(() => {
      thread.now = answer.time;
      return outcome.kind === 'succeeded' ? succeed(outcome.output) : fail(outcome.error);
    });
    return { settled: true, value };
  }
  const answer = recordedOutcome(thread, next);
  if (!answer) return { settled: false };
  thread.now = answer.time;
  return { settled: true, value: answer.outcome.kind === 'succeeded' ? succeed(answer.outcome.output) : fail(answer.outcome.error) };
}
