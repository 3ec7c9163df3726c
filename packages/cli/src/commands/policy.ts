import type { CommandModule } from 'yargs';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { displayName, readJsonFile } from '../standard-streams.js';

interface PolicyArgs {
  file: string;
  'with-states'?: boolean;
  'state-machine-arn'?: string;
  logging?: boolean;
  tracing?: boolean;
  region?: string;
  account?: string;
  partition?: string;
}

/**
 * `typestep policy <asl.json | ->`: prints the IAM policy document the role of
 * a state machine running that definition needs. `--with-states` keeps each
 * statement's states and notes (not valid IAM: for reading). Exits 1 when a
 * Resource is unknown (the message names the state), 2 for unreadable input.
 */
export function policyCommand(setExit: (code: number) => void): CommandModule<object, PolicyArgs> {
  return {
    command: 'policy <file>',
    describe: 'Print the IAM policy a state machine running an ASL definition needs',
    builder: (y) =>
      y
        .positional('file', { type: 'string', demandOption: true, describe: "ASL definition (JSON; '-': stdin)" })
        .option('with-states', { type: 'boolean', describe: 'Keep, per statement, the states that need it and notes on wide resources' })
        .option('state-machine-arn', { type: 'string', describe: "The machine's own ARN (a Distributed Map starts its executions)" })
        .option('logging', { type: 'boolean', describe: 'Add CloudWatch Logs delivery permissions' })
        .option('tracing', { type: 'boolean', describe: 'Add X-Ray permissions' })
        .option('region', { type: 'string', describe: 'Region of ARNs built from names (default *)' })
        .option('account', { type: 'string', describe: 'Account of ARNs built from names (default *)' })
        .option('partition', { type: 'string', describe: 'Partition of ARNs built from names (default aws)' })
        .example('$0 policy build/ProcessOrder.asl.json', 'the IAM policy document, on stdout')
        .example('$0 policy - --with-states < machine.asl.json', 'from stdin; each statement lists the states that need it') as never,
    handler: async (args) => {
      const { PolicyError, policyFor, renderStatement } = await import('@typestep/deploy');
      const fail = (code: number, message: string) => {
        process.stderr.write(`typestep policy: ${message}\n`);
        setExit(code);
      };
      const read = readJsonFile(args.file, 'definition');
      if ('problem' in read) return fail(EXIT_USAGE, read.problem);
      const definition = read.value;
      if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
        return fail(EXIT_USAGE, `${displayName(args.file)} is not a JSON object`);
      }
      let policy;
      try {
        policy = policyFor(definition, {
          stateMachineArn: args['state-machine-arn'],
          logging: args.logging,
          tracing: args.tracing,
          region: args.region,
          account: args.account,
          partition: args.partition,
        });
      } catch (error) {
        if (error instanceof PolicyError) return fail(EXIT_FAILED, error.message);
        throw error;
      }
      const document = { Version: '2012-10-17', Statement: policy.statements.map((s) => renderStatement(s, args['with-states'] ?? false)) };
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      for (const note of policy.notes) process.stderr.write(`typestep policy: note: ${note}\n`);
      setExit(EXIT_OK);
    },
  };
}
