import { randomUUID } from 'node:crypto';
import { AwsApiError, MockConfigError, StateMachine, StatesError, type ChildExecution, type ChildExecutionRequest } from '@typestep/runtime';
import { executionArn, parseStateMachineArn } from '../arns.js';
import { boundedString, checkName, defined, epochSeconds, optionalString, payloadField, readPage, requiredString } from '../request-fields.js';
import { parsePayload, requireExecution, resolveMachine, type Operation, type ServerContext } from '../server-context.js';
import type { ExecutionRow } from '../store/store.js';
import { findMapRun } from './map-runs.js';
import { routeAlias } from './versions-and-aliases.js';

/** The ARN's `#TestCase` suffix (Step Functions Local's way of choosing a mock test case), split off. */
function splitTestCase(context: ServerContext, arn: string): { arn: string; testCase: string | null } {
  const hash = arn.indexOf('#');
  if (hash < 0) return { arn, testCase: null };
  const testCase = arn.slice(hash + 1);
  if (!context.mockConfig) {
    throw new AwsApiError('ValidationException', `'${arn}' names the mock test case '${testCase}', but typestep serve was started without a mock configuration (--mock-config)`);
  }
  return { arn: arn.slice(0, hash), testCase };
}

/** What an execution is about to run: the definition of the machine, version or alias version it was started through. */
function executionSource(context: ServerContext, arn: string) {
  const { machine, version, alias } = resolveMachine(context, arn);
  const versionRow = alias ? context.store.version(routeAlias(alias.routing)) : version;
  const source = versionRow ?? machine;
  return { machine, versionArn: versionRow?.arn ?? null, aliasArn: alias?.arn ?? null, definition: source.definition, roleArn: source.role_arn };
}

const PLACEHOLDER_DEFINITION = { StartAt: 'A', States: { A: { Type: 'Succeed' } } };

/** Checks that the test case exists in the mock configuration before anything is recorded. */
function checkTestCase(context: ServerContext, machineName: string, testCase: string | null): void {
  if (testCase === null) return;
  try {
    // Constructing a machine with `mocks` selects the test case, and throws for one that is not there.
    new StateMachine(PLACEHOLDER_DEFINITION, { name: machineName, mocks: { config: context.mockConfig!, testCase, stateMachineName: machineName } });
  } catch (error) {
    if (error instanceof MockConfigError) throw new AwsApiError('ValidationException', error.message);
    throw error;
  }
}

const startExecution: Operation = (body, context) => {
  const { arn: machineArnGiven, testCase } = splitTestCase(context, requiredString(body, 'stateMachineArn'));
  const name = optionalString(body, 'name') ?? randomUUID();
  const input = payloadField(body, 'input') ?? '{}';
  const { row } = beginExecution(context, machineArnGiven, testCase, name, input);
  return { executionArn: row.arn, startDate: epochSeconds(row.started_at) };
};

/**
 * Starts (and commits) a Standard or Express execution of the machine,
 * version or alias `machineArnGiven`; as on AWS, the same name and input
 * as a RUNNING execution is that execution, and `execution` is then absent
 * when it does not run in this process yet.
 */
function beginExecution(context: ServerContext, machineArnGiven: string, testCase: string | null, name: string, input: string, startedAt = Date.now()) {
  const source = executionSource(context, machineArnGiven);
  checkName(name);
  parsePayload(input, 'InvalidExecutionInput', 'State Machine Execution Input');
  checkTestCase(context, source.machine.name, testCase);
  const express = source.machine.type === 'EXPRESS';
  const arn = executionArn(context.identity, source.machine.name, name, express, express ? randomUUID() : name);
  const existing = express ? undefined : context.store.execution(arn);
  if (existing) {
    // AWS's idempotency: the same name and input while it runs is the same execution.
    if (existing.status === 'RUNNING' && existing.input === input) return { row: existing, machineArn: source.machine.arn, existing: true };
    throw new AwsApiError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
  }
  const row = {
    arn,
    machine_arn: source.machine.arn,
    version_arn: source.versionArn,
    alias_arn: source.aliasArn,
    name,
    type: source.machine.type,
    definition: source.definition,
    role_arn: source.roleArn,
    test_case: testCase,
    input,
    started_at: startedAt,
  };
  const execution = context.host.start(row);
  // Committed before the answer: an acknowledged start survives kill -9.
  context.store.insertExecution(row, context.host.startedEvent(execution, row));
  void context.host.track(arn, execution, 1);
  return { row, machineArn: source.machine.arn, existing: false };
}

/**
 * A `states:startExecution` task's child, started as an execution of this
 * server (kept, listed, described, with its own history). A resumed parent
 * asks again for a child it had started: the child, RUNNING in the store,
 * is that execution (resumed now if the restart has not reached it yet).
 * AWS's refusals fail the parent's task as `StepFunctions.<Name>Exception`.
 */
