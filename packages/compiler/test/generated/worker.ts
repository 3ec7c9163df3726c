// A worker process of scripts/generated-workflows.mjs. It keeps one ProgramChecker (one ts-morph project) for its
// whole life and checks the programs it is sent over IPC one at a time, answering each with a ProgramOutcome.
import { ProgramChecker, type GeneratedProgram } from './differential.js';
import type { ProgramOptions } from './program-source.js';

/** A program to check: the generator's seed and options. */
export interface ProgramRequest {
  seed: number;
  options: ProgramOptions;
}

/**
 * What became of a program: `agree`, `compile` (a diagnostic, or the compiler threw), `mismatch` (the runs differ)
 * or `error` (anything else: an invalid definition, a native run that threw something other than a WorkflowError).
 */
export interface ProgramOutcome {
  name: string;
  result: 'agree' | 'compile' | 'mismatch' | 'error';
  /** For a failure: what went wrong, with the program's source. */
  report?: string;
  milliseconds: number;
  heapBytes: number;
}

const checker = new ProgramChecker();

async function checkRequest({ seed, options }: ProgramRequest): Promise<ProgramOutcome> {
  const program = checker.program(seed, options);
  const started = performance.now();
  const outcome = (result: ProgramOutcome['result'], report?: string): ProgramOutcome => ({
    name: program.name,
    result,
    ...(report === undefined ? {} : { report }),
    milliseconds: Math.round(performance.now() - started),
    heapBytes: process.memoryUsage().heapUsed,
  });
  let definition: Record<string, unknown>;
  try {
    definition = await checker.compile(program);
  } catch (error) {
    return outcome('compile', describe(error, program));
  }
  try {
    await checker.compare(program, definition);
    return outcome('agree');
  } catch (error) {
    return outcome(isAssertion(error) ? 'mismatch' : 'error', describe(error, program));
  }
}

function isAssertion(error: unknown): error is Error & { details?: unknown } {
  return error instanceof Error && error.name === 'Assertion';
}

/** An uvu assertion's message (which carries the source) and diff, or any other error's stack and the source. */
function describe(error: unknown, program: GeneratedProgram): string {
  if (isAssertion(error)) return `${error.message}${typeof error.details === 'string' ? `\n${error.details}` : ''}`;
  return `${error instanceof Error ? (error.stack ?? String(error)) : String(error)}\nseed ${program.name}:\n${program.source}`;
}

process.on('message', (request: ProgramRequest) => {
  void checkRequest(request).then((outcome) => process.send!(outcome));
});
process.send!({ ready: true });
