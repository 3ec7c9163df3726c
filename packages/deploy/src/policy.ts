import type { ArnScope } from './arn.js';
import { LOGGING_GRANT, TRACING_GRANT, distributedMapGrants, type Grant } from './integrations.js';
import { findServiceCalls } from './service-calls.js';

/** One statement of a state machine's policy, with the states that need it. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  /** Paths of the states that need this statement: `Charge`, `Fan out/Resize`. */
  states: string[];
  /** Why a resource is wider than one ARN (`*`), when it is. */
  notes?: string[];
}

/** Options of {@link policyFor}. */
export interface PolicyOptions {
  /** The machine's own ARN, for a Distributed Map (it starts executions of its own machine). */
  stateMachineArn?: string;
  /** Add CloudWatch Logs delivery permissions (the machine has a LoggingConfiguration). */
  logging?: boolean;
  /** Add X-Ray permissions (the machine has TracingConfiguration enabled). */
  tracing?: boolean;
  /** Partition of ARNs typestep builds; default `aws`. */
  partition?: string;
  /** Region of ARNs typestep builds from names (tables, jobs…); default `*`. */
  region?: string;
  /** Account of ARNs typestep builds from names; default `*`. */
  account?: string;
}

/** The result of {@link policyFor}. */
export interface Policy {
  statements: PolicyStatement[];
  /** Things the role does not cover and a person should know (activities). */
  notes: string[];
}

/**
 * The IAM permissions the role of a state machine running `definition` needs:
 * one statement per set of actions, listing the states that need it.
 * Throws a `PolicyError` naming the state for a Resource it does not know.
 *
 * @example
 * const { statements } = policyFor(JSON.parse(aslText), { region: 'eu-west-1', account: '123456789012' });
 * // [{ Sid: 'LambdaInvokeFunction', Effect: 'Allow', Action: ['lambda:InvokeFunction'],
 * //    Resource: ['${ChargeArn}', '${ChargeArn}:*'], states: ['Charge'] }]
 */
export function policyFor(definition: object, options: PolicyOptions = {}): Policy {
  const scope: ArnScope = { partition: options.partition ?? 'aws', region: options.region ?? '*', account: options.account ?? '*' };
  const { calls, distributedMaps, activities } = findServiceCalls(definition, scope, options.stateMachineArn);
  const grants: Array<{ grant: Grant; state?: string }> = [];
  for (const { integration, call } of calls) for (const grant of integration.grants(call)) grants.push({ grant, state: call.state });
  for (const state of distributedMaps) for (const grant of distributedMapGrants(scope, options.stateMachineArn)) grants.push({ grant, state });
  if (options.tracing) grants.push({ grant: TRACING_GRANT });
  if (options.logging) grants.push({ grant: LOGGING_GRANT });
  const notes = activities.map(
    (state) =>
      `${state} is an activity: the state machine's role needs nothing for it; the worker's own credentials need states:GetActivityTask, states:SendTaskSuccess, states:SendTaskFailure and states:SendTaskHeartbeat`,
  );
  return { statements: mergeGrants(grants), notes };
}

/** One statement per distinct set of actions: resources, states and notes are unions; `*` swallows the other resources. */
function mergeGrants(grants: Array<{ grant: Grant; state?: string }>): PolicyStatement[] {
  const byActions = new Map<string, PolicyStatement>();
  for (const { grant, state } of grants) {
    const actions = [...new Set(grant.actions)];
    const key = [...actions].sort().join(',');
    let statement = byActions.get(key);
    if (!statement) {
      statement = { Sid: '', Effect: 'Allow', Action: actions, Resource: [], states: [] };
      byActions.set(key, statement);
    }
    for (const resource of grant.resources) if (!statement.Resource.includes(resource)) statement.Resource.push(resource);
    if (state !== undefined && !statement.states.includes(state)) statement.states.push(state);
    for (const note of grant.notes ?? []) {
      statement.notes ??= [];
      if (!statement.notes.includes(note)) statement.notes.push(note);
    }
  }
  const statements = [...byActions.values()];
  const sids = new Map<string, number>();
  for (const statement of statements) {
    if (statement.Resource.includes('*')) statement.Resource = ['*'];
    const base = sidOf(statement.Action[0]!);
    const count = (sids.get(base) ?? 0) + 1;
    sids.set(base, count);
    statement.Sid = count === 1 ? base : `${base}${count}`;
  }
  return statements;
}

/** `lambda:InvokeFunction` → `LambdaInvokeFunction` (a Sid is alphanumeric). */
function sidOf(action: string): string {
  return action
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** An IAM policy document. */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Array<Omit<PolicyStatement, 'states' | 'notes'> & Partial<Pick<PolicyStatement, 'states' | 'notes'>>>;
}

/**
 * The policy of `definition` as an IAM policy document, ready for a role;
 * `withStates: true` keeps each statement's `states` and `notes` (not valid IAM, for reading).
 *
 * @example
 * policyDocument(definition, { stateMachineArn }) // { Version: '2012-10-17', Statement: [...] }
 */
export function policyDocument(definition: object, options: PolicyOptions & { withStates?: boolean } = {}): PolicyDocument {
  const { statements } = policyFor(definition, options);
  return { Version: '2012-10-17', Statement: statements.map((s) => renderStatement(s, options.withStates ?? false)) };
}

/** A statement for IAM: without typestep's `states` and `notes` unless asked to keep them. */
export function renderStatement(statement: PolicyStatement, withStates = false): PolicyDocument['Statement'][number] {
  const { states, notes, ...iam } = statement;
  return withStates ? { ...iam, states, ...(notes ? { notes } : {}) } : iam;
}
