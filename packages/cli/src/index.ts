import yargs from 'yargs';
import { compileCommand } from './commands/compile.js';
import { policyCommand } from './commands/policy.js';
import { runCommand } from './commands/run.js';
import { taskCallCommands } from './commands/task-calls.js';
import { typesCommand } from './commands/types.js';
import { validateCommand } from './commands/validate.js';
import { EXIT_INTERNAL, EXIT_USAGE } from './exit-codes.js';
import { describeError } from './system-message.js';

class UsageError extends Error {}

/**
 * The `typestep` command. Returns the process exit code; the only place in
 * typestep that reads argv and writes to stdout.
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName('typestep')
    .usage('$0 <command> [options]')
    .command(runCommand((code) => (exitCode = code)))
    .command(validateCommand((code) => (exitCode = code)))
    .command(typesCommand((code) => (exitCode = code)))
    .command(compileCommand((code) => (exitCode = code)))
    .command(policyCommand((code) => (exitCode = code)))
    .command(taskCallCommands((code) => (exitCode = code)))
    .demandCommand(1, 'Name a command: run, validate, send-task-success, send-task-failure, send-task-heartbeat, get-activity-task.')
    .strict()
    .help()
    .version(false)
    .exitProcess(false)
    .fail((message, error) => {
      // Stop before any command handler runs: a usage error must never execute anything.
      throw error ?? new UsageError(message);
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
    process.stderr.write(`${error.message}\n\nRun 'typestep --help' for usage.\n`);
    return EXIT_USAGE;
  }
  return exitCode;
}
