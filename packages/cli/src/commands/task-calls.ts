import type { Argv, CommandModule } from 'yargs';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

interface EndpointArgs {
  endpoint?: string;
}

/** The environment variable that names the control endpoint when `--endpoint` is not given. */
export const ENDPOINT_VARIABLE = 'TYPESTEP_ENDPOINT';

interface TaskCall<Args> {
  command: string;
  describe: string;
  operation: string;
  builder: (y: Argv<EndpointArgs>) => Argv<EndpointArgs & Args>;
  request: (args: Args) => Record<string, unknown>;
  /** A command line for --help, and what it does. */
  example: [string, string];
  /** Prints the answer (the send-task calls answer `{}` and print nothing, as the AWS CLI does). */
  print?: (answer: Record<string, unknown>) => string;
}

/**
 * `typestep send-task-success | send-task-failure | send-task-heartbeat |
 * get-activity-task`: the calls a second process makes to an execution that
 * `typestep run --listen` keeps waiting. They take the AWS CLI's option names
 * and talk to the run's control channel (`--endpoint`, or $TYPESTEP_ENDPOINT).
 * Exit codes: 0 done, 1 the service refused (InvalidToken, TaskTimedOut, …;
 * printed as the AWS CLI prints it), 2 usage or an unreachable endpoint.
 */
export function taskCallCommands(setExit: (code: number) => void): CommandModule<object, any>[] {
  const calls: TaskCall<any>[] = [
    {
      command: 'send-task-success',
      describe: 'Answer a waiting callback or activity task with its output',
      operation: 'SendTaskSuccess',
      builder: (y) =>
        y
          .option('task-token', { type: 'string', demandOption: true, describe: 'The task token' })
          .option('task-output', { type: 'string', demandOption: true, describe: 'The output, as JSON text' }),
      request: (args: { taskToken: string; taskOutput: string }) => ({ taskToken: args.taskToken, output: args.taskOutput }),
      example: [`$0 send-task-success --endpoint http://127.0.0.1:4100 --task-token TOKEN --task-output '{"approved":true}'`, 'the waiting task succeeds with that output'],
    },
    {
      command: 'send-task-failure',
      describe: 'Fail a waiting callback or activity task',
      operation: 'SendTaskFailure',
      builder: (y) =>
        y
          .option('task-token', { type: 'string', demandOption: true, describe: 'The task token' })
          .option('error', { type: 'string', describe: 'The error name' })
          .option('cause', { type: 'string', describe: 'The cause' }),
      request: (args: { taskToken: string; error?: string; cause?: string }) => ({ taskToken: args.taskToken, error: args.error, cause: args.cause }),
      example: ["$0 send-task-failure --task-token TOKEN --error Approval.Denied --cause 'over budget'", 'the waiting task fails (endpoint from $TYPESTEP_ENDPOINT)'],
    },
    {
      command: 'send-task-heartbeat',
      describe: 'Tell a waiting task its worker is alive (restarts HeartbeatSeconds)',
      operation: 'SendTaskHeartbeat',
      builder: (y) => y.option('task-token', { type: 'string', demandOption: true, describe: 'The task token' }),
      request: (args: { taskToken: string }) => ({ taskToken: args.taskToken }),
      example: ['$0 send-task-heartbeat --task-token TOKEN', "restarts the task's HeartbeatSeconds"],
    },
    {
      command: 'get-activity-task',
      describe: 'Poll for an activity task (waits up to 60 s); prints {"taskToken","input"} or {}',
      operation: 'GetActivityTask',
      builder: (y) =>
        y
          .option('activity-arn', { type: 'string', demandOption: true, describe: 'arn:aws:states:<region>:<account>:activity:<name>' })
          .option('worker-name', { type: 'string', describe: 'The worker name (shown in ActivityStarted)' }),
      request: (args: { activityArn: string; workerName?: string }) => ({ activityArn: args.activityArn, workerName: args.workerName }),
      example: ['$0 get-activity-task --activity-arn arn:aws:states:us-east-1:123456789012:activity:review', 'prints {"taskToken","input"} of the next waiting activity task'],
      print: (answer) => `${JSON.stringify(answer, null, 4)}\n`,
    },
  ];
  return calls.map((call) => toCommand(call, setExit));
}

function toCommand<Args>(call: TaskCall<Args>, setExit: (code: number) => void): CommandModule<object, EndpointArgs & Args> {
  return {
    command: call.command,
    describe: call.describe,
    builder: (y) =>
      call
        .builder(
          (y as Argv<EndpointArgs>).option('endpoint', {
            type: 'string',
            describe: `Control endpoint that \`typestep run --listen\` printed (default: $${ENDPOINT_VARIABLE})`,
          }),
        )
        .example(...call.example) as never,
    handler: async (args) => {
      const endpoint = args.endpoint ?? process.env[ENDPOINT_VARIABLE];
      if (!endpoint) {
        process.stderr.write(`typestep ${call.command}: name the control endpoint with --endpoint or $${ENDPOINT_VARIABLE} (typestep run --listen prints it)\n`);
        return setExit(EXIT_USAGE);
      }
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${call.operation}` },
          body: JSON.stringify(call.request(args as Args)),
        });
      } catch (error) {
        process.stderr.write(`typestep ${call.command}: cannot reach ${endpoint}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}\n`);
        return setExit(EXIT_USAGE);
      }
      const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (!response.ok) {
        const code = String(answer.__type ?? response.status).split('#').pop();
        process.stderr.write(`An error occurred (${code}) when calling the ${call.operation} operation: ${String(answer.message ?? '')}\n`);
        return setExit(EXIT_FAILED);
      }
      if (call.print) process.stdout.write(call.print(answer));
      setExit(EXIT_OK);
    },
  };
}
