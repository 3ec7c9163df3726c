import { AsyncLocalStorage } from 'node:async_hooks';
import type { HandlerRegistry, LocalS3, TaskService } from '@typestep/runtime';
import type { NativeClock } from './clock.js';

/** One native execution: what its body, its task calls and its nested workflows share. */
export interface NativeExecution {
  readonly handlers: HandlerRegistry;
  readonly clock: NativeClock;
  readonly taskService: TaskService;
  readonly executionArn: string;
  readonly executionName: string;
  readonly startTime: number;
  readonly input: unknown;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
  /** The local S3 stand-in that `map(s3Items(…))` reads; nested executions share it. */
  readonly s3?: LocalS3;
}

/** Where a piece of workflow code runs: its execution and, inside `map`, its item. */
export interface NativeFrame {
  readonly execution: NativeExecution;
  readonly mapItem?: { readonly index: number; readonly value: unknown };
  /** Aborted when the enclosing `map` failed: its other iterations stop at their next task call. */
  readonly signal?: AbortSignal;
}

const frames = new AsyncLocalStorage<NativeFrame>();

/** Runs `body` with `frame` as the current frame of everything it awaits. */
export function runInFrame<T>(frame: NativeFrame, body: () => T): T {
  return frames.run(frame, body);
}

/** The current frame; outside `workflow.run` a clear error, since there is no run to belong to. */
export function currentFrame(what: string): NativeFrame {
  const frame = frames.getStore();
  if (!frame) {
    throw new Error(
      `${what} was called outside a workflow run. Call it inside a workflow body, and run the workflow natively with workflow.run(input, { handlers }) or compile it to ASL.`,
    );
  }
  if (frame.signal?.aborted) throw new Error(`${what}: this map iteration was cancelled because another iteration failed`);
  return frame;
}

/** The account identity native runs report, the runtime's defaults. */
export const NATIVE_IDENTITY = { partition: 'aws', region: 'us-east-1', account: '123456789012' } as const;
