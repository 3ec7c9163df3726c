import { randomUUID } from 'node:crypto';
import { AwsApiError } from '@typestep/runtime';
import { parseStateMachineArn, stateMachineArn } from '../arns.js';
import { awsCodeOf, checkDefinition, definitionProblems } from '../definition-check.js';
import {
  checkName,
  defined,
  epochSeconds,
  optionalArray,
  optionalBoolean,
  optionalObject,
  optionalString,
  readPage,
  requiredString,
  type RequestBody,
} from '../request-fields.js';
import { requireExecution, requireMachine, resolveMachine, type Operation, type ServerContext } from '../server-context.js';
import type { MachineRow } from '../store/store.js';
import { publishVersion, tagsOf } from './versions-and-aliases.js';

const DEFAULT_LOGGING = { level: 'OFF', includeExecutionData: false };
const DEFAULT_TRACING = { enabled: false };

function machineType(body: RequestBody): 'STANDARD' | 'EXPRESS' {
  const type = optionalString(body, 'type') ?? 'STANDARD';
  if (type !== 'STANDARD' && type !== 'EXPRESS') {
    throw new AwsApiError('ValidationException', `1 validation error detected: Value '${type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]`);
  }
  return type;
}

const createStateMachine: Operation = (body, context) => {
  const name = requiredString(body, 'name');
  const definition = requiredString(body, 'definition');
  const roleArn = requiredString(body, 'roleArn');
  checkName(name);
  const type = machineType(body);
  checkDefinition(definition, type);
  const arn = stateMachineArn(context.identity, name);
  const logging = JSON.stringify(optionalObject(body, 'loggingConfiguration') ?? DEFAULT_LOGGING);
  const tracing = JSON.stringify(optionalObject(body, 'tracingConfiguration') ?? DEFAULT_TRACING);
  const existing = context.store.machine(arn);
  if (existing) {
    // As on AWS, creating the same machine again is idempotent; anything different is a conflict.
    if (existing.definition === definition && existing.role_arn === roleArn && existing.type === type) {
      return { stateMachineArn: arn, creationDate: epochSeconds(existing.created_at) };
    }
    throw new AwsApiError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
  }
  const now = Date.now();
  const tags = tagsOf(optionalArray(body, 'tags'));
  const row: MachineRow = { arn, name, type, definition, role_arn: roleArn, description: null, revision_id: randomUUID(), logging, tracing, created_at: now, updated_at: null };
  const versionArn = context.store.transaction(() => {
    context.store.insertMachine(row);
    context.store.putTags(arn, tags);
    return optionalBoolean(body, 'publish') ? publishVersion(context, row, optionalString(body, 'versionDescription')).arn : undefined;
  });
  return defined({ stateMachineArn: arn, creationDate: epochSeconds(now), stateMachineVersionArn: versionArn });
};

const describeStateMachine: Operation = (body, context) => {
  const arn = requiredString(body, 'stateMachineArn');
  const { machine, version, alias } = resolveMachine(context, arn);
  if (alias) throw new AwsApiError('ValidationException', `DescribeStateMachine takes a state machine or version ARN; use DescribeStateMachineAlias for '${arn}'`);
  const source = version ?? machine;
  return defined({
    stateMachineArn: version ? version.arn : machine.arn,
    name: machine.name,
    status: 'ACTIVE',
    definition: source.definition,
    roleArn: source.role_arn,
    type: machine.type,
    creationDate: epochSeconds(version ? version.created_at : machine.created_at),
    loggingConfiguration: JSON.parse(machine.logging),
    tracingConfiguration: JSON.parse(machine.tracing),
    revisionId: source.revision_id,
    description: version?.description ?? undefined,
  });
};

