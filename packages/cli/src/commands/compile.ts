import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommandModule } from 'yargs';
import { compile, generateDeclarations } from '@typestep/compiler';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

interface CompileArgs {
  files: string[];
  out: string;
  tsconfig?: string;
  json?: boolean;
}

/**
 * `typestep compile <files or globs…> --out <dir>`: compiles the workflows
 * of TypeScript files to ASL. Writes per workflow `<Name>.asl.json`,
 * `<Name>.map.json` (state name → source span), `<Name>.schema.json` (JSON
 * Schemas of input, output and task requests/responses) and `<Name>.d.ts`
 * (types generated from that schema); prints every diagnostic with its
 * code frame to stderr (`--json`: as a JSON array on stdout) and exits 1 when
 * there is any, 2 for a usage error.
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
        .option('json', { type: 'boolean', describe: 'Print diagnostics as a JSON array on stdout' }) as never,
    handler: async (args) => {
      const options = args.tsconfig ? { files: args.files, tsconfig: args.tsconfig } : { files: args.files };
      let result;
      try {
        result = await compile(options);
      } catch (error) {
        process.stderr.write(`typestep compile: ${error instanceof Error ? error.message : String(error)}\n`);
        setExit(EXIT_USAGE);
        return;
      }
      const { workflows, diagnostics } = result;
      if (args.json) process.stdout.write(`${JSON.stringify(diagnostics)}\n`);
      else for (const diagnostic of diagnostics) process.stderr.write(`${diagnostic.toString()}\n`);
      if (workflows.length === 0 && diagnostics.length === 0) {
        process.stderr.write(`typestep compile: no workflow found in ${args.files.join(', ')}\n`);
        setExit(EXIT_USAGE);
        return;
      }
      mkdirSync(args.out, { recursive: true });
      for (const workflow of workflows) {
        const base = join(args.out, workflow.name);
        writeFileSync(`${base}.asl.json`, workflow.text);
        const sourceMap = Object.fromEntries(
          Object.entries(workflow.sourceMap).map(([state, span]) => [state, { ...span, file: relative(args.out, span.file) }]),
        );
        writeFileSync(`${base}.map.json`, `${JSON.stringify(sourceMap, null, 2)}\n`);
        writeFileSync(`${base}.schema.json`, `${JSON.stringify(workflow.schema, null, 2)}\n`);
        writeFileSync(`${base}.d.ts`, await generateDeclarations(workflow.schema, { name: workflow.name, source: `${workflow.name}.schema.json` }));
        if (!args.json) process.stderr.write(`${base}.asl.json\n`);
      }
      setExit(diagnostics.length > 0 ? EXIT_FAILED : EXIT_OK);
    },
  };
}
