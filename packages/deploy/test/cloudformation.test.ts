import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cloudFormationTemplate, type Template } from '../src/index.js';

/**
 * The properties CloudFormation knows for the resource and property types the
 * templates use, from AWS's CloudFormation template reference
 * (AWS::StepFunctions::StateMachine, AWS::IAM::Role, AWS::Logs::LogGroup) and the
 * SAM specification (AWS::Serverless::StateMachine).
 */
const RESOURCE_PROPERTIES: Record<string, string[]> = {
  'AWS::StepFunctions::StateMachine': [
    'Definition', 'DefinitionS3Location', 'DefinitionString', 'DefinitionSubstitutions', 'EncryptionConfiguration',
    'LoggingConfiguration', 'RoleArn', 'StateMachineName', 'StateMachineType', 'Tags', 'TracingConfiguration',
  ],
  'AWS::IAM::Role': ['AssumeRolePolicyDocument', 'Description', 'ManagedPolicyArns', 'MaxSessionDuration', 'Path', 'PermissionsBoundary', 'Policies', 'RoleName', 'Tags'],
  'AWS::Logs::LogGroup': ['DataProtectionPolicy', 'FieldIndexPolicies', 'KmsKeyId', 'LogGroupClass', 'LogGroupName', 'RetentionInDays', 'Tags'],
  'AWS::Serverless::StateMachine': [
    'AutoPublishAlias', 'Definition', 'DefinitionSubstitutions', 'DefinitionUri', 'DeploymentPreference', 'Events', 'Logging', 'Name',
    'PermissionsBoundary', 'Policies', 'PropagateTags', 'Role', 'RolePath', 'Tags', 'Tracing', 'Type', 'UseAliasAsEventTarget',
  ],
};
/** Property types nested in those resources: name → its properties. */
const PROPERTY_TYPES: Record<string, string[]> = {
  LoggingConfiguration: ['Destinations', 'IncludeExecutionData', 'Level'],
  LogDestination: ['CloudWatchLogsLogGroup'],
  CloudWatchLogsLogGroup: ['LogGroupArn'],
  TracingConfiguration: ['Enabled'],
  'IAM::Role.Policy': ['PolicyDocument', 'PolicyName'],
};
const ATTRIBUTES: Record<string, string[]> = {
  'AWS::StepFunctions::StateMachine': ['Arn', 'Name', 'StateMachineRevisionId'],
  'AWS::Serverless::StateMachine': ['Arn', 'Name'],
  'AWS::IAM::Role': ['Arn', 'RoleId'],
  'AWS::Logs::LogGroup': ['Arn'],
};
const TEMPLATE_SECTIONS = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs'];
const PARAMETER_KEYS = ['Type', 'Default', 'Description', 'AllowedPattern', 'AllowedValues', 'ConstraintDescription', 'MaxLength', 'MinLength', 'MaxValue', 'MinValue', 'NoEcho'];
const PSEUDO = ['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix'];

const keysWithin = (what: string, object: object, known: string[]) => {
  for (const key of Object.keys(object)) assert.ok(known.includes(key), `${what}: CloudFormation knows no ${key}`);
};

