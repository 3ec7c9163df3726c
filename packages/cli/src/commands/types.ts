import { basename, dirname, join } from 'node:path';
import type { CommandModule } from 'yargs';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { STANDARD_STREAM, readJsonFile, writeText } from '../standard-streams.js';

interface TypesArgs {
  file: string;
  'input-schema'?: string;
  'output-schema'?: string;
  schema?: string;
  name?: string;
  out?: string;
}

/**
 * `typestep types <schema.json>` or `typestep types <definition.json>
 * --input-schema F --output-schema F` (or `--schema F` holding both): writes
 * TypeScript declarations of the execution input, output and each task's
 * request/response (json-schema-to-typescript, prettier) to `--out`, by
 * default `<Name>.d.ts` beside the file; `--out -` prints them. `-` as the
 * file reads stdin. Exit 2 for an unreadable or malformed file.
 */
export function typesCommand(setExit: (code: number) => void): CommandModule<object, TypesArgs> {
  return {
    command: 'types <file>',
    describe: 'Generate .d.ts types from a workflow schema (<Name>.schema.json), or from an ASL definition plus input/output schemas',
    builder: (y) =>
      y
        .positional('file', { type: 'string', demandOption: true, describe: "A typestep schema document (<Name>.schema.json, or { input, output }), or an ASL definition" })
        .option('input-schema', { type: 'string', describe: 'JSON Schema of the execution input (with an ASL definition)' })
        .option('output-schema', { type: 'string', describe: 'JSON Schema of the execution output (with an ASL definition)' })
        .option('schema', { type: 'string', describe: 'One file with both: { "input": …, "output": … } (with an ASL definition)' })
        .option('name', { type: 'string', describe: 'Name the types start with (default: the schema title or the file name)' })
        .option('out', { type: 'string', describe: "Where to write the .d.ts (default: <Name>.d.ts beside the file; '-': stdout)" })
        .example('$0 types build/ProcessOrder.schema.json', 'writes build/ProcessOrder.d.ts')
        .example('$0 types machine.asl.json --input-schema in.json --output-schema out.json --out -', 'types of a hand-written definition, on stdout') as never,
    handler: async (args) => {
      const fail = (message: string) => {
        process.stderr.write(`typestep types: ${message}\n`);
        setExit(EXIT_USAGE);
      };
      let file: Record<string, unknown>;
      try {
        file = readJson(args.file);
      } catch (error) {
        return fail((error as Error).message);
      }
      const isDefinition = 'StartAt' in file && 'States' in file;
      const base = args.file === STANDARD_STREAM ? (args.name ?? 'Workflow') : basename(args.file).replace(/(\.schema|\.asl)?\.json$/, '');
      let document: Record<string, unknown>;
      try {
        if (isDefinition) {
          if (!args['input-schema'] && !args['output-schema'] && !args.schema) {
            return fail(`${args.file} is an ASL definition: give its schemas with --input-schema/--output-schema or --schema`);
          }
          const both = args.schema ? readJson(args.schema) : {};
          document = {
            ...both,
            title: args.name ?? (both.title as string | undefined) ?? base,
            input: args['input-schema'] ? readJson(args['input-schema']) : both.input,
            output: args['output-schema'] ? readJson(args['output-schema']) : both.output,
          };
        } else if ('input' in file || 'output' in file) {
          if (args['input-schema'] || args['output-schema'] || args.schema) return fail('--input-schema, --output-schema and --schema go with an ASL definition, not with a schema document');
          document = file;
        } else {
          return fail(`${args.file} is neither a schema document ({ "input", "output", … }) nor an ASL definition`);
        }
      } catch (error) {
        return fail((error as Error).message);
      }
      const { generateDeclarations } = await import('@typestep/compiler');
      const name = args.name ?? (typeof document.title === 'string' ? document.title : base);
      let text: string;
      try {
        text = await generateDeclarations(document, { name, source: basename(args.file) });
      } catch (error) {
        return fail((error as Error).message);
      }
      const out = args.out ?? (args.file === STANDARD_STREAM ? STANDARD_STREAM : join(dirname(args.file), `${base}.d.ts`));
      const problem = writeText(out, text);
      if (problem) return fail(`cannot write ${out}: ${problem}`);
      if (out !== STANDARD_STREAM) process.stdout.write(`${out}\n`);
      setExit(EXIT_OK);
    },
  };
}

function readJson(path: string): Record<string, unknown> {
  const read = readJsonFile(path, 'the file');
  if ('problem' in read) throw new Error(read.problem);
  const value = read.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${path} is not a JSON object`);
  return value as Record<string, unknown>;
}