export function startChildExecution(context: ServerContext, request: ChildExecutionRequest): ChildExecution | undefined {
  let begun: ReturnType<typeof beginExecution>;
  try {
    begun = beginExecution(context, request.stateMachineArn, null, request.name ?? randomUUID(), JSON.stringify(request.input ?? {}), request.startTime);
  } catch (error) {
    if (!(error instanceof AwsApiError)) throw error;
    if (error.name === 'StateMachineDoesNotExist') return undefined;
    const name = error.name.endsWith('Exception') ? error.name : `${error.name}Exception`;
    throw new StatesError(`StepFunctions.${name}`, error.message);
  }
  const { row, machineArn } = begun;
  if (!context.host.isRunning(row.arn)) context.host.resume(row as ExecutionRow, context.store.events(row.arn), context.store.taskHeartbeats());
  const execution = context.host.execution(row.arn);
  if (!execution) throw new StatesError('States.Runtime', `typestep serve could not continue the child execution '${row.arn}'`);
  return {
    executionArn: row.arn,
    stateMachineArn: machineArn,
    result: execution.result,
    get history() {
      return execution.history;
    },
  };
}

const startSyncExecution: Operation = async (body, context) => {
  const { arn: machineArnGiven, testCase } = splitTestCase(context, requiredString(body, 'stateMachineArn'));
  const source = executionSource(context, machineArnGiven);
  if (source.machine.type !== 'EXPRESS') {
    throw new AwsApiError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
  }
  const name = optionalString(body, 'name') ?? randomUUID();
  checkName(name);
  const input = payloadField(body, 'input') ?? '{}';
  parsePayload(input, 'InvalidExecutionInput', 'State Machine Execution Input');
  checkTestCase(context, source.machine.name, testCase);
  const arn = executionArn(context.identity, source.machine.name, name, true, randomUUID());
  // Synchronous Express executions are not kept (AWS does not list them either).
  const execution = context.host.start({ arn, name, machine_arn: source.machine.arn, type: 'EXPRESS', definition: source.definition, role_arn: source.roleArn, test_case: testCase, input, started_at: Date.now() });
  const result = await execution.result;
  const history = execution.history;
  const startDate = history[0]!.timestamp.getTime();
  const stopDate = history[history.length - 1]!.timestamp.getTime();
  return defined({
    executionArn: arn,
    stateMachineArn: source.versionArn ?? source.machine.arn,
    name,
    startDate: epochSeconds(startDate),
    stopDate: epochSeconds(stopDate),
    status: result.status,
    error: result.status === 'SUCCEEDED' ? undefined : result.error,
    cause: result.status === 'SUCCEEDED' ? undefined : result.cause,
    input,
    inputDetails: { included: true },
    output: result.status === 'SUCCEEDED' ? JSON.stringify(result.output ?? null) : undefined,
    outputDetails: result.status === 'SUCCEEDED' ? { included: true } : undefined,
    billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.max(100, Math.ceil((stopDate - startDate) / 100) * 100) },
  });
};

const CLOSED_REDRIVABLE = new Set(['FAILED', 'ABORTED', 'TIMED_OUT']);

function describe(row: ExecutionRow) {
  return defined({
    executionArn: row.arn,
    stateMachineArn: row.version_arn ?? row.machine_arn,
    name: row.name,
    status: row.status,
    startDate: epochSeconds(row.started_at),
    stopDate: row.stopped_at === null ? undefined : epochSeconds(row.stopped_at),
    input: row.input,
    inputDetails: { included: true },
    output: row.output ?? undefined,
    outputDetails: row.output === null ? undefined : { included: true },
    error: row.error ?? undefined,
    cause: row.cause ?? undefined,
    stateMachineVersionArn: row.version_arn ?? undefined,
    stateMachineAliasArn: row.alias_arn ?? undefined,
    redriveCount: row.redrive_count,
    redriveDate: row.redriven_at === null ? undefined : epochSeconds(row.redriven_at),
    redriveStatus: row.type === 'STANDARD' && CLOSED_REDRIVABLE.has(row.status) ? 'REDRIVABLE' : 'NOT_REDRIVABLE',
    redriveStatusReason: row.status === 'RUNNING' ? 'Execution is RUNNING and cannot be redriven' : row.status === 'SUCCEEDED' ? 'Execution is SUCCEEDED and cannot be redriven' : undefined,
  });
}

