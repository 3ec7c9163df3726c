import type { CommandModule } from 'yargs';
import type { HandlerMap, HandlerRegistry } from '@typestep/runtime';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { loadTaskSources } from '../task-sources.js';

interface ServeArgs {
  port: number;
  host: string;
  data?: string;
  handlers?: string;
  mockConfig?: string;
  clock: 'real' | 'virtual';
}

/**
 * The part of @typestep/server this command uses. The CLI does not depend on
 * that package (it builds better-sqlite3, a native module), so it is loaded
 * by name at run time and typed here.
 */
interface ServerModule {
  createServer(options: {
    port: number;
    host: string;
    dataDir?: string;
    handlers?: HandlerRegistry | HandlerMap;
    mockConfig?: string;
    clock: 'real' | 'virtual';
  }): Promise<{ endpoint: string; resumed: number; close(): Promise<void> }>;
}

const SERVER_PACKAGE = '@typestep/server';

/**
 * `typestep serve`: a local AWS Step Functions service for the AWS SDKs and
 * CLI (@typestep/server, installed separately). Prints the endpoint and runs
 * until SIGINT or SIGTERM, then closes cleanly. Exit codes: 0 closed, 2 usage
 * (a missing package, an unreadable --handlers or --mock-config, a port in
 * use), 3 a fault of the server.
 */
export function serveCommand(setExit: (code: number) => void): CommandModule<object, ServeArgs> {
  return {
    command: 'serve',
    describe: 'Run a local AWS Step Functions service (the SDK and `aws stepfunctions --endpoint-url` talk to it)',
    builder: (y) =>
      y
        .option('port', { type: 'number', default: 8083, describe: 'Port to listen on (0: a free one)' })
        .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to bind (default: this machine only)' })
        .option('data', { type: 'string', describe: 'Directory of the SQLite store (default: in memory)' })
        .option('handlers', { type: 'string', describe: 'Module whose default export maps Task state names or resources to functions' })
        .option('mock-config', { type: 'string', describe: 'Step Functions Local mock configuration; start with <stateMachineArn>#<TestCase>' })
        .option('clock', { choices: ['real', 'virtual'] as const, default: 'real' as const, describe: 'real: Waits take wall-clock time; virtual: none' })
        .example('$0 serve --data .typestep', 'serves http://127.0.0.1:8083, keeping state machines and executions in .typestep/')
        .example('aws stepfunctions --endpoint-url http://127.0.0.1:8083 list-state-machines', 'talk to it with the AWS CLI') as never,
    handler: async (args) => {
      const usage = (message: string) => {
        process.stderr.write(`typestep serve: ${message}\n`);
        setExit(EXIT_USAGE);
      };
      let server: ServerModule;
      try {
        server = (await import(SERVER_PACKAGE)) as ServerModule;
      } catch (error) {
        return usage(`needs the package ${SERVER_PACKAGE} (npm install --save-dev ${SERVER_PACKAGE}): ${(error as Error).message}`);
      }
      const sources = await loadTaskSources(args);
      if (typeof sources === 'string') return usage(sources);
      const { handlers, mockConfig } = sources;
      let running: Awaited<ReturnType<ServerModule['createServer']>>;
      try {
        running = await server.createServer({ port: args.port, host: args.host, dataDir: args.data, handlers, mockConfig, clock: args.clock });
      } catch (error) {
        return usage((error as Error).message);
      }
      process.stdout.write(`typestep serve: listening on ${running.endpoint}${args.data ? ` (data in ${args.data})` : ' (in memory)'}${running.resumed ? `, resumed ${running.resumed} running execution${running.resumed === 1 ? '' : 's'}` : ''}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      try {
        await running.close();
        setExit(EXIT_OK);
      } catch (error) {
        process.stderr.write(`typestep serve: closing failed: ${(error as Error).message}\n`);
        setExit(EXIT_INTERNAL);
      }
    },
  };
}
