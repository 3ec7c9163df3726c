import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import type { CompiledWorkflow } from '@typestep/compiler';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { fileNameProblem, workflowOutputs, type EmitFormat } from './compile-outputs.js';
import { STANDARD_STREAM, fileProblem, writeText } from '../standard-streams.js';
import { systemMessage } from '../system-message.js';

interface CompileArgs {
  files: string[];
  out: string;
  tsconfig?: string;
  json?: boolean;
  strictSchema?: boolean;
  emit?: Array<'cloudformation' | 'sam'>;
  watch?: boolean;
}

/**
 * `typestep compile <files or globs…> --out <dir>`: compiles the workflows
 * of TypeScript files to ASL. Writes per workflow `<Name>.asl.json`,
 * `<Name>.map.json` (state name → source span), `<Name>.schema.json` (JSON
 * Schemas of input, output and task requests/responses) and `<Name>.d.ts`
 * (types generated from that schema), `<Name>.placeholders.json` (every
 * `${Name}` to substitute, what it must be, where it is used) and, with
 * `--emit cloudformation` / `--emit sam`, `<Name>.cfn.json` / `<Name>.sam.json`; `--out -` prints the one workflow's
 * ASL to stdout instead. Prints every diagnostic with its code frame to
 * stderr (`--json`: as a JSON array on stdout) and exits 2 when there is any,
 * as for any other usage error. `--watch` compiles once, then again on
 * every change (see compile-watch.ts) until stopped.
 */
export function compileCommand(setExit: (code: number) => void): CommandModule<object, CompileArgs> {
  return {
    command: 'compile <files..>',
    describe: 'Compile TypeScript workflows (@typestep/dsl) to ASL definitions (JSONata + variables)',
    builder: (y) =>
      y
        .positional('files', { type: 'string', array: true, demandOption: true, describe: 'TypeScript files or globs' })
        .option('out', { type: 'string', demandOption: true, describe: "Directory for <Name>.asl.json, .map.json, .schema.json and .d.ts ('-': print the ASL only)" })
        .option('tsconfig', { type: 'string', describe: 'tsconfig.json whose compiler options to use' })
        .option('strict-schema', { type: 'boolean', describe: 'Schemas reject properties the types do not declare (additionalProperties: false)' })
        .option('json', { type: 'boolean', describe: 'Print diagnostics as a JSON array on stdout' })
        .option('emit', { choices: ['cloudformation', 'sam'] as const, array: true, describe: 'Also write <Name>.cfn.json (CloudFormation) or <Name>.sam.json (SAM)' })
        .option('watch', { type: 'boolean', describe: 'Compile again on every change of the files or what they import, until Ctrl-C (or stdin closes, when it is a pipe)' })
        .example('$0 compile src/workflow.ts --out build', 'writes build/<Name>.asl.json, .map.json, .schema.json and .d.ts')
        .example("$0 compile 'src/**/*.workflow.ts' --out build --strict-schema", 'every workflow the glob matches; schemas forbid extra properties')
        .example('$0 compile src/workflow.ts --out - > machine.asl.json', 'the ASL alone, on stdout')
        .example("$0 compile 'src/*.workflow.ts' --out build --watch", 'compiles, then recompiles what each save changes') as never,
    handler: async (args) => {
      const fail = (message: string) => {
        process.stderr.write(`typestep compile: ${message}\n`);
        setExit(EXIT_USAGE);
      };
      if (args.json && args.out === STANDARD_STREAM) return fail('--json and --out - would both write to stdout: give --out a directory, or leave out --json');
      const missing = missingFile(args.files);
      if (missing) return fail(missing);
      if (args.watch && args.out === STANDARD_STREAM) return fail('--watch writes files as they change: give --out a directory, not -');
      const options = { files: args.files, strictSchema: args.strictSchema === true, ...(args.tsconfig ? { tsconfig: args.tsconfig } : {}) };
      // Loaded for the command that needs it: the compiler (and TypeScript, for a compile the build cache cannot answer) only here.
      if (args.watch) return setExit(await (await import('./compile-watch.js')).watchCompile({ files: args.files, out: args.out, options, emit: args.emit ?? [], json: args.json === true }));
      let result;
      try {
        const { compile } = await import('@typestep/compiler');
        result = await compile(options);
      } catch (error) {
        return fail(error instanceof Error ? error.message : String(error));
      }
      const { workflows, diagnostics } = result;
      if (args.json) process.stdout.write(`${JSON.stringify(diagnostics)}\n`);
      else for (const diagnostic of diagnostics) process.stderr.write(`${diagnostic.toString()}\n`);
      if (diagnostics.length > 0) {
        if (!args.json) process.stderr.write(`typestep compile: ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}; nothing written for the files that have them\n`);
        setExit(EXIT_USAGE);
        // Workflows of files without problems are still written: one run reports and produces all it can.
      }
      if (workflows.length === 0) {
        if (diagnostics.length === 0) fail(`no workflow found in ${args.files.join(', ')}: a workflow is \`export const x = workflow('Name', async (input) => { … })\` from @typestep/dsl`);
        return;
      }
      const problem = args.out === STANDARD_STREAM ? printDefinition(workflows) : await writeOutputs(workflows, args.out, !args.json, args.emit ?? []);
      if (problem) return fail(problem);
      if (diagnostics.length === 0) setExit(EXIT_OK);
    },
  };
}

/** A file argument (not a glob) that does not exist, as a message; or undefined. */
function missingFile(files: readonly string[]): string | undefined {
  for (const file of files) {
    if (/[*?[\]{}]/.test(file)) continue;
    if (!existsSync(file)) return `cannot read ${file}: no such file`;
    try {
      if (statSync(file).isDirectory()) return `${file} is a directory: name its TypeScript files, or a glob such as '${join(file, '**/*.ts')}'`;
    } catch (error) {
      return `cannot read ${file}: ${fileProblem(error)}`;
    }
  }
  return undefined;
}

/** `--out -`: the one workflow's ASL on stdout. */
function printDefinition(workflows: CompiledWorkflow[]): string | undefined {
  if (workflows.length > 1) {
    return `--out - prints one workflow, and these files hold ${workflows.length} (${workflows.map((w) => w.name).join(', ')}): give an output directory, or one file`;
  }
  return writeText(STANDARD_STREAM, workflows[0]!.text);
}

/** Each workflow's files in `out` (the four, the placeholder manifest and any templates asked for); the paths of the definitions on stderr. */
async function writeOutputs(workflows: CompiledWorkflow[], out: string, announce: boolean, emit: readonly EmitFormat[]): Promise<string | undefined> {
  for (const workflow of workflows) {
    const problem = fileNameProblem(workflow.name);
    if (problem) return `the workflow name ${JSON.stringify(workflow.name)} cannot name its output files: ${problem}`;
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    return `cannot create the output directory ${out}: ${systemMessage(error)}`;
  }
  for (const workflow of workflows) {
    let outputs: Array<[string, string]>;
    try {
      outputs = await workflowOutputs(workflow, out, emit);
    } catch (error) {
      return (error as Error).message;
    }
    for (const [path, text] of outputs) {
      const problem = writeText(path, text);
      if (problem) return `cannot write ${path}: ${problem}`;
    }
    if (announce) process.stderr.write(`${outputs[0]![0]}\n`);
  }
  return undefined;
}
