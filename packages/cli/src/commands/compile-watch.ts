import { existsSync, fstatSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CompileSession, type CompileDiagnostic, type CompileOptions, type CompileResult, type CompiledWorkflow } from '@typestep/compiler';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { FileWatcher } from '../file-watcher.js';
import { writeText } from '../standard-streams.js';
import { systemMessage } from '../system-message.js';
import { declarationsOf, fileNameProblem, OUTPUT_EXTENSIONS, workflowOutputs, type DeclarationWriter, type EmitFormat } from './compile-outputs.js';
import { directoriesToWatch, isDirectory, isSourceFile, sourcesUnder } from './compile-watch-directories.js';

/** What `typestep compile --watch` needs from its arguments. */
export interface WatchArgs {
  files: string[];
  out: string;
  options: CompileOptions;
  emit: readonly EmitFormat[];
  json: boolean;
}

/**
 * `typestep compile --watch`: compiles everything once, then recompiles on
 * every change of a workflow file or of a file one imports, writing only the
 * outputs whose text changed and printing one line per recompile on stderr
 * (diagnostics before it, as a full compile prints them; `--json`: one JSON
 * array of them per recompile on stdout). A compile error never ends it;
 * SIGINT, SIGTERM, or the end of stdin when stdin is a pipe do (exit 0).
 * Resolves with the exit code once stopped.
 *
 * @example
 * process.exitCode = await watchCompile({ files: ['src/*.ts'], out: 'build', options: { files: ['src/*.ts'] }, emit: [], json: false });
 */
export async function watchCompile(args: WatchArgs): Promise<number> {
  const out = resolve(args.out);
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    process.stderr.write(`typestep compile: cannot create the output directory ${args.out}: ${systemMessage(error)}\n`);
    return EXIT_USAGE;
  }
  const started = performance.now();
  let session: CompileSession;
  try {
    session = await CompileSession.open(args.options);
  } catch (error) {
    process.stderr.write(`typestep compile: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  const writer = new OutputWriter(out, args.emit);
  await report(args, writer, { ...session.result, recompiled: session.files, removedWorkflows: [] }, started);

  const watcher = new FileWatcher(
    // A new directory counts too: what was created in it before its watch began is found by walking it.
    (path) => !path.startsWith(out + sep) && path !== out && (isSourceFile(path) || isDirectory(path)),
    (paths) => queue.add(paths),
    (message) => process.stderr.write(`typestep compile: ${message}\n`),
  );
  const queue = new UpdateQueue(async (paths) => {
    const began = performance.now();
    try {
      const update = await session.update(paths.flatMap((path) => (isDirectory(path) ? sourcesUnder(path, out) : [path])));
      await report(args, writer, update, began);
    } catch (error) {
      // A fault of the compiler on one edit must not end the watch: the next edit may compile.
      process.stderr.write(`typestep compile: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    watcher.watch(directoriesToWatch(session.sourceFiles, args.files, out));
  });
  watcher.watch(directoriesToWatch(session.sourceFiles, args.files, out));
  process.stderr.write(`watching ${session.sourceFiles.length} file${session.sourceFiles.length === 1 ? '' : 's'} for changes (Ctrl-C to stop)\n`);

  await untilStopped();
  watcher.close();
  await queue.idle();
  process.stderr.write('stopped watching\n');
  return EXIT_OK;
}

/** Prints an update's diagnostics and its one line, writes its workflows' changed outputs and deletes those of workflows gone. */
async function report(
  args: WatchArgs,
  writer: OutputWriter,
  update: CompileResult & { recompiled: string[]; removedWorkflows: string[] },
  began: number,
): Promise<void> {
  if (update.recompiled.length === 0 && update.removedWorkflows.length === 0) return;
  const parts: string[] = [];
  const written = await writer.write(update.workflows);
  if (written.problem) parts.push(written.problem);
  else if (update.workflows.length > 0) parts.push(`compiled ${update.workflows.map((workflow) => workflow.name).join(', ')}`);
  if (args.json) process.stdout.write(`${JSON.stringify(update.diagnostics)}\n`);
  else for (const diagnostic of update.diagnostics) process.stderr.write(`${diagnostic.toString()}\n`);
  if (update.diagnostics.length > 0) parts.push(describeProblems(update.diagnostics));
  for (const name of update.removedWorkflows) parts.push(`removed ${name}${writer.remove(name)}`);
  if (parts.length === 0) parts.push('no workflow found');
  process.stderr.write(`${parts.join('; ')} in ${Math.round(performance.now() - began)} ms\n`);
}