/** Every check a template must pass: sections, resource types and property names, parameters, and what Ref, GetAtt and Fn::Sub name. */
function checkTemplate(template: Template, label: string) {
  const parsed = JSON.parse(JSON.stringify(template)) as Template;
  keysWithin(label, parsed, TEMPLATE_SECTIONS);
  for (const [name, parameter] of Object.entries(parsed.Parameters)) {
    assert.ok(/^[A-Za-z0-9]+$/.test(name), `${label}: parameter ${name} is not alphanumeric`);
    keysWithin(`${label} parameter ${name}`, parameter, PARAMETER_KEYS);
    assert.is(parameter.Type, 'String');
    if (parameter.AllowedPattern) new RegExp(`^(?:${parameter.AllowedPattern})$`);
    assert.ok(parameter.Description.length > 0 && parameter.Description.length <= 4000);
  }
  const names = new Set([...Object.keys(parsed.Parameters), ...Object.keys(parsed.Resources), ...PSEUDO]);
  for (const [id, resource] of Object.entries(parsed.Resources)) {
    assert.ok(RESOURCE_PROPERTIES[resource.Type], `${label}: unknown resource type ${resource.Type}`);
    keysWithin(`${label} ${id}`, resource, ['Type', 'Properties', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata']);
    keysWithin(`${label} ${id}`, resource.Properties, RESOURCE_PROPERTIES[resource.Type]!);
    const logging = (resource.Properties.LoggingConfiguration ?? resource.Properties.Logging) as Record<string, any> | undefined;
    if (logging) {
      keysWithin(`${label} ${id} logging`, logging, PROPERTY_TYPES.LoggingConfiguration!);
      for (const destination of logging.Destinations) {
        keysWithin(`${label} ${id} log destination`, destination, PROPERTY_TYPES.LogDestination!);
        keysWithin(`${label} ${id} log group`, destination.CloudWatchLogsLogGroup, PROPERTY_TYPES.CloudWatchLogsLogGroup!);
      }
    }
    const tracing = (resource.Properties.TracingConfiguration ?? resource.Properties.Tracing) as object | undefined;
    if (tracing) keysWithin(`${label} ${id} tracing`, tracing, PROPERTY_TYPES.TracingConfiguration!);
    const policies = resource.Properties.Policies as Array<Record<string, any>> | undefined;
    for (const policy of policies ?? []) {
      const document = resource.Type === 'AWS::IAM::Role' ? (keysWithin(`${label} ${id} policy`, policy, PROPERTY_TYPES['IAM::Role.Policy']!), policy.PolicyDocument) : policy;
      checkPolicyDocument(document, `${label} ${id}`);
    }
  }
  walkIntrinsics(parsed.Resources, label, names, parsed);
  walkIntrinsics(parsed.Outputs, label, names, parsed);
}

function checkPolicyDocument(document: Record<string, any>, label: string) {
  assert.is(document.Version, '2012-10-17');
  for (const statement of document.Statement) {
    keysWithin(`${label} statement`, statement, ['Sid', 'Effect', 'Action', 'Resource']);
    assert.ok(/^[A-Za-z0-9]+$/.test(statement.Sid));
    for (const action of statement.Action) assert.ok(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]*$/.test(action), `${label}: action ${action}`);
  }
}

/** Ref, Fn::GetAtt and Fn::Sub name only parameters, resources (with attributes they have) and pseudo parameters. The Definition is skipped: its `${…}` are DefinitionSubstitutions. */
function walkIntrinsics(node: unknown, label: string, names: Set<string>, template: Template): void {
  if (Array.isArray(node)) return node.forEach((item) => walkIntrinsics(item, label, names, template));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'Definition') continue;
    if (key === 'Ref') assert.ok(names.has(value as string), `${label}: Ref ${value}`);
    else if (key === 'Fn::GetAtt') {
      const [id, attribute] = value as [string, string];
      assert.ok(ATTRIBUTES[template.Resources[id]?.Type ?? '']?.includes(attribute), `${label}: GetAtt ${id}.${attribute}`);
    } else if (key === 'Fn::Sub') {
      for (const match of (value as string).matchAll(/\$\{([^}!]+)\}/g)) assert.ok(names.has(match[1]!), `${label}: Fn::Sub names ${match[1]}`);
    } else walkIntrinsics(value, label, names, template);
  }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const exampleFile = (path: string) => JSON.parse(readFileSync(join(root, 'examples', path), 'utf8'));

const Templates = suite('cloudFormationTemplate');

Templates('CloudFormation: a parameter per placeholder, substitutions, a role Step Functions assumes with the policy, the ARN as output', () => {
  const definition = exampleFile('expense-approval/expense-approval.asl.json');
  const template = cloudFormationTemplate(definition, { name: 'ExpenseApproval' });
  checkTemplate(template, 'expense-approval');
  assert.equal(Object.keys(template.Parameters), ['StateMachineName', 'ApprovalQueueUrl']);
  assert.match(template.Parameters.ApprovalQueueUrl!.Description, /URL of an SQS queue\. Used by Ask the manager: Arguments\.QueueUrl/);
  const machine = template.Resources.StateMachine!;
  assert.is(machine.Type, 'AWS::StepFunctions::StateMachine');
  assert.equal(machine.Properties.DefinitionSubstitutions, { ApprovalQueueUrl: { Ref: 'ApprovalQueueUrl' } });
  assert.equal(machine.Properties.Definition, definition);
  const role = template.Resources.StateMachineRole!;
  assert.equal((role.Properties.AssumeRolePolicyDocument as any).Statement[0].Principal, { Service: 'states.amazonaws.com' });
  assert.equal(template.Outputs.StateMachineArn!.Value, { Ref: 'StateMachine' });
});

