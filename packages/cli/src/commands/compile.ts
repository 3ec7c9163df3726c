import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommandModule } from 'yargs';
import { compile, generateDeclarations } from '@typestep/compiler';
import { deployOutputs } from './compile-deploy-outputs.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { systemMessage } from '../system-message.js';

interface CompileArgs {
  files: string[];
  out: string;
  tsconfig?: string;
  json?: boolean;
  emit?: Array<'cloudformation' | 'sam'>;
}

/**
 * `typestep compile <files or globs…> --out <dir>`: compiles the workflows
 * of TypeScript files to ASL. Writes per workflow `<Name>.asl.json`,
 * `<Name>.map.json` (state name → source span), `<Name>.schema.json` (JSON
 * Schemas of input, output and task requests/responses) and `<Name>.d.ts`
 * (types generated from that schema), `<Name>.placeholders.json` (every
 * `${Name}` to substitute, what it must be, where it is used) and, with
 * `--emit cloudformation` / `--emit sam`, `<Name>.cfn.json` / `<Name>.sam.json`;
 * prints every diagnostic with its code frame to stderr (`--json`: as a JSON
 * array on stdout) and exits 1 when there is any, 2 for a usage error.
 */
export function compileCommand(setExit: (code: number) => void): CommandModule<object, CompileArgs> {
  return {
    command: 'compile <files..>',
    describe: 'Compile TypeScript workflows (@typestep/dsl) to ASL definitions (JSONata + variables)',
    builder: (y) =>
      y
        .positional('files', { type: 'string', array: true, demandOption: true, describe: 'TypeScript files or globs' })
        .option('out', { type: 'string', demandOption: true, describe: 'Directory for <Name>.asl.json, .map.json, .schema.json and .d.ts' })
        .option('tsconfig', { type: 'string', describe: 'tsconfig.json whose compiler options to use' })
        .option('json', { type: 'boolean', describe: 'Print diagnostics as a JSON array on stdout' })
        .option('emit', { choices: ['cloudformation', 'sam'] as const, array: true, describe: 'Also write <Name>.cfn.json (CloudFormation) or <Name>.sam.json (SAM)' }) as never,
    handler: async (args) => {
      const fail = (message: string) => {
        process.stderr.write(`typestep compile: ${message}\n`);
        setExit(EXIT_USAGE);
      };
      const options = args.tsconfig ? { files: args.files, tsconfig: args.tsconfig } : { files: args.files };
      let result;
      try {
        result = await compile(options);
      } catch (error) {
        return fail(error instanceof Error ? error.message : String(error));
      }
      const { workflows, diagnostics } = result;
      if (args.json) process.stdout.write(`${JSON.stringify(diagnostics)}\n`);
      else for (const diagnostic of diagnostics) process.stderr.write(`${diagnostic.toString()}\n`);
      if (workflows.length === 0 && diagnostics.length === 0) {
        process.stderr.write(`typestep compile: no workflow found in ${args.files.join(', ')}\n`);
        setExit(EXIT_USAGE);
        return;
      }
      for (const workflow of workflows) {
        const problem = fileNameProblem(workflow.name);
        if (problem) return fail(`the workflow name ${JSON.stringify(workflow.name)} cannot name its output files: ${problem}`);
      }
      try {
        mkdirSync(args.out, { recursive: true });
      } catch (error) {
        return fail(`cannot create the output directory ${args.out}: ${systemMessage(error)}`);
      }
      for (const workflow of workflows) {
        const base = join(args.out, workflow.name);
        const sourceMap = Object.fromEntries(
          Object.entries(workflow.sourceMap).map(([state, span]) => [state, { ...span, file: relative(args.out, span.file) }]),
        );
        let deploy: Array<[string, string]>;
        try {
          deploy = deployOutputs(base, workflow.name, JSON.parse(workflow.text), args.emit ?? []);
        } catch (error) {
          return fail(`cannot make the deployment files of ${workflow.name}: ${(error as Error).message}`);
        }
        const outputs: Array<[string, string]> = [
          [`${base}.asl.json`, workflow.text],
          [`${base}.map.json`, `${JSON.stringify(sourceMap, null, 2)}\n`],
          [`${base}.schema.json`, `${JSON.stringify(workflow.schema, null, 2)}\n`],
          [`${base}.d.ts`, await generateDeclarations(workflow.schema, { name: workflow.name, source: `${workflow.name}.schema.json` })],
          ...deploy,
        ];
        for (const [path, text] of outputs) {
          try {
            writeFileSync(path, text);
          } catch (error) {
            return fail(`cannot write ${path}: ${systemMessage(error)}`);
          }
        }
        if (!args.json) process.stderr.write(`${base}.asl.json\n`);
      }
      setExit(diagnostics.length > 0 ? EXIT_FAILED : EXIT_OK);
    },
  };
}

/** Why `name` cannot be the base of a file name in the output directory, or undefined. */
function fileNameProblem(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..') return 'it is empty or a relative directory';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it holds a control character (NUL, newline…)';
  if (/[\\/]/.test(name)) return 'it holds a path separator';
  return undefined;
}
