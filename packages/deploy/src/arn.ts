import type { PayloadField } from './payload-field.js';

/** Where the state machine runs; each part may be a literal, `*`, or a `${…}` template. */
export interface ArnScope {
  partition: string;
  region: string;
  account: string;
}

/** `arn:${partition}:${service}:${region}:${account}:${resource}`, region and account left out when `global`. */
export function formatArn(scope: ArnScope, service: string, resource: string, global = false): string {
  return global ? `arn:${scope.partition}:${service}:::${resource}` : `arn:${scope.partition}:${service}:${scope.region}:${scope.account}:${resource}`;
}

/** The resources of a grant and why they are wider than one ARN, when they are. */
export interface ScopedResources {
  resources: string[];
  notes: string[];
}

/** A `${Name}` placeholder and nothing else. */
export function isPlaceholder(value: string): boolean {
  return /^\$\{[^}\s]+\}$/.test(value);
}

/**
 * Resources for the value of one payload field: `toArns` maps a literal string
 * to the ARNs it names; a value computed at run time widens to `*`, with a note
 * saying which field did it.
 */
export function scopeByField(field: PayloadField, toArns: (value: string) => string[], fallback?: string): ScopedResources {
  if (field.kind === 'literal' && typeof field.value === 'string') return { resources: toArns(field.value), notes: [] };
  if (field.kind === 'absent' && fallback !== undefined) return { resources: toArns(fallback), notes: [] };
  if (field.kind === 'computed') {
    return { resources: ['*'], notes: [`${field.field} is computed at run time (${field.expression}), so the resource cannot be narrowed`] };
  }
  return { resources: ['*'], notes: [`${field.field} is ${field.kind === 'absent' ? 'absent' : 'not a string'}, so the resource cannot be narrowed`] };
}

/** Lambda: the unqualified function ARN and `:*` for its versions and aliases, from a name, partial ARN or ARN. */
export function lambdaFunctionArns(scope: ArnScope, value: string): string[] {
  if (isPlaceholder(value)) return [value, `${value}:*`];
  const parts = value.split(':');
  let base: string;
  if (value.startsWith('arn:')) base = parts.slice(0, 7).join(':');
  else if (parts[1] === 'function') base = formatArn({ ...scope, account: parts[0]! }, 'lambda', `function:${parts[2]}`);
  else base = formatArn(scope, 'lambda', `function:${parts[0]}`);
  return [base, `${base}:*`];
}

/** DynamoDB accepts a table name or a table ARN. */
export function dynamodbTableArns(scope: ArnScope, value: string): string[] {
  return [value.startsWith('arn:') ? value : formatArn(scope, 'dynamodb', `table/${value}`)];
}

/** `https://sqs.<region>.amazonaws.com/<account>/<name>` → the queue's ARN. A placeholder URL cannot be turned into an ARN. */
export function sqsQueueArns(scope: ArnScope, value: string): string[] {
  const match = /^https?:\/\/(?:sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|[^/]+)\/(\d{12}|\$\{[^}]+\})\/([^/?#]+)$/.exec(value);
  if (!match) return ['*'];
  return [formatArn({ ...scope, region: match[1] ?? scope.region, account: match[2]! }, 'sqs', match[3]!)];
}

/** A state machine ARN → the ARN pattern of its executions (`execution:<name>:*`). */
export function executionArnsOf(scope: ArnScope, stateMachineArn: string, separator = ':'): string[] {
  const match = /^arn:([^:]+):states:([^:]*):([^:]*):stateMachine:([^:]+)/.exec(stateMachineArn);
  if (!match) return [formatArn(scope, 'states', 'execution:*')];
  return [`arn:${match[1]}:states:${match[2]}:${match[3]}:execution:${match[4]}${separator}*`];
}

/** The managed EventBridge rule Step Functions creates to learn that a `.sync` job finished. */
export function syncRuleArn(scope: ArnScope, rule: string): string {
  return formatArn(scope, 'events', `rule/${rule}`);
}