Templates('placeholders and ARN parts in policy resources become Fn::Sub over parameters and pseudo parameters', () => {
  const template = cloudFormationTemplate(exampleFile('nightly-import/nightly-import.asl.json'), { name: 'NightlyImport', logging: true, tracing: true });
  checkTemplate(template, 'nightly-import');
  const statements = (template.Resources.StateMachineRole!.Properties.Policies as any)[0].PolicyDocument.Statement;
  const resources = JSON.stringify(statements.map((s: any) => s.Resource));
  assert.match(resources, '{"Fn::Sub":"${ValidateBatchFunctionArn}:*"}');
  assert.is(template.Parameters.ValidateBatchFunctionArn!.AllowedPattern, 'arn:.+', 'a function placeholder must be an ARN: the policy uses it');
  assert.match(resources, 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${StateMachineName}');
  assert.match(resources, 'arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:job/rebuild-customer-index');
  assert.ok(statements.some((s: any) => s.Action.includes('logs:CreateLogDelivery')));
  assert.ok(template.Resources.StateMachineLogGroup);
  assert.equal(template.Resources.StateMachine!.Properties.TracingConfiguration, { Enabled: true });
});

Templates('SAM: an AWS::Serverless::StateMachine with Policies and DefinitionSubstitutions, and the transform', () => {
  const template = cloudFormationTemplate(exampleFile('order-fulfilment/order-fulfilment.asl.json'), { name: 'OrderFulfilment', format: 'sam', logging: true });
  checkTemplate(template, 'order-fulfilment sam');
  assert.is(template.Transform, 'AWS::Serverless-2016-10-31');
  assert.equal(Object.keys(template.Resources), ['StateMachineLogGroup', 'StateMachine']);
  const machine = template.Resources.StateMachine!;
  assert.is(machine.Type, 'AWS::Serverless::StateMachine');
  assert.ok(Object.keys(machine.Properties.DefinitionSubstitutions as object).length > 0);
  assert.is((machine.Properties.Policies as any)[0].Version, '2012-10-17');
});

Templates('a placeholder name CloudFormation cannot use as a parameter is renamed, its substitution kept', () => {
  const template = cloudFormationTemplate(
    { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: '${topic-arn}' }, End: true } } },
    { name: 'M' },
  );
  checkTemplate(template, 'renamed');
  assert.equal(template.Resources.StateMachine!.Properties.DefinitionSubstitutions, { 'topic-arn': { Ref: 'topicarn' } });
  assert.match(JSON.stringify(template.Resources.StateMachineRole), '{"Fn::Sub":"${topicarn}"}');
});

Templates('every compiled fixture and example makes valid templates in both formats', () => {
  const fixtures = join(root, 'packages/compiler/test/fixtures');
  const files = readdirSync(fixtures).map((n) => join(fixtures, n, 'expected.asl.json')).filter((f) => existsSync(f));
  for (const dir of readdirSync(join(root, 'examples'))) {
    for (const name of readdirSync(join(root, 'examples', dir))) if (name.endsWith('.asl.json')) files.push(join(root, 'examples', dir, name));
  }
  for (const file of files) {
    const definition = JSON.parse(readFileSync(file, 'utf8'));
    for (const format of ['cloudformation', 'sam'] as const) checkTemplate(cloudFormationTemplate(definition, { name: 'Machine', format, tracing: true }), `${file} (${format})`);
  }
});

/** The message of the assertion `check` fails with ('' when it passes); uvu's assert.throws rethrows assertions instead of matching them. */
function failureOf(check: () => void): string {
  try {
    check();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

Templates('the checker itself rejects an unknown property, a dangling Ref and an unknown Fn::Sub name', () => {
  const good = () => cloudFormationTemplate({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, { name: 'M' });
  const badProperty = good();
  badProperty.Resources.StateMachine!.Properties.DefinitionSubstitution = {};
  assert.match(failureOf(() => checkTemplate(badProperty, 'bad')), /CloudFormation knows no DefinitionSubstitution/);
  const badRef = good();
  badRef.Outputs.StateMachineArn!.Value = { Ref: 'Nope' };
  assert.match(failureOf(() => checkTemplate(badRef, 'bad')), /Ref Nope/);
  const badSub = good();
  badSub.Resources.StateMachineRole!.Properties.Description = { 'Fn::Sub': '${Missing}' };
  assert.match(failureOf(() => checkTemplate(badSub, 'bad')), /Fn::Sub names Missing/);
});

Templates.run();
