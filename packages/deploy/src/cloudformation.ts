import type { PlaceholderKind } from './placeholder-kind.js';
import { placeholders, type Placeholder } from './placeholders.js';
import { policyFor, renderStatement } from './policy.js';

/** Options of {@link cloudFormationTemplate}. */
export interface TemplateOptions {
  /** The workflow's name: the default of the `StateMachineName` parameter. */
  name: string;
  /** `cloudformation` (an `AWS::StepFunctions::StateMachine` and its `AWS::IAM::Role`) or `sam` (`AWS::Serverless::StateMachine`). */
  format?: 'cloudformation' | 'sam';
  /** STANDARD (default) or EXPRESS. */
  type?: 'STANDARD' | 'EXPRESS';
  /** Log to a new CloudWatch Logs group (level ERROR), and grant log delivery. */
  logging?: boolean;
  /** Turn X-Ray tracing on, and grant it. */
  tracing?: boolean;
}

/** A CloudFormation template, as JSON. */
export interface Template {
  AWSTemplateFormatVersion: '2010-09-09';
  Transform?: string;
  Description: string;
  Parameters: Record<string, { Type: 'String'; Description: string; Default?: string; AllowedPattern?: string; ConstraintDescription?: string }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, { Description: string; Value: unknown }>;
}

// ARN parts typestep fills in while building the policy, then hands to Fn::Sub as pseudo parameters.
// They hold no colon, so ARNs built from them still parse.
const PARTITION = '{{partition}}';
const REGION = '{{region}}';
const ACCOUNT = '{{account}}';
const NAME_PARAMETER = 'StateMachineName';
const ARN_KINDS = new Set<PlaceholderKind>(['lambda-function-arn', 'state-machine-arn', 'topic-arn', 'activity-arn', 'iam-role-arn', 'connection-arn']);

/**
 * A CloudFormation (or SAM) template deploying `definition`: one template
 * parameter per `${Name}` placeholder (Type String, Description from the
 * placeholder manifest) passed through `DefinitionSubstitutions`, a role
 * Step Functions can assume with the policy of {@link policyFor}, and the
 * machine's ARN as an output.
 *
 * @example
 * const template = cloudFormationTemplate(definition, { name: 'ProcessOrder' });
 * writeFileSync('ProcessOrder.cfn.json', JSON.stringify(template, null, 2));
 */
export function cloudFormationTemplate(definition: object, options: TemplateOptions): Template {
  const format = options.format ?? 'cloudformation';
  const manifest = placeholders(definition);
  const parameterOf = parameterNames(manifest);
  const selfArn = `arn:${PARTITION}:states:${REGION}:${ACCOUNT}:stateMachine:\${${NAME_PARAMETER}}`;
  const { statements } = policyFor(definition, {
    stateMachineArn: selfArn,
    logging: options.logging,
    tracing: options.tracing,
    partition: PARTITION,
    region: REGION,
    account: ACCOUNT,
  });
  const policy = {
    Version: '2012-10-17',
    Statement: statements.map((statement) => {
      const rendered = renderStatement(statement);
      return { ...rendered, Resource: rendered.Resource.map((resource) => substituted(resource, parameterOf)) };
    }),
  };

  const Parameters: Template['Parameters'] = {
    [NAME_PARAMETER]: { Type: 'String', Default: options.name, Description: 'Name of the state machine' },
  };
  for (const placeholder of manifest) {
    Parameters[parameterOf.get(placeholder.name)!] = {
      Type: 'String',
      Description: truncate(`\${${placeholder.name}}: ${placeholder.description}`, 4000),
      // The role's policy names the same value, so a Lambda function's name where its ARN belongs would deploy but fail.
      ...(ARN_KINDS.has(placeholder.kind) ? { AllowedPattern: 'arn:.+', ConstraintDescription: 'must be an ARN (arn:…): the role’s policy uses the same value' } : {}),
    };
  }
  const substitutions = Object.fromEntries(manifest.map((p) => [p.name, { Ref: parameterOf.get(p.name)! }]));
  const logGroup = options.logging ? { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } } : undefined;
  const loggingConfiguration = {
    Level: 'ERROR',
    IncludeExecutionData: false,
    Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': ['StateMachineLogGroup', 'Arn'] } } }],
  };
  const Resources: Template['Resources'] = logGroup ? { StateMachineLogGroup: logGroup } : {};
  const Outputs: Template['Outputs'] = {
    StateMachineArn: { Description: `ARN of the ${options.name} state machine`, Value: { Ref: 'StateMachine' } },
  };

  // The two resource types say the same things under different property names.
  const machineProperties = (names: { name: string; type: string; tracing: string; logging: string }, access: Record<string, unknown>) => ({
    [names.name]: { Ref: NAME_PARAMETER },
    [names.type]: options.type ?? 'STANDARD',
    Definition: definition,
    ...(manifest.length > 0 ? { DefinitionSubstitutions: substitutions } : {}),
    ...access,
    ...(options.tracing ? { [names.tracing]: { Enabled: true } } : {}),
    ...(options.logging ? { [names.logging]: loggingConfiguration } : {}),
  });

  if (format === 'sam') {
    Resources.StateMachine = {
      Type: 'AWS::Serverless::StateMachine',
      Properties: machineProperties({ name: 'Name', type: 'Type', tracing: 'Tracing', logging: 'Logging' }, { Policies: [policy] }),
    };
  } else {
    Resources.StateMachineRole = {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: { 'Fn::Sub': `Role of the \${${NAME_PARAMETER}} state machine (generated by typestep)` },
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        ...(policy.Statement.length > 0 ? { Policies: [{ PolicyName: 'StateMachinePolicy', PolicyDocument: policy }] } : {}),
      },
    };
    Resources.StateMachine = {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: machineProperties(
        { name: 'StateMachineName', type: 'StateMachineType', tracing: 'TracingConfiguration', logging: 'LoggingConfiguration' },
        { RoleArn: { 'Fn::GetAtt': ['StateMachineRole', 'Arn'] } },
      ),
    };
    Outputs.StateMachineRoleArn = { Description: 'ARN of the role the state machine runs with', Value: { 'Fn::GetAtt': ['StateMachineRole', 'Arn'] } };
  }

  return {
    AWSTemplateFormatVersion: '2010-09-09',
    ...(format === 'sam' ? { Transform: 'AWS::Serverless-2016-10-31' } : {}),
    Description: `The ${options.name} state machine and its IAM permissions (generated by typestep)`,
    Parameters,
    Resources,
    Outputs,
  };
}

/** Template parameter names (alphanumeric, unique, not StateMachineName) for each placeholder. */
function parameterNames(manifest: Placeholder[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set([NAME_PARAMETER]);
  for (const { name } of manifest) {
    const base = name.replace(/[^A-Za-z0-9]/g, '') || 'Placeholder';
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
    taken.add(candidate);
    names.set(name, candidate);
  }
  return names;
}

/** A policy resource for CloudFormation: plain when literal, `Fn::Sub` when it holds placeholders or ARN parts. */
function substituted(resource: string, parameterOf: Map<string, string>): unknown {
  if (!resource.includes('${') && !resource.includes('{{')) return resource;
  const text = resource
    .replace(/\$\{([^}\s]+)\}/g, (whole, name: string) => (name === NAME_PARAMETER ? whole : `\${${parameterOf.get(name) ?? name}}`))
    .replaceAll(PARTITION, '${AWS::Partition}')
    .replaceAll(REGION, '${AWS::Region}')
    .replaceAll(ACCOUNT, '${AWS::AccountId}');
  return { 'Fn::Sub': text };
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
