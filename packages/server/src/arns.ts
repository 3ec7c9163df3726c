import { AwsApiError } from '@typestep/runtime';

/** The account and region every ARN of a server names. */
export interface ServerIdentity {
  partition: string;
  region: string;
  account: string;
}

/**
 * What a state machine ARN points at: the machine itself, one of its
 * versions (`…:stateMachine:<name>:<n>`) or an alias (`…:<name>:<alias>`).
 * `machineArn` is always the unqualified ARN.
 */
export interface StateMachineTarget {
  machineArn: string;
  name: string;
  version?: number;
  alias?: string;
}

const ARN = /^arn:([a-z-]+):states:([a-z0-9-]+):(\d{12}):([a-zA-Z]+):(.+)$/;

function prefix(identity: ServerIdentity): string {
  return `arn:${identity.partition}:states:${identity.region}:${identity.account}`;
}

export function stateMachineArn(identity: ServerIdentity, name: string): string {
  return `${prefix(identity)}:stateMachine:${name}`;
}

export function activityArn(identity: ServerIdentity, name: string): string {
  return `${prefix(identity)}:activity:${name}`;
}

/** Standard executions are `:execution:<machine>:<name>`; Express ones `:express:<machine>:<name>:<id>`. */
export function executionArn(identity: ServerIdentity, machineName: string, name: string, express: boolean, id = name): string {
  return express ? `${prefix(identity)}:express:${machineName}:${name}:${id}` : `${prefix(identity)}:execution:${machineName}:${name}`;
}

/** `InvalidArn`, worded as AWS words it. */
export function invalidArn(arn: unknown, why = 'Resource type not valid in this context'): AwsApiError {
  return new AwsApiError('InvalidArn', `Invalid Arn: '${why}: ${String(arn)}'`);
}

/** The resource type and path of one of this server's ARNs; `InvalidArn` otherwise. */
export function parseArn(arn: string, types: readonly string[]): { type: string; parts: string[]; prefix: string } {
  const match = typeof arn === 'string' ? ARN.exec(arn) : null;
  if (!match) throw invalidArn(arn, 'Invalid ARN prefix');
  const [, partition, region, account, type, path] = match as unknown as [string, string, string, string, string, string];
  if (!types.includes(type)) throw invalidArn(arn);
  // ARNs of another account or region are well formed; they just name nothing stored here.
  return { type, parts: path.split(':'), prefix: `arn:${partition}:states:${region}:${account}` };
}

/** Reads a state machine, version or alias ARN. */
export function parseStateMachineArn(arn: string): StateMachineTarget {
  const { parts, prefix } = parseArn(arn, ['stateMachine']);
  const [name, qualifier, ...rest] = parts as [string, string | undefined];
  if (!name || rest.length > 0 || qualifier === '') throw invalidArn(arn);
  const machineArn = `${prefix}:stateMachine:${name}`;
  if (qualifier === undefined) return { machineArn, name };
  if (/^\d+$/.test(qualifier)) return { machineArn, name, version: Number(qualifier) };
  return { machineArn, name, alias: qualifier };
}

/** The machine name of an execution ARN (Standard or Express). */
export function parseExecutionArn(arn: string): { machineName: string; name: string } {
  const { type, parts } = parseArn(arn, ['execution', 'express']);
  if (parts.length !== (type === 'express' ? 3 : 2) || parts.some((part) => part === '')) throw invalidArn(arn);
  return { machineName: parts[0]!, name: parts[1]! };
}

/** Checks an activity ARN's shape. */
export function parseActivityArn(arn: string): string {
  const { parts } = parseArn(arn, ['activity']);
  if (parts.length !== 1 || parts[0] === '') throw invalidArn(arn);
  return parts[0]!;
}
