import { AwsApiError } from '@typestep/runtime';
import { parseArn, parseStateMachineArn } from '../arns.js';
import { checkName, defined, epochSeconds, optionalArray, optionalString, readPage, requiredString } from '../request-fields.js';
import { machineDoesNotExist, requireMachine, resolveMachine, type Operation, type ServerContext } from '../server-context.js';
import type { MachineRow, VersionRow } from '../store/store.js';

/**
 * Publishes the machine's current revision as its next version, inside the
 * caller's transaction. As on AWS, a revision already published is not
 * published again: its version is returned.
 */
export function publishVersion(context: ServerContext, machine: MachineRow, description: string | undefined): VersionRow {
  const last = context.store.lastVersion(machine.arn);
  if (last && last.revision_id === machine.revision_id) return last;
  const number = context.store.maxVersion(machine.arn) + 1;
  const row: VersionRow = {
    arn: `${machine.arn}:${number}`,
    machine_arn: machine.arn,
    version: number,
    definition: machine.definition,
    role_arn: machine.role_arn,
    revision_id: machine.revision_id,
    description: description ?? null,
    created_at: Date.now(),
  };
  context.store.insertVersion(row);
  return row;
}

/** `[{ key, value }]` tags from a request, checked. */
export function tagsOf(list: unknown[] | undefined): Array<{ key: string; value: string }> {
  return (list ?? []).map((tag) => {
    const { key, value } = (tag ?? {}) as { key?: unknown; value?: unknown };
    if (typeof key !== 'string' || key.length === 0 || key.length > 128) throw new AwsApiError('ValidationException', `Invalid tag key: '${String(key)}'`);
    if (value !== undefined && typeof value !== 'string') throw new AwsApiError('ValidationException', `Invalid tag value for '${key}'`);
    return { key, value: value ?? '' };
  });
}

/** The routing of an alias: one or two versions of its machine, weights adding up to 100. */
function checkRouting(context: ServerContext, machineArn: string | undefined, list: unknown[] | undefined): Array<{ stateMachineVersionArn: string; weight: number }> {
  if (!list || list.length === 0 || list.length > 2) {
    throw new AwsApiError('ValidationException', 'routingConfiguration must list one or two versions');
  }
  const routes = list.map((entry) => {
    const { stateMachineVersionArn: arn, weight } = (entry ?? {}) as { stateMachineVersionArn?: unknown; weight?: unknown };
    if (typeof arn !== 'string') throw new AwsApiError('ValidationException', 'Each route needs a stateMachineVersionArn');
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > 100) throw new AwsApiError('ValidationException', 'Each route needs a weight from 0 to 100');
    const target = parseStateMachineArn(arn);
    if (target.version === undefined) throw new AwsApiError('ValidationException', `'${arn}' is not a state machine version ARN`);
    if (!context.store.version(arn)) throw machineDoesNotExist(arn);
    if (machineArn !== undefined && target.machineArn !== machineArn) throw new AwsApiError('ValidationException', `Version '${arn}' belongs to another state machine`);
    return { stateMachineVersionArn: arn, weight };
  });
  if (routes.reduce((sum, route) => sum + route.weight, 0) !== 100) throw new AwsApiError('ValidationException', 'The weights of routingConfiguration must add up to 100');
  if (routes.length === 2 && routes[0]!.stateMachineVersionArn === routes[1]!.stateMachineVersionArn) {
    throw new AwsApiError('ValidationException', 'routingConfiguration lists the same version twice');
  }
  return routes;
}

/** Picks a version of an alias by its weights. */
export function routeAlias(routing: string): string {
  const routes = JSON.parse(routing) as Array<{ stateMachineVersionArn: string; weight: number }>;
  let roll = Math.random() * 100;
  for (const route of routes) {
    roll -= route.weight;
    if (roll < 0) return route.stateMachineVersionArn;
  }
  return routes[routes.length - 1]!.stateMachineVersionArn;
}

function aliasArnOf(arn: string): { machineArn: string; aliasArn: string } {
  const target = parseStateMachineArn(arn);
  if (target.alias === undefined) throw new AwsApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
  return { machineArn: target.machineArn, aliasArn: arn };
}

function requireAlias(context: ServerContext, arn: string) {
  aliasArnOf(arn);
  const alias = context.store.alias(arn);
  if (!alias) throw new AwsApiError('ResourceNotFound', `Resource not found: '${arn}'`);
  return alias;
}

/** Resources that can carry tags: machines, aliases and activities. */
function requireTaggable(context: ServerContext, arn: string): void {
  const { type } = parseArn(arn, ['stateMachine', 'activity']);
  const found = type === 'activity' ? context.store.activity(arn) : parseStateMachineArn(arn).alias ? context.store.alias(arn) : context.store.machine(arn);
  if (!found) throw new AwsApiError('ResourceNotFound', `Resource not found: '${arn}'`);
}