const updateStateMachine: Operation = (body, context) => {
  const machine = requireMachine(context, requiredString(body, 'stateMachineArn'));
  const definition = optionalString(body, 'definition');
  const roleArn = optionalString(body, 'roleArn');
  const logging = optionalObject(body, 'loggingConfiguration');
  const tracing = optionalObject(body, 'tracingConfiguration');
  const publish = optionalBoolean(body, 'publish');
  if (definition === undefined && roleArn === undefined && !logging && !tracing && !publish) {
    throw new AwsApiError('MissingRequiredParameter', 'Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified');
  }
  if (definition !== undefined) checkDefinition(definition, machine.type);
  const now = Date.now();
  const changed = (definition !== undefined && definition !== machine.definition) || (roleArn !== undefined && roleArn !== machine.role_arn);
  const updated: MachineRow = {
    ...machine,
    definition: definition ?? machine.definition,
    role_arn: roleArn ?? machine.role_arn,
    logging: logging ? JSON.stringify(logging) : machine.logging,
    tracing: tracing ? JSON.stringify(tracing) : machine.tracing,
    revision_id: changed ? randomUUID() : machine.revision_id,
    updated_at: now,
  };
  const versionArn = context.store.transaction(() => {
    context.store.updateMachine(updated);
    return publish ? publishVersion(context, updated, optionalString(body, 'versionDescription')).arn : undefined;
  });
  return defined({ updateDate: epochSeconds(now), revisionId: updated.revision_id, stateMachineVersionArn: versionArn });
};

const deleteStateMachine: Operation = async (body, context) => {
  const arn = requiredString(body, 'stateMachineArn');
  const machine = context.store.machine(resolveArnForDelete(arn));
  if (machine) {
    for (const row of context.store.executions({ column: 'machine_arn', arn: machine.arn, status: 'RUNNING' }, -1, 0)) {
      await context.host.stop(row.arn, { error: 'States.Runtime', cause: 'The state machine was deleted.' });
    }
    context.store.deleteMachine(machine.arn);
  }
  // AWS answers a deletion of a machine that is not there (any more) with success too.
  return {};
};

/** DeleteStateMachine takes an unqualified ARN (versions and aliases have their own deletions). */
function resolveArnForDelete(arn: string): string {
  const target = parseStateMachineArn(arn);
  if (target.version !== undefined || target.alias !== undefined) {
    throw new AwsApiError('ValidationException', `DeleteStateMachine takes an unqualified state machine ARN; use DeleteStateMachineVersion or DeleteStateMachineAlias for '${arn}'`);
  }
  return arn;
}

const listStateMachines: Operation = (body, context) => {
  const page = readPage(body, 'ListStateMachines', (limit, offset) => context.store.machines(limit, offset));
  return defined({
    stateMachines: page.items.map((row) => ({ stateMachineArn: row.arn, name: row.name, type: row.type, creationDate: epochSeconds(row.created_at) })),
    nextToken: page.nextToken,
  });
};

const validateStateMachineDefinition: Operation = (body) => {
  const definition = requiredString(body, 'definition');
  const type = machineType(body);
  const problems = definitionProblems(definition, type);
  const maxResults = typeof body.maxResults === 'number' && body.maxResults > 0 ? body.maxResults : 100;
  return {
    result: problems.length === 0 ? 'OK' : 'FAIL',
    diagnostics: problems.slice(0, maxResults).map((problem) => ({ severity: 'ERROR', code: awsCodeOf(problem), message: problem.message, location: problem.location })),
    truncated: problems.length > maxResults,
  };
};

const describeStateMachineForExecution: Operation = (body, context: ServerContext) => {
  const execution = requireExecution(context, requiredString(body, 'executionArn'));
  const machine = context.store.machine(execution.machine_arn);
  return defined({
    stateMachineArn: execution.version_arn ?? execution.machine_arn,
    name: execution.machine_arn.slice(execution.machine_arn.lastIndexOf(':') + 1),
    definition: execution.definition,
    roleArn: execution.role_arn,
    updateDate: epochSeconds(machine?.updated_at ?? machine?.created_at ?? execution.started_at),
    loggingConfiguration: machine ? JSON.parse(machine.logging) : DEFAULT_LOGGING,
    tracingConfiguration: machine ? JSON.parse(machine.tracing) : DEFAULT_TRACING,
  });
};

/** The state machine operations, by name. */
export const stateMachineOperations: Record<string, Operation> = {
  CreateStateMachine: createStateMachine,
  DescribeStateMachine: describeStateMachine,
  UpdateStateMachine: updateStateMachine,
  DeleteStateMachine: deleteStateMachine,
  ListStateMachines: listStateMachines,
  ValidateStateMachineDefinition: validateStateMachineDefinition,
  DescribeStateMachineForExecution: describeStateMachineForExecution,
};
