import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  describeFailureOrigin,
  failureOrigin,
  MockConfigError,
  StateMachine,
  stringifyJson,
  type Execution,
  TaskService,
  type ExecutionResult,
  type LocalS3Options,
  type MachineSchema,
  type SourceLocation,
  type WaitingTaskInfo,
} from '@typestep/runtime';
import { childMachineKeys } from '../child-machines.js';
import { loadTaskSources } from '../task-sources.js';
import { companionFiles, readSchemaFile, readSourceMap } from '../compiled-companions.js';
import { failureFrameText, traceExecution, type TraceOutput } from '../trace.js';
import { reportExecution } from '../report-file.js';
import { openControlChannel, type ControlChannel } from '../control-channel.js';
import { formatProblems, isFileProblem, loadDefinitionFile } from '../definition-file.js';
import { describeError, systemMessage } from '../system-message.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { STANDARD_STREAM, parseJsonText, readJsonFile } from '../standard-streams.js';
import type { RunArgs } from './run.js';

/** What `typestep run` does once its arguments are parsed (see `runCommand`). */
export async function runExecution(args: RunArgs, setExit: (code: number) => void): Promise<void> {
  const usage = (message: string) => {
    process.stderr.write(`typestep run: ${message}\n`);
    setExit(EXIT_USAGE);
  };
  if (args.inputFile === STANDARD_STREAM && args.definition === STANDARD_STREAM) return usage('the definition and --input-file cannot both be read from stdin (-)');
  const { definition, problems } = loadDefinitionFile(args.definition, args.type);
  if (isFileProblem(problems)) return usage(problems[0]!.message);
  if (problems.length > 0) {
    process.stderr.write(`${formatProblems(args.definition, problems)}\n`);
    return setExit(EXIT_USAGE);
  }
  let input: unknown = {};
  if (args.inputFile !== undefined) {
    const read = readJsonFile(args.inputFile, 'input file');
    if ('problem' in read) return usage(read.problem);
    input = read.value;
  } else if (args.input !== undefined) {
    const parsed = parseJsonText(args.input, 'the --input');
    if ('problem' in parsed) return usage(parsed.problem);
    input = parsed.value;
  }
  if (args.taskTokens !== undefined) {
    try {
      appendFileSync(args.taskTokens, '');
    } catch (error) {
      return usage(`cannot append to the --task-tokens file ${args.taskTokens}: ${systemMessage(error)}`);
    }
  }
  if (args.report === STANDARD_STREAM) return usage('--report needs a file name: the page cannot share stdout with the result');
  if (args.report !== undefined) {
    try {
      appendFileSync(args.report, '');
    } catch (error) {
      return usage(`cannot write the report ${args.report}: ${systemMessage(error)}`);
    }
  }
  const sources = await loadTaskSources(args);
  if (typeof sources === 'string') return usage(sources);
  const { handlers, mockConfig } = sources;
  const companions = companionFiles(args.definition);
  const schema = readSchemas(args, companions.schema);
  if (typeof schema === 'string') return usage(schema);
  const sourceMapFile = args.sourceMap ?? companions.sourceMap;
  const sourceMap = sourceMapFile === undefined ? {} : readSourceMap(sourceMapFile);
  if (typeof sourceMap === 'string') return usage(sourceMap);
  announceCompanions(args, companions);
  const s3 = localS3Options(args);
  if (typeof s3 === 'string') return usage(s3);
  const tasks = new TaskService();
  const children: Record<string, StateMachine> = {};
  for (const entry of args.stateMachine ?? []) {
    const [name, file] = splitPair(entry);
    if (!name || !file) return usage(`--state-machine takes NAME=FILE, not '${entry}'`);
    const child = loadDefinitionFile(file, args.type);
    if (child.problems.length > 0) {
      process.stderr.write(`${formatProblems(file, child.problems)}\n`);
      return setExit(EXIT_USAGE);
    }
    const { name: childName, keys } = childMachineKeys(name);
    const machine = new StateMachine(child.definition as object, { handlers, type: args.type, name: childName, s3, taskService: tasks });
    for (const key of keys) children[key] = machine;
  }
  let machine: StateMachine;
  try {
    machine = new StateMachine(definition as object, {
      handlers,
      type: args.type,
      name: args.stateMachineName,
      s3,
      taskService: tasks,
      stateMachines: children,
      schema,
      validate: args.validate,
      mocks: mockConfig === undefined ? undefined : { config: mockConfig, testCase: args.testCase!, stateMachineName: args.stateMachineName },
    });
  } catch (error) {
    if (error instanceof MockConfigError) {
      process.stderr.write(`${formatProblems(args.mockConfig!, error.problems)}\n`);
      return setExit(EXIT_USAGE);
    }
    // The definition was validated above; what else the constructor checks is the schema.
    if (schema) return usage(`the schema cannot be used: ${(error as Error).message}`);
    throw error;
  }
  let channel: ControlChannel | undefined;
  const port = args.listen ?? (args.taskTokens !== undefined ? 0 : undefined);
  if (port !== undefined) {
    try {
      channel = await openControlChannel(tasks, port);
    } catch (error) {
      return usage(`cannot listen on port ${port}: ${(error as Error).message}`);
    }
    process.stderr.write(`typestep: control channel on ${channel.endpoint} (send-task-success --endpoint ${channel.endpoint} …)\n`);
    tasks.onTaskWaiting((task) => announceWaitingTask(task, channel!.endpoint, args.taskTokens));
  }
  reportStrayErrors();
  const execution = machine.start(input, { clock: args.clock, seed: args.seed });
  const tracing = args.trace ? traceExecution(execution, sourceMap, traceOutput()) : undefined;
  const result = await execution.result.finally(() => channel?.close());
  await tracing;
  const origin = result.status === 'SUCCEEDED' ? [] : describeOrigin(execution.history, sourceMap);
  const frame = args.trace && result.status !== 'SUCCEEDED' ? failureFrameText(execution.history, sourceMap) : undefined;
  if (frame) process.stderr.write(frame);
  if (args.json) {
    process.stdout.write(`${stringifyJson(toJson(result))}\n`);
    if (origin.length > 0) process.stderr.write(`typestep: the failure began ${origin.join(' ')}\n`);
  } else {
    if (args.history) {
      for (const event of execution.history) process.stdout.write(`${stringifyJson(event)}\n`);
    }
    process.stdout.write(formatResult(result));
    for (const line of origin) process.stdout.write(`${line}\n`);
    const events = execution.history;
    const elapsed = (events.at(-1)!.timestamp.getTime() - events[0]!.timestamp.getTime()) / 1000;
    process.stdout.write(`(${events.length} history events, ${elapsed} s of workflow time on the ${args.clock} clock)\n`);
  }
  const report = await reportExecution(args, args.definition, definition as object, execution.history, sourceMap);
  if (report.problem && !report.written) return usage(report.problem);
  // The run itself went as its exit code says: a browser that did not start is only reported.
  if (report.problem) process.stderr.write(`typestep run: ${report.problem}\n`);
  setExit(result.status === 'SUCCEEDED' ? EXIT_OK : EXIT_FAILED);
}

