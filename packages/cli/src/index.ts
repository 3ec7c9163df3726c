import { readFileSync } from 'node:fs';
import yargs, { type Argv, type CommandModule } from 'yargs';
import { compileCommand } from './commands/compile.js';
import { graphCommand } from './commands/graph.js';
import { inspectCommand } from './commands/inspect.js';
import { initCommand } from './commands/init.js';
import { policyCommand } from './commands/policy.js';
import { runCommand } from './commands/run.js';
import { serveCommand } from './commands/serve.js';
import { taskCallCommands } from './commands/task-calls.js';
import { typesCommand } from './commands/types.js';
import { validateCommand } from './commands/validate.js';
import { closestName, describeUnknownArguments } from './did-you-mean.js';
import { EXIT_INTERNAL, EXIT_USAGE } from './exit-codes.js';
import { keepDashValues } from './option-values.js';
import { protectStandardStreams, restoreStandardStreams } from './standard-streams.js';
import { describeError } from './system-message.js';

export { EXIT_FAILED, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

class UsageError extends Error {}

/** The version of this package, as `typestep --version` prints it. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The `typestep` command. Returns the process exit code (see exit-codes.ts);
 * the only place in typestep that reads argv and writes to stdout.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => (exitCode = code);
  const commands: CommandModule<object, any>[] = [
    initCommand(setExit, VERSION),
    compileCommand(setExit),
    runCommand(setExit),
    validateCommand(setExit),
    typesCommand(setExit),
    graphCommand(setExit),
    inspectCommand(setExit),
    policyCommand(setExit),
    serveCommand(setExit),
    ...taskCallCommands(setExit),
  ];
  const names = commands.map(commandName);
  let parser = yargs(protectStandardStreams(keepDashValues(argv)))
    .scriptName('typestep')
    .usage('$0 <command> [options]\n\nCompile TypeScript workflows to AWS Step Functions ASL and run any ASL definition locally.')
    .middleware(restoreStandardStreams as never, true);
  for (const command of commands) parser = parser.command(command);
  parser = parser
    .demandCommand(1, `Name a command: ${names.join(', ')}.`)
    .strict()
    .help()
    .alias('help', 'h')
    .version(VERSION)
    .alias('version', 'v')
    .epilog("'-' as a file name reads stdin or writes stdout. Exit codes: 0 ok, 1 the execution failed (or validate found problems), 2 usage, input or compile error, 3 a fault of typestep itself.")
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      // Stop before any command handler runs: a usage error must never execute anything.
      throw error ?? new UsageError(describeUsageError(message, argv, commands));
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (!(error instanceof UsageError)) {
      // One line, never a stack: TYPESTEP_DEBUG=1 shows it.
      process.stderr.write(`typestep: internal error: ${describeError(error)}\n`);
      if (process.env.TYPESTEP_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
      return EXIT_INTERNAL;
    }
    const command = commands.find((candidate) => commandName(candidate) === argv[0]);
    process.stderr.write(`typestep: ${error.message}\n\nRun 'typestep ${command ? `${argv[0]} ` : ''}--help' for usage.\n`);
    return EXIT_USAGE;
  }
  return exitCode;
}

function commandName(command: CommandModule<object, any>): string {
  return String(command.command).split(' ')[0]!;
}

/** yargs's message, with "did you mean" for misspelt options of the command argv names. */
function describeUsageError(message: string, argv: string[], commands: CommandModule<object, any>[]): string {
  const command = commands.find((candidate) => commandName(candidate) === argv[0]);
  const first = argv[0];
  if (!command && first !== undefined && !first.startsWith('-')) {
    const suggestion = closestName(first, commands.map(commandName));
    return `unknown command '${first}' (${suggestion ? `did you mean ${suggestion}?` : `the commands are ${commands.map(commandName).join(', ')}`})`;
  }
  if (command && /^Not enough non-option arguments/.test(message)) return `missing an argument: typestep ${String(command.command)} [options]`;
  const unknown = /^Unknown arguments?: (.*)$/s.exec(message);
  if (!unknown) return message;
  const known = ['help', 'version', ...(command ? optionNames(command) : [])];
  return describeUnknownArguments(unknown[1]!.split(', '), known, argv);
}

/** The options a command's builder declares, read by building it on a parser of its own. */
function optionNames(command: CommandModule<object, any>): string[] {
  const builder = command.builder;
  if (typeof builder !== 'function') return [];
  const scratch = yargs([]) as Argv;
  builder(scratch);
  const options = (scratch as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions();
  return Object.keys(options.key).filter((name) => !/[A-Z]/.test(name));
}
