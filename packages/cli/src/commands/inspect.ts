import type { HistoryEvent, SourceLocation } from '@typestep/runtime';
import type { CommandModule } from 'yargs';
import { companionFiles, readSourceMap } from '../compiled-companions.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { STANDARD_STREAM, readDefinitionObject } from '../standard-streams.js';

interface InspectArgs {
  definition: string;
  history: string;
  sourceMap?: string;
  report?: string;
  open?: boolean;
}

/**
 * `typestep inspect <definition> --history FILE`: an execution that ran
 * elsewhere (on AWS, in `typestep serve`, an earlier `typestep run`) seen as
 * a local one is: the trace on stdout (one line per state, with the
 * TypeScript line of a compiled workflow, and the failure's code frame), and
 * with `--report`/`--open` the execution page.
 */
export function inspectCommand(setExit: (code: number) => void): CommandModule<object, InspectArgs> {
  return {
    command: 'inspect <definition>',
    describe: 'Look at a recorded execution (AWS get-execution-history, typestep run --history): its trace, or its report page',
    builder: (y) =>
      y
        .positional('definition', { type: 'string', demandOption: true, describe: "The ASL definition that ran (JSON, or describe-state-machine's output; '-': stdin)" })
        .option('history', { type: 'string', demandOption: true, describe: "Its history: GetExecutionHistory's output ({ events }), an array of events, or one event per line ('-': stdin)" })
        .option('source-map', { type: 'string', describe: 'State name → TypeScript location (default: the <Name>.map.json beside the definition)' })
        .option('report', { type: 'string', describe: 'Also write the execution as one self-contained HTML page to this file' })
        .option('open', { type: 'boolean', describe: 'Open the report page in a browser ($BROWSER, else the system default); without --report, the page goes to a temporary file' })
        .example('aws stepfunctions get-execution-history --execution-arn $ARN > history.json', 'a run on AWS, recorded')
        .example('$0 inspect build/ProcessOrder.asl.json --history history.json', "its trace, with each state's TypeScript line")
        .example('$0 inspect build/ProcessOrder.asl.json --history history.json --open', 'its report page in the browser')
        .example('aws stepfunctions describe-state-machine-for-execution --execution-arn $ARN > machine.json', 'the definition as AWS ran it (also readable here)') as never,
    handler: async (args) => {
      const fail = (message: string) => {
        process.stderr.write(`typestep inspect: ${message}\n`);
        setExit(EXIT_USAGE);
      };
      if (args.history === STANDARD_STREAM && args.definition === STANDARD_STREAM) return fail('the definition and the history cannot both come from stdin');
      if (args.report === STANDARD_STREAM) return fail('--report needs a file name: the page cannot share stdout with the trace');
      // Loaded for this command alone (the runtime's history reading, the trace, the report page).
      const [{ readHistoryFile }, { reportExecution }, { failureFrameText, traceExecution }] = await Promise.all([import('../history-file.js'), import('../report-file.js'), import('../trace.js')]);
      const definition = readDefinitionObject(args.definition);
      if ('problem' in definition) return fail(definition.problem);
      const history = readHistoryFile(args.history);
      if ('problem' in history) return fail(history.problem);
      const mapFile = args.sourceMap ?? companionFiles(args.definition).sourceMap;
      const sourceMap: Record<string, SourceLocation> | string = mapFile === undefined ? {} : readSourceMap(mapFile);
      if (typeof sourceMap === 'string') return fail(sourceMap);

      const events = history.events;
      const tty = process.stdout.isTTY === true;
      await traceExecution({ events: async function* () { yield* events; } }, sourceMap, { write: (text) => process.stdout.write(text), tty, color: tty && !process.env.NO_COLOR });
      const frame = failureFrameText(events, sourceMap);
      if (frame) process.stdout.write(frame);
      process.stdout.write(`${outcomeLine(events)}\n`);

      const report = await reportExecution(args, args.definition, definition.value, events, sourceMap);
      if (report.problem) return fail(report.problem);
      setExit(EXIT_OK);
    },
  };
}

/** How the recorded execution ended (or that it had not), with its event count and duration. */
function outcomeLine(events: readonly HistoryEvent[]): string {
  const last = events.at(-1)!;
  const seconds = (last.timestamp.getTime() - events[0]!.timestamp.getTime()) / 1000;
  const counted = `(${events.length} history events, ${seconds} s)`;
  const ended = /^Execution(Succeeded|Failed|TimedOut|Aborted)$/.exec(last.type);
  if (!ended) return `RUNNING: the history ends at event ${last.id}, ${last.type} ${counted}`;
  const status = { Succeeded: 'SUCCEEDED', Failed: 'FAILED', TimedOut: 'TIMED_OUT', Aborted: 'ABORTED' }[ended[1]!]!;
  const details = Object.entries(last).find(([key]) => key.endsWith('EventDetails'))?.[1] as { error?: string; cause?: string } | undefined;
  const error = details?.error ? `: ${details.error}${details.cause ? ` (${details.cause.length > 200 ? `${details.cause.slice(0, 199)}…` : details.cause})` : ''}` : '';
  return `${status}${error} ${counted}`;
}
