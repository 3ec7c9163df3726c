import type { ArnScope } from './arn.js';
import { INTEGRATIONS, type Integration, type IntegrationPattern, type ServiceCall } from './integrations.js';
import { payloadOf, readField } from './payload-field.js';
import { PolicyError } from './policy-error.js';
import { walkStates } from './walk-states.js';

/** A call to a service that some state makes: a Task, or a Distributed Map's ItemReader or ResultWriter. */
export interface FoundCall {
  integration: Integration;
  call: ServiceCall;
  /** Where the Resource sits in the state: `Resource`, `ItemReader.Resource`, `ResultWriter.Resource`. */
  where: 'Task' | 'ItemReader' | 'ResultWriter';
}

/** Every service a definition calls, with its Distributed Maps and activity states. */
export interface ServiceCalls {
  calls: FoundCall[];
  /** Paths of Map states in DISTRIBUTED mode. */
  distributedMaps: string[];
  /** Paths of Task states that are activities. */
  activities: string[];
}

const BY_RESOURCE = new Map(INTEGRATIONS.map((row) => [row.resource, row]));

/** Walks `definition` and resolves every Resource against the integration table; throws a `PolicyError` naming the state for one it does not know. */
export function findServiceCalls(definition: unknown, scope: ArnScope, stateMachineArn?: string): ServiceCalls {
  const found: ServiceCalls = { calls: [], distributedMaps: [], activities: [] };
  walkStates(definition, ({ path, state, queryLanguage }) => {
    if (state.Type === 'Task') {
      const resolved = resolveCall(path, state.Resource, state, queryLanguage, { scope, stateMachineArn }, 'Task');
      if (resolved.integration.resource === 'activity') found.activities.push(path);
      else found.calls.push(resolved);
    }
    if (state.Type !== 'Map') return;
    const processor = (state.ItemProcessor ?? state.Iterator) as { ProcessorConfig?: { Mode?: unknown } } | undefined;
    if (processor?.ProcessorConfig?.Mode === 'DISTRIBUTED') found.distributedMaps.push(path);
    for (const where of ['ItemReader', 'ResultWriter'] as const) {
      const holder = state[where];
      if (holder === undefined) continue;
      if (holder === null || typeof holder !== 'object') throw new PolicyError('invalid_definition', path, `${where} is not an object`);
      const record = holder as Record<string, unknown>;
      // A ResultWriter with only a WriterConfig writes nowhere: nothing to grant.
      if (where === 'ResultWriter' && record.Resource === undefined) continue;
      found.calls.push(resolveCall(path, record.Resource, record, queryLanguage, { scope, stateMachineArn }, where));
    }
  });
  return found;
}

const OPTIMIZED = /^arn:[\w-]+:states:::([\w-]+):([A-Za-z0-9]+)((?:\.sync(?::2)?)|\.waitForTaskToken)?$/;
const SDK = /^arn:[\w-]+:states:::aws-sdk:([\w-]+):([A-Za-z0-9]+)((?:\.sync(?::2)?)|\.waitForTaskToken)?$/;
const LAMBDA_ARN = /^arn:[\w-]+:lambda:[^:]+:[^:]+:function:[^:]+(:[^:]+)?$/;
const ACTIVITY_ARN = /^arn:[\w-]+:states:[^:]+:[^:]+:activity:[^:]+$/;

/** What a Resource names: a row of the table and, for its parts, the service, action and pattern; undefined when unknown. */
export function classifyResource(
  resource: string,
  where: FoundCall['where'],
): { integration?: Integration; key: string; service: string; action: string; pattern: IntegrationPattern } | undefined {
  const sdk = SDK.exec(resource);
  const optimized = OPTIMIZED.exec(resource);
  let key: string;
  let service = '';
  let action = '';
  let pattern: IntegrationPattern = '';
  if (sdk) {
    [, service, action] = sdk as unknown as [string, string, string];
    pattern = (sdk[3] ?? '') as IntegrationPattern;
    key = 'aws-sdk';
  } else if (optimized) {
    [, service, action] = optimized as unknown as [string, string, string];
    pattern = (optimized[3] ?? '') as IntegrationPattern;
    key = where === 'Task' ? `${service}:${action}` : `${where} ${service}:${action}`;
  } else if (where === 'Task' && LAMBDA_ARN.test(resource)) {
    key = 'lambda-function-arn';
  } else if (where === 'Task' && ACTIVITY_ARN.test(resource)) {
    key = 'activity';
  } else {
    return undefined;
  }
  return { integration: BY_RESOURCE.get(key), key, service, action, pattern };
}

function resolveCall(
  path: string,
  resource: unknown,
  holder: Record<string, unknown>,
  queryLanguage: 'JSONPath' | 'JSONata',
  machine: { scope: ArnScope; stateMachineArn?: string },
  where: FoundCall['where'],
): FoundCall {
  const label = where === 'Task' ? 'Resource' : `${where}.Resource`;
  if (typeof resource !== 'string') throw new PolicyError('invalid_definition', path, `${label} is not a string`);
  const classified = classifyResource(resource, where);
  if (!classified) {
    throw new PolicyError(
      'unknown_resource',
      path,
      `${label} ${JSON.stringify(resource)} is not an integration typestep knows the IAM permissions of (known: ${[...BY_RESOURCE.keys()].filter((k) => !k.includes(' ')).join(', ')}, Lambda function ARNs, activity ARNs)`,
    );
  }
  const { integration, service, action, pattern } = classified;
  if (!integration) {
    throw new PolicyError('unknown_resource', path, `${label} ${JSON.stringify(resource)}: typestep does not know the IAM permissions of ${where === 'Task' ? '' : `a ${where} calling `}${service}:${action}`);
  }
  if (!integration.patterns.includes(pattern)) {
    throw new PolicyError('unsupported_pattern', path, `${label} ${JSON.stringify(resource)}: ${integration.resource} does not support the ${pattern || 'request-response'} pattern`);
  }
  const payload = payloadOf(holder, queryLanguage);
  const call: ServiceCall = { state: path, resource, service, action, pattern, ...machine, field: (...fieldPath) => readField(payload, fieldPath) };
  return { integration, call, where };
}
