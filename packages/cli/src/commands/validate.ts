import type { CommandModule } from 'yargs';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { displayName } from '../standard-streams.js';

interface ValidateArgs {
  file: string;
  json?: boolean;
  type: 'STANDARD' | 'EXPRESS';
}

/**
 * `typestep validate <file>` (`-`: stdin): prints every problem of a
 * definition; exits 1 when there are any, 2 when the file cannot be read.
 */
export function validateCommand(setExit: (code: number) => void): CommandModule<object, ValidateArgs> {
  return {
    command: 'validate <file>',
    describe: 'Validate an ASL definition and list every problem with its JSON location',
    builder: (y) =>
      y
        .positional('file', { type: 'string', demandOption: true, describe: "ASL definition (JSON; '-': stdin)" })
        .option('json', { type: 'boolean', describe: 'Print the problems as a JSON array' })
        .option('type', { choices: ['STANDARD', 'EXPRESS'] as const, default: 'STANDARD' as const, describe: 'State machine type' })
        .example('$0 validate build/ProcessOrder.asl.json', "prints 'valid' or one line per problem: file: /json/pointer: message [code]")
        .example('$0 validate machine.asl.json --type EXPRESS --json', 'the problems as a JSON array') as never,
    handler: async (args) => {
      // The runtime's validator loads for this command alone.
      const { formatProblems, isFileProblem, loadDefinitionFile } = await import('../definition-file.js');
      const { problems } = loadDefinitionFile(args.file, args.type);
      if (isFileProblem(problems) && !args.json) {
        process.stderr.write(`typestep validate: ${problems[0]!.message}\n`);
        return setExit(EXIT_USAGE);
      }
      if (args.json) {
        process.stdout.write(`${JSON.stringify(problems)}\n`);
      } else if (problems.length === 0) {
        process.stdout.write(`${displayName(args.file)}: valid\n`);
      } else {
        process.stdout.write(`${formatProblems(args.file, problems)}\n${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
      }
      setExit(problems.length === 0 ? EXIT_OK : isFileProblem(problems) ? EXIT_USAGE : EXIT_FAILED);
    },
  };
}
