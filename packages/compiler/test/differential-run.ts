// One workflow run two ways with the same handlers: natively (`wf.run`) and as compiled ASL in the
// runtime. Shared by the fixture test and the corpus measurement, so both compare the same way.
import { WorkflowError } from '@typestep/dsl';
import { comparableOutcome } from '@typestep/testing';
import { StateMachine, type HandlerMap, type LocalS3Options } from '@typestep/runtime';
import type { CompiledWorkflow } from '../src/index.js';

/** What a `Workflow` value looks like to a test that imported it. */
export interface NativeWorkflow {
  workflowName: string;
  run(input: unknown, options: { handlers: unknown; s3?: LocalS3Options }): Promise<unknown>;
}

/** How a run ended: an output, or an error name and cause. */
export type Outcome = { status: 'SUCCEEDED'; output: unknown } | { status: 'FAILED'; error: string; cause: string | undefined };

/** A case of either kind: an input and a factory of fresh handlers. */
export interface RunCase {
  input: unknown;
  handlers: () => HandlerMap;
  s3?: LocalS3Options;
}

export function isWorkflow(value: unknown): value is NativeWorkflow {
  return typeof value === 'function' && typeof (value as { workflowName?: unknown }).workflowName === 'string';
}

/** A module's workflow under test: its `main` export, or else its first exported workflow. */
export function mainWorkflow(module: Record<string, unknown>): NativeWorkflow | undefined {
  const main = module.main ?? Object.values(module).find(isWorkflow);
  return isWorkflow(main) ? main : undefined;
}

export async function runNatively(workflow: NativeWorkflow, testCase: RunCase): Promise<Outcome> {
  try {
    const output = await workflow.run(testCase.input, { handlers: testCase.handlers(), s3: testCase.s3 });
    return { status: 'SUCCEEDED', output: output === undefined ? null : output };
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error;
    return { status: 'FAILED', error: error.name, cause: error.cause };
  }
}

export async function runCompiled(workflow: CompiledWorkflow, all: CompiledWorkflow[], testCase: RunCase): Promise<Outcome> {
  // One set of handlers per run, shared with nested executions (as natively).
  const handlers = testCase.handlers();
  const children = Object.fromEntries(
    all.filter((other) => other !== workflow).map((other) => [`\${${other.name}StateMachineArn}`, new StateMachine(other.definition as never, { name: other.name, handlers })]),
  );
  const machine = new StateMachine(workflow.definition as never, { stateMachines: children, handlers, s3: testCase.s3 });
  const result = await machine.run(testCase.input);
  if (result.status === 'SUCCEEDED') return { status: 'SUCCEEDED', output: result.output ?? null };
  return { status: 'FAILED', error: String(result.error), cause: result.cause };
}

/** Drops what differs by design between two runs (see `comparableOutcome` in @typestep/testing, which compares the same way). */
export function normalize(outcome: Outcome): Outcome {
  return comparableOutcome(outcome);
}
