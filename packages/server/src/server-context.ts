import { AwsApiError, type TaskService } from '@typestep/runtime';
import { parseActivityArn, parseExecutionArn, parseStateMachineArn, type ServerIdentity } from './arns.js';
import type { ExecutionHost } from './execution-host.js';
import type { RequestBody } from './request-fields.js';
import type { ActivityRow, AliasRow, ExecutionRow, MachineRow, Store, VersionRow } from './store/store.js';

/** What every operation works with. */
export interface ServerContext {
  readonly store: Store;
  readonly host: ExecutionHost;
  readonly identity: ServerIdentity;
  readonly tasks: TaskService;
  readonly mockConfig: object | undefined;
}

/** One API operation: the request body in, the response body out (or an `AwsApiError` thrown). */
export type Operation = (body: RequestBody, context: ServerContext, signal: AbortSignal) => unknown;

/** A state machine ARN resolved: the machine, and the version or alias it was qualified with. */
export interface ResolvedMachine {
  machine: MachineRow;
  version?: VersionRow;
  alias?: AliasRow;
}

export function machineDoesNotExist(arn: string): AwsApiError {
  return new AwsApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
}

/** The machine (version, alias) an ARN names; `StateMachineDoesNotExist` / `ResourceNotFound` otherwise. */
export function resolveMachine(context: ServerContext, arn: string): ResolvedMachine {
  const target = parseStateMachineArn(arn);
  const machine = context.store.machine(target.machineArn);
  if (!machine) throw machineDoesNotExist(arn);
  if (target.version !== undefined) {
    const version = context.store.version(arn);
    if (!version) throw machineDoesNotExist(arn);
    return { machine, version };
  }
  if (target.alias !== undefined) {
    const alias = context.store.alias(arn);
    if (!alias) throw new AwsApiError('ResourceNotFound', `Resource not found: '${arn}'`);
    return { machine, alias };
  }
  return { machine };
}

/** An unqualified machine ARN's row. */
export function requireMachine(context: ServerContext, arn: string): MachineRow {
  const resolved = resolveMachine(context, arn);
  if (resolved.version || resolved.alias) throw new AwsApiError('ValidationException', `This operation takes an unqualified state machine ARN, not '${arn}'`);
  return resolved.machine;
}

export function requireExecution(context: ServerContext, arn: string): ExecutionRow {
  parseExecutionArn(arn);
  const row = context.store.execution(arn);
  if (!row) throw new AwsApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  return row;
}

export function requireActivity(context: ServerContext, arn: string): ActivityRow {
  parseActivityArn(arn);
  const row = context.store.activity(arn);
  if (!row) throw new AwsApiError('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);
  return row;
}

/** Reads the JSON text of a payload field, as AWS checks it. */
export function parsePayload(text: string, code: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AwsApiError(code, `Invalid ${what}: '${(error as Error).message}'`);
  }
}

export type { RequestBody };