/** `2 problems in order.workflow.ts (its outputs left as they were)`. */
function describeProblems(diagnostics: readonly CompileDiagnostic[]): string {
  const files = [...new Set(diagnostics.map((diagnostic) => relative(process.cwd(), diagnostic.span.file)))];
  const count = `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}`;
  return `${count} in ${files.join(', ')} (${files.length === 1 ? 'its' : 'their'} outputs left as they were)`;
}

/**
 * Writes workflows' outputs, only those whose text differs from the file on
 * disk (a tool watching the output directory sees only real changes), and
 * generates a `.d.ts` again only when its workflow's schema changed.
 */
class OutputWriter {
  private readonly declarations = new Map<string, { schema: string; text: string }>();
  private readonly declarationsFor: DeclarationWriter = async (workflow) => {
    const schema = JSON.stringify(workflow.schema);
    const known = this.declarations.get(workflow.name);
    if (known?.schema === schema) return known.text;
    const text = await declarationsOf(workflow);
    this.declarations.set(workflow.name, { schema, text });
    return text;
  };

  constructor(
    private readonly out: string,
    private readonly emit: readonly EmitFormat[],
  ) {}

  async write(workflows: readonly CompiledWorkflow[]): Promise<{ problem?: string }> {
    for (const workflow of workflows) {
      const problem = fileNameProblem(workflow.name);
      if (problem) return { problem: `the workflow name ${JSON.stringify(workflow.name)} cannot name its output files: ${problem}` };
    }
    for (const workflow of workflows) {
      let outputs: Array<[string, string]>;
      try {
        outputs = await workflowOutputs(workflow, this.out, this.emit, this.declarationsFor);
      } catch (error) {
        return { problem: (error as Error).message };
      }
      for (const [path, text] of outputs) {
        if (readIfExists(path) === text) continue;
        const problem = writeText(path, text);
        if (problem) return { problem: `cannot write ${path}: ${problem}` };
      }
    }
    return {};
  }

  /** Deletes the outputs of a workflow no file declares any more; says what it deleted. */
  remove(name: string): string {
    if (fileNameProblem(name)) return '';
    const deleted: string[] = [];
    for (const extension of OUTPUT_EXTENSIONS) {
      const path = resolve(this.out, `${name}${extension}`);
      if (!existsSync(path)) continue;
      try {
        rmSync(path);
        deleted.push(relative(process.cwd(), path));
      } catch (error) {
        return ` (cannot delete ${relative(process.cwd(), path)}: ${systemMessage(error)})`;
      }
    }
    this.declarations.delete(name);
    return deleted.length > 0 ? ` (deleted ${deleted.join(', ')})` : '';
  }
}

/** Runs one update at a time: changes that come in meanwhile are gathered into the next. */
class UpdateQueue {
  private readonly waiting = new Set<string>();
  private running: Promise<void> | undefined;

  constructor(private readonly run: (paths: string[]) => Promise<void>) {}

  add(paths: readonly string[]): void {
    for (const path of paths) this.waiting.add(path);
    this.running ??= this.drain();
  }

  /** Resolves when no update runs. */
  async idle(): Promise<void> {
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.waiting.size > 0) {
      const paths = [...this.waiting];
      this.waiting.clear();
      await this.run(paths);
    }
    this.running = undefined;
  }
}

/** Resolves on SIGINT or SIGTERM, or when stdin is a pipe and closes (how a parent process stops a child it started). */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stdinIsPipe = isPipe(0);
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (stdinIsPipe) {
        process.stdin.off('end', stop);
        process.stdin.destroy();
      }
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (stdinIsPipe) {
      // Read and drop what comes in: only the end of the stream means something.
      process.stdin.on('data', () => {});
      process.stdin.on('end', stop);
    }
  });
}

/** True when file descriptor `fd` is a pipe or a socket (not a terminal, a file or /dev/null). */
function isPipe(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

/** The text of `path`, or undefined when it cannot be read. */
function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
