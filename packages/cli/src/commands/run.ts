import type { CommandModule } from 'yargs';

export interface RunArgs {
  definition: string;
  input?: string;
  inputFile?: string;
  handlers?: string;
  clock: 'virtual' | 'real';
  json?: boolean;
  seed?: number;
  history?: boolean;
  trace?: boolean;
  report?: string;
  open?: boolean;
  type: 'STANDARD' | 'EXPRESS';
  mockConfig?: string;
  testCase?: string;
  stateMachineName?: string;
  listen?: number;
  taskTokens?: string;
  s3Root?: string;
  s3Bucket?: string[];
  stateMachine?: string[];
  /** `false` after `--no-schema`. */
  schema?: string | false;
  sourceMap?: string;
  inputSchema?: string;
  outputSchema?: string;
  validate: boolean;
}

/**
 * `typestep run <definition.json>`: runs one execution locally.
 * With `--json`, stdout is exactly one JSON object:
 * `{"status":"SUCCEEDED","output":…}` or `{"status":"FAILED"|"TIMED_OUT"|"ABORTED","error":…,"cause":…}`.
 * With `--mock-config F --test-case NAME`, the Task states that test case of the Step Functions
 * Local mock file names answer with their mocked responses; the others call their handlers.
 * With `--listen PORT`, callback and activity tasks are answered by a second process through a
 * local control channel that speaks the Step Functions API (`typestep send-task-success …`, or the
 * AWS CLI/SDK with that endpoint); `--task-tokens F` appends one JSON line per waiting task.
 * `--s3-root`/`--s3-bucket` give a Distributed Map its local S3; `--state-machine NAME=FILE`
 * registers child machines for `states:startExecution` tasks.
 * The `<Name>.schema.json` and `<Name>.map.json` that `typestep compile` writes beside
 * `<Name>.asl.json` are used when found: input is checked before the first state, and a
 * failure names its state, Map index or Parallel branch and TypeScript line.
 * `-` as the definition or `--input-file` reads stdin.
 * Exit codes: 0 succeeded, 1 failed / timed out / aborted, 2 invalid definition, input, mock file or usage.
 */
export function runCommand(setExit: (code: number) => void): CommandModule<object, RunArgs> {
  return {
    command: 'run <definition>',
    describe: 'Run an ASL definition locally (tasks answered by --handlers or --mock-config)',
    builder: (y) =>
      y
        .positional('definition', { type: 'string', demandOption: true, describe: "ASL definition (JSON; '-': stdin)" })
        .option('input', { type: 'string', describe: 'Execution input as JSON text' })
        .option('input-file', { type: 'string', describe: "File holding the execution input (JSON; '-': stdin)" })
        .conflicts('input', 'input-file')
        .option('handlers', { type: 'string', describe: 'ES module (.js, or .ts through tsx) whose default (or `handlers`) export maps task names, state names or resource ARNs to functions' })
        .option('clock', { choices: ['virtual', 'real'] as const, default: 'virtual' as const, describe: 'virtual: waits take no time' })
        .option('seed', { type: 'number', describe: 'Seed for jitter, UUIDs and random numbers' })
        .option('history', { type: 'boolean', describe: 'Also print the execution history (not with --json)' })
        .option('trace', { type: 'boolean', describe: 'Print one line per state on stderr as the run goes (time, duration, retries, TypeScript line), and the code frame of a failure' })
        .option('report', { type: 'string', describe: 'Write the execution as one self-contained HTML page to this file: the graph coloured by what each state did, a panel per state, the history' })
        .option('open', { type: 'boolean', describe: 'Open the --report page in a browser ($BROWSER, else the system default); without --report, the page goes to a temporary file' })
        .option('json', { type: 'boolean', describe: 'Print exactly one JSON object with the result' })
        .option('type', { choices: ['STANDARD', 'EXPRESS'] as const, default: 'STANDARD' as const, describe: 'State machine type' })
        .option('mock-config', { type: 'string', describe: 'Step Functions Local mock configuration file (MockConfigFile.json)' })
        .option('test-case', { type: 'string', describe: 'Test case of the mock configuration to run' })
        .implies('mock-config', 'test-case')
        .implies('test-case', 'mock-config')
        .option('state-machine-name', {
          type: 'string',
          describe: "State machine name: its key under the mock configuration's StateMachines (default: the only one), and $$.StateMachine.Name",
        })
        .option('listen', {
          type: 'number',
          describe: 'Serve a control channel on 127.0.0.1:PORT (0: any free port) for send-task-success/-failure/-heartbeat and get-activity-task from another process',
        })
        .option('task-tokens', {
          type: 'string',
          describe: 'Append one JSON line per waiting callback/activity task to this file (implies --listen 0 unless --listen is given)',
        })
        .option('s3-root', { type: 'string', describe: 'Local S3 for ItemReader/ResultWriter: each bucket is the folder <dir>/<bucket>' })
        .option('s3-bucket', { type: 'string', array: true, describe: 'A bucket as a local folder, BUCKET=DIR (repeatable; takes precedence over --s3-root)' })
        .option('state-machine', {
          type: 'string',
          array: true,
          describe: 'A child state machine for states:startExecution tasks, NAME=FILE (NAME: its name, ${Placeholder} or ARN; repeatable)',
        })
        .option('schema', {
          type: 'string',
          describe: 'JSON Schemas of input and output: a compiled <Name>.schema.json or { input, output } (default: <Name>.schema.json beside the definition; --no-schema: none)',
        })
        .option('source-map', { type: 'string', describe: 'State name → TypeScript location, for failure messages (default: <Name>.map.json beside the definition)' })
        .option('input-schema', { type: 'string', describe: 'JSON Schema (draft 2020-12) the execution input must match' })
        .option('output-schema', { type: 'string', describe: 'JSON Schema (draft 2020-12) the execution output must match' })
        .conflicts('schema', ['input-schema', 'output-schema'])
        .option('validate', { type: 'boolean', default: true, describe: 'Check input and output against the schemas (--no-validate: do not)' })
        .example('$0 run build/ProcessOrder.asl.json --input-file order.json --handlers handlers.mjs', 'schema and source map beside the definition are used')
        .example('$0 run machine.asl.json --input \'{"n":1}\' --json', 'one JSON object on stdout')
        .example('$0 run build/ProcessOrder.asl.json --handlers handlers.mjs --report run.html', 'the run as an HTML page to open in a browser')
        .example('$0 run build/ProcessOrder.asl.json --handlers handlers.mjs --open', 'the same page, opened in the browser')
        .example('$0 run machine.asl.json --mock-config MockConfigFile.json --test-case HappyPath', 'tasks answered by a Step Functions Local mock file')
        .example('$0 run parent.asl.json --state-machine Child=build/Child.asl.json', 'a child machine for states:startExecution')
        .example('cat input.json | $0 run machine.asl.json --input-file -', 'input from stdin') as never,
    // The runtime, the trace and the report load only for this command, not for every `typestep` command.
    handler: async (args) => (await import('./run-execution.js')).runExecution(args, setExit),
  };
}