/** Versions, aliases and tags, by operation name. */
export const versionAndAliasOperations: Record<string, Operation> = {
  PublishStateMachineVersion: (body, context) => {
    const machine = requireMachine(context, requiredString(body, 'stateMachineArn'));
    const revisionId = optionalString(body, 'revisionId');
    if (revisionId !== undefined && revisionId !== machine.revision_id) {
      throw new AwsApiError('ConflictException', `Failed to publish the State Machine version for revision ${revisionId}. The current State Machine revision is ${machine.revision_id}.`);
    }
    const version = context.store.transaction(() => publishVersion(context, machine, optionalString(body, 'description')));
    return { creationDate: epochSeconds(version.created_at), stateMachineVersionArn: version.arn };
  },
  ListStateMachineVersions: (body, context) => {
    const machine = requireMachine(context, requiredString(body, 'stateMachineArn'));
    const page = readPage(body, `ListStateMachineVersions:${machine.arn}`, (limit, offset) => context.store.versions(machine.arn, limit, offset));
    return defined({
      stateMachineVersions: page.items.map((row) => ({ stateMachineVersionArn: row.arn, creationDate: epochSeconds(row.created_at) })),
      nextToken: page.nextToken,
    });
  },
  DeleteStateMachineVersion: (body, context) => {
    const arn = requiredString(body, 'stateMachineVersionArn');
    const target = parseStateMachineArn(arn);
    if (target.version === undefined) throw new AwsApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
    const using = context.store.aliases(target.machineArn).find((alias) => alias.routing.includes(`"${arn}"`));
    if (using) {
      throw new AwsApiError('ConflictException', `Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [${using.name}]`);
    }
    context.store.deleteVersion(arn);
    return {};
  },
  CreateStateMachineAlias: (body, context) => {
    const name = requiredString(body, 'name');
    checkName(name);
    if (/^\d+$/.test(name)) throw new AwsApiError('InvalidName', `Invalid Name: '${name}' (an alias name cannot be a number)`);
    const routing = checkRouting(context, undefined, optionalArray(body, 'routingConfiguration'));
    const machineArn = parseStateMachineArn(routing[0]!.stateMachineVersionArn).machineArn;
    if (routing.some((route) => parseStateMachineArn(route.stateMachineVersionArn).machineArn !== machineArn)) {
      throw new AwsApiError('ValidationException', 'The versions of an alias must belong to one state machine');
    }
    const arn = `${machineArn}:${name}`;
    const existing = context.store.alias(arn);
    const description = optionalString(body, 'description') ?? null;
    if (existing) {
      if (existing.routing === JSON.stringify(routing) && existing.description === description) return { stateMachineAliasArn: arn, creationDate: epochSeconds(existing.created_at) };
      throw new AwsApiError('ConflictException', `Alias already exists: '${arn}'`);
    }
    const now = Date.now();
    context.store.insertAlias({ arn, machine_arn: machineArn, name, description, routing: JSON.stringify(routing), created_at: now, updated_at: null });
    return { stateMachineAliasArn: arn, creationDate: epochSeconds(now) };
  },
  DescribeStateMachineAlias: (body, context) => {
    const alias = requireAlias(context, requiredString(body, 'stateMachineAliasArn'));
    return defined({
      stateMachineAliasArn: alias.arn,
      name: alias.name,
      description: alias.description ?? undefined,
      routingConfiguration: JSON.parse(alias.routing),
      creationDate: epochSeconds(alias.created_at),
      updateDate: alias.updated_at === null ? undefined : epochSeconds(alias.updated_at),
    });
  },
  UpdateStateMachineAlias: (body, context) => {
    const alias = requireAlias(context, requiredString(body, 'stateMachineAliasArn'));
    const description = optionalString(body, 'description');
    const list = optionalArray(body, 'routingConfiguration');
    if (description === undefined && list === undefined) {
      throw new AwsApiError('ValidationException', 'Either the description or the routingConfiguration must be specified');
    }
    const routing = list === undefined ? alias.routing : JSON.stringify(checkRouting(context, alias.machine_arn, list));
    const now = Date.now();
    context.store.updateAlias({ arn: alias.arn, description: description ?? alias.description, routing, updated_at: now });
    return { updateDate: epochSeconds(now) };
  },
  DeleteStateMachineAlias: (body, context) => {
    const arn = requiredString(body, 'stateMachineAliasArn');
    aliasArnOf(arn);
    if (!context.store.alias(arn)) throw new AwsApiError('ResourceNotFound', `Resource not found: '${arn}'`);
    context.store.deleteAlias(arn);
    return {};
  },
  ListStateMachineAliases: (body, context) => {
    const arn = requiredString(body, 'stateMachineArn');
    const { machine } = resolveMachine(context, arn);
    const page = readPage(body, `ListStateMachineAliases:${machine.arn}`, (limit, offset) => context.store.aliases(machine.arn, limit, offset));
    return defined({
      stateMachineAliases: page.items.map((row) => ({ stateMachineAliasArn: row.arn, creationDate: epochSeconds(row.created_at) })),
      nextToken: page.nextToken,
    });
  },
  TagResource: (body, context) => {
    const arn = requiredString(body, 'resourceArn');
    requireTaggable(context, arn);
    context.store.putTags(arn, tagsOf(optionalArray(body, 'tags')));
    return {};
  },
  UntagResource: (body, context) => {
    const arn = requiredString(body, 'resourceArn');
    requireTaggable(context, arn);
    const keys = optionalArray(body, 'tagKeys') ?? [];
    if (keys.some((key) => typeof key !== 'string')) throw new AwsApiError('SerializationException', `'tagKeys' must be a list of strings`);
    context.store.deleteTags(arn, keys as string[]);
    return {};
  },
  ListTagsForResource: (body, context) => {
    const arn = requiredString(body, 'resourceArn');
    requireTaggable(context, arn);
    return { tags: context.store.tags(arn) };
  },
};
