/** The resources a call names, read from its payload fields, and the small grants rows are made of. */
import {
  type ScopedResources,
  formatArn,
  isPlaceholder,
  lambdaFunctionArns,
  scopeByField,
  sqsQueueArns,
  syncRuleArn,
} from './arn.js';
import type { Grant, ServiceCall } from './service-call.js';

/** Resources of several fields together; `*` swallows the rest. */
export const merge = (...parts: ScopedResources[]): ScopedResources => {
  const resources = [...new Set(parts.flatMap((p) => p.resources))];
  return { resources: resources.includes('*') ? ['*'] : resources, notes: parts.flatMap((p) => p.notes) };
};

export const grant = (actions: string[], scoped: ScopedResources): Grant =>
  scoped.notes.length > 0 ? { actions, resources: scoped.resources, notes: scoped.notes } : { actions, resources: scoped.resources };

export const everywhere = (actions: string[], note: string): Grant => ({ actions, resources: ['*'], notes: [note] });

export const syncRule = (call: ServiceCall, rule: string): Grant => ({
  actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
  resources: [syncRuleArn(call.scope, rule)],
});

export const isSync = (call: ServiceCall) => call.pattern === '.sync' || call.pattern === '.sync:2';

/** A job-running call: `start`, and for `.sync` the `watch` actions on `*` (AWS requires it: the job's ID is unknown until it starts) and the managed rule. */
export const runsJob = (call: ServiceCall, start: Grant[], watch: string[], rule: string): Grant[] =>
  isSync(call) ? [...start, everywhere(watch, 'AWS requires *: the ID is unknown before the job starts'), syncRule(call, rule)] : start;

export const lambdaFunction = (call: ServiceCall) => scopeByField(call.field('FunctionName'), (v) => lambdaFunctionArns(call.scope, v));

export const stateMachine = (call: ServiceCall) => scopeByField(call.field('StateMachineArn'), (v) => [v]);

export function sqsQueue(call: ServiceCall): ScopedResources {
  const scoped = scopeByField(call.field('QueueUrl'), (v) => sqsQueueArns(call.scope, v));
  const url = call.field('QueueUrl');
  if (scoped.notes.length === 0 && scoped.resources[0] === '*' && url.kind === 'literal') {
    const why = isPlaceholder(String(url.value)) ? 'is a placeholder for a URL' : 'is not an SQS queue URL';
    return { resources: ['*'], notes: [`${url.field} ${why}; a queue's ARN cannot be made from it, so scope this statement by hand`] };
  }
  return scoped;
}

export function s3Bucket(call: ServiceCall, objects: boolean): ScopedResources {
  const bucket = call.field('Bucket');
  const key = objects ? call.field('Key') : undefined;
  return scopeByField(bucket, (name) => {
    if (!objects) return [formatArn(call.scope, 's3', name, true)];
    const prefix = call.field('Prefix');
    if (key?.kind === 'literal' && typeof key.value === 'string') return [formatArn(call.scope, 's3', `${name}/${key.value}`, true)];
    if (prefix.kind === 'literal' && typeof prefix.value === 'string') return [formatArn(call.scope, 's3', `${name}/${prefix.value}*`, true)];
    return [formatArn(call.scope, 's3', `${name}/*`, true)];
  });
}

export function eventBuses(call: ServiceCall): ScopedResources {
  const entries = call.field('Entries');
  if (entries.kind !== 'literal' || !Array.isArray(entries.value)) return scopeByField(entries, () => ['*']);
  const toArns = (bus: string) => [bus.startsWith('arn:') ? bus : formatArn(call.scope, 'events', `event-bus/${bus}`)];
  // An entry without EventBusName goes to the default bus.
  return merge(...entries.value.map((_, index) => scopeByField(call.field('Entries', String(index), 'EventBusName'), toArns, 'default')));
}

/** ECS task definition: family, family:revision or ARN. */
export function ecsTaskDefinition(call: ServiceCall): ScopedResources {
  return scopeByField(call.field('TaskDefinition'), (v) => {
    if (v.startsWith('arn:') || isPlaceholder(v)) return [v];
    return [formatArn(call.scope, 'ecs', `task-definition/${v.includes(':') ? v : `${v}:*`}`)];
  });
}

/** Batch job queues and definitions: a name (definition: name[:revision]) or an ARN. */
export function batchResource(call: ServiceCall, field: string, type: 'job-queue' | 'job-definition'): ScopedResources {
  return scopeByField(call.field(field), (v) => {
    if (v.startsWith('arn:') || isPlaceholder(v)) return [v];
    return [formatArn(call.scope, 'batch', `${type}/${type === 'job-definition' && !v.includes(':') ? `${v}:*` : v}`)];
  });
}

export function athenaWorkGroup(call: ServiceCall): ScopedResources {
  return scopeByField(call.field('WorkGroup'), (v) => [formatArn(call.scope, 'athena', `workgroup/${v}`)], 'primary');
}