/**
 * Handler modules are user code: a promise they leave rejected, or an error
 * thrown from their timers, is reported on one line of stderr and changes
 * neither the execution nor the exit code (Node would print a stack and exit 1,
 * even after SUCCEEDED was printed).
 */
function reportStrayErrors(): void {
  const report = (what: string) => (error: unknown) => {
    process.stderr.write(`typestep: warning: ${what} in handler code, ignored: ${describeError(error)}\n`);
  };
  process.on('unhandledRejection', report('a promise was rejected and nothing handled it'));
  process.on('uncaughtException', report('an error was thrown outside any handler call'));
}

/**
 * `--schema`, or `--input-schema`/`--output-schema`, or else the compiled
 * schema found beside the definition (not after `--no-schema`), read into one
 * MachineSchema; or a usage message.
 */
function readSchemas(args: RunArgs, companion: string | undefined): MachineSchema | undefined | string {
  if (args.schema === false) return undefined;
  if (args.schema !== undefined) return readSchemaFile(args.schema);
  const schema: MachineSchema = {};
  for (const [part, file] of [['input', args.inputSchema], ['output', args.outputSchema]] as const) {
    if (file === undefined) continue;
    const value = readSchemaFile(file);
    if (typeof value === 'string') return value;
    schema[part] = value;
  }
  if (schema.input || schema.output) return schema;
  return companion === undefined ? undefined : readSchemaFile(companion);
}