const STATUSES = new Set(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']);

/** The fields every ListExecutions item has, whichever table the execution is listed from. */
function executionListItem(
  executionArn: string,
  stateMachineArn: string,
  row: { name: string; status: string; started_at: number; stopped_at: number | null },
) {
  return {
    executionArn,
    stateMachineArn,
    name: row.name,
    status: row.status,
    startDate: epochSeconds(row.started_at),
    stopDate: row.stopped_at === null ? undefined : epochSeconds(row.stopped_at),
  };
}

/** ListExecutions with a `mapRunArn`: the Map Run's child executions, by item index. */
function listMapRunChildren(context: ServerContext, body: Record<string, unknown>, mapRunArn: string, status: string | undefined) {
  context.store.flush();
  findMapRun(context, mapRunArn);
  const page = readPage(body, `ListExecutions:${mapRunArn}:${status ?? ''}`, (limit, offset) => context.store.mapRunChildren(mapRunArn, status, limit, offset));
  return defined({
    executions: page.items.map((row) =>
      defined({ ...executionListItem(row.execution_arn, row.state_machine_arn, row), mapRunArn: row.map_run_arn }),
    ),
    nextToken: page.nextToken,
  });
}

const listExecutions: Operation = (body, context) => {
  const machineArn = optionalString(body, 'stateMachineArn');
  const mapRunArn = optionalString(body, 'mapRunArn');
  if ((machineArn === undefined) === (mapRunArn === undefined)) {
    throw new AwsApiError('ValidationException', 'Exactly one of stateMachineArn and mapRunArn must be given');
  }
  const status = optionalString(body, 'statusFilter');
  if (status !== undefined && !STATUSES.has(status)) {
    throw new AwsApiError('ValidationException', `1 validation error detected: Value '${status}' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [${[...STATUSES].join(', ')}]`);
  }
  if (mapRunArn !== undefined) return listMapRunChildren(context, body, mapRunArn, status);
  const target = parseStateMachineArn(machineArn!);
  resolveMachine(context, machineArn!);
  const redrive = optionalString(body, 'redriveFilter');
  const column = target.version !== undefined ? 'version_arn' : target.alias !== undefined ? 'alias_arn' : 'machine_arn';
  const filter = { column, arn: machineArn!, status, redriven: redrive === 'REDRIVEN' ? true : redrive === 'NOT_REDRIVEN' ? false : undefined } as const;
  const page = readPage(body, `ListExecutions:${JSON.stringify(filter)}`, (limit, offset) => context.store.executions(filter, limit, offset));
  return defined({
    executions: page.items.map((row) =>
      defined({
        ...executionListItem(row.arn, row.machine_arn, row),
        stateMachineVersionArn: row.version_arn ?? undefined,
        stateMachineAliasArn: row.alias_arn ?? undefined,
        redriveCount: row.redrive_count,
        redriveDate: row.redriven_at === null ? undefined : epochSeconds(row.redriven_at),
      }),
    ),
    nextToken: page.nextToken,
  });
};

/** Details fields that carry execution data, left out when `includeExecutionData` is false. */
const DATA_FIELDS = new Set(['input', 'output', 'parameters', 'assignedVariables']);

const getExecutionHistory: Operation = (body, context) => {
  const row = requireExecution(context, requiredString(body, 'executionArn'));
  const reverse = body.reverseOrder === true;
  const includeData = body.includeExecutionData !== false;
  const events = context.store.events(row.arn);
  if (reverse) events.reverse();
  const page = readPage(body, `GetExecutionHistory:${row.arn}:${reverse}`, (limit, offset) => events.slice(offset, offset + limit));
  return defined({
    events: page.items.map((event) => {
      const out: Record<string, unknown> = { ...event, timestamp: epochSeconds(event.timestamp.getTime()) };
      if (!includeData) {
        for (const key of Object.keys(out)) {
          if (!key.endsWith('EventDetails')) continue;
          const details = { ...(out[key] as Record<string, unknown>) };
          for (const field of DATA_FIELDS) delete details[field];
          out[key] = details;
        }
      }
      return out;
    }),
    nextToken: page.nextToken,
  });
};

const stopExecution: Operation = async (body, context) => {
  const row = requireExecution(context, requiredString(body, 'executionArn'));
  const error = boundedString(body, 'error', 256);
  const cause = boundedString(body, 'cause', 32768);
  if (row.status === 'RUNNING' && context.host.isRunning(row.arn)) await context.host.stop(row.arn, defined({ error, cause }));
  context.store.flush();
  const after = context.store.execution(row.arn)!;
  return { stopDate: epochSeconds(after.stopped_at ?? Date.now()) };
};

const redriveExecution: Operation = (body, context) => {
  const row = requireExecution(context, requiredString(body, 'executionArn'));
  if (row.type !== 'STANDARD' || !CLOSED_REDRIVABLE.has(row.status)) {
    throw new AwsApiError('ExecutionNotRedrivable', `Execution cannot be redriven: '${row.arn}' is ${row.status}${row.type === 'EXPRESS' ? ' (an Express execution)' : ''}`);
  }
  const events = context.store.events(row.arn);
  const now = Date.now();
  context.host.redrive(row, events, now);
  return { redriveDate: epochSeconds(now) };
};

/** Executions and their histories, by operation name. */
export const executionOperations: Record<string, Operation> = {
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  DescribeExecution: (body, context) => describe(requireExecution(context, requiredString(body, 'executionArn'))),
  ListExecutions: listExecutions,
  GetExecutionHistory: getExecutionHistory,
  StopExecution: stopExecution,
  RedriveExecution: redriveExecution,
};