/** One line of stderr naming the compiled files found beside the definition that this run uses. */
function announceCompanions(args: RunArgs, companions: { schema?: string; sourceMap?: string }): void {
  const usesSchema = companions.schema !== undefined && args.schema === undefined && args.inputSchema === undefined && args.outputSchema === undefined;
  const usesSourceMap = companions.sourceMap !== undefined && args.sourceMap === undefined;
  const found = [usesSchema && `the schema ${companions.schema}`, usesSourceMap && `the source map ${companions.sourceMap}`].filter(Boolean);
  if (found.length === 0) return;
  process.stderr.write(`typestep: using ${found.join(' and ')} found beside the definition${usesSchema ? ' (--no-schema: check nothing)' : ''}\n`);
}

/** The trace's output: stderr, coloured on a terminal unless NO_COLOR is set. */
function traceOutput(): TraceOutput {
  const tty = process.stderr.isTTY === true;
  return { write: (text) => process.stderr.write(text), tty, color: tty && !process.env.NO_COLOR };
}


/** Where a failed execution's failure began, as lines (empty when it began in no state). */
function describeOrigin(history: Execution['history'], sourceMap: Record<string, SourceLocation>): string[] {
  const origin = failureOrigin(history);
  return origin ? describeFailureOrigin(origin, sourceMap) : [];
}

/** `--s3-root` and `--s3-bucket` as the runtime's LocalS3Options, or a usage message. */
function localS3Options(args: RunArgs): LocalS3Options | undefined | string {
  if (args.s3Root === undefined && !args.s3Bucket?.length) return undefined;
  const buckets: Record<string, string> = {};
  for (const entry of args.s3Bucket ?? []) {
    const [bucket, dir] = splitPair(entry);
    if (!bucket || !dir) return `--s3-bucket takes BUCKET=DIR, not '${entry}'`;
    buckets[bucket] = resolve(dir);
  }
  return { root: args.s3Root === undefined ? undefined : resolve(args.s3Root), buckets };
}

/** `NAME=VALUE` split at the first `=` (ARNs and placeholders hold none). */
function splitPair(entry: string): [string, string] {
  const at = entry.indexOf('=');
  return at < 0 ? ['', ''] : [entry.slice(0, at), entry.slice(at + 1)];
}

/** A line on stderr, and one JSON line in the `--task-tokens` file, per task that starts waiting. */
function announceWaitingTask(task: WaitingTaskInfo, endpoint: string, file: string | undefined): void {
  const what = task.kind === 'callback' ? `waits for a callback; token ${task.taskToken}` : `waits for a worker on ${task.resource}`;
  process.stderr.write(`typestep: ${task.stateName} ${what}\n`);
  if (file === undefined) return;
  const line = { endpoint, kind: task.kind, stateName: task.stateName, taskToken: task.taskToken, resource: task.resource, executionArn: task.executionArn, input: task.input };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

function toJson(result: ExecutionResult): Record<string, unknown> {
  if (result.status === 'SUCCEEDED') return { status: result.status, output: result.output };
  return { status: result.status, error: result.error ?? null, cause: result.cause ?? null };
}

function formatResult(result: ExecutionResult): string {
  if (result.status === 'SUCCEEDED') return `SUCCEEDED\n${stringifyJson(result.output, 2)}\n`;
  return `${result.status}${result.error ? `\nerror: ${result.error}` : ''}${result.cause ? `\ncause: ${result.cause}` : ''}\n`;
}
