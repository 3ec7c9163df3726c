/**
 * Every integration typestep knows, with the IAM permissions its Task needs:
 * ONE table, one row per integration. Facts come from AWS's "IAM policies for
 * …" pages of the Step Functions developer guide; each row has a test in
 * test/integrations.test.ts.
 */
import {
  type ArnScope,
  type ScopedResources,
  dynamodbTableArns,
  executionArnsOf,
  formatArn,
  isPlaceholder,
  lambdaFunctionArns,
  scopeByField,
  sqsQueueArns,
  syncRuleArn,
} from './arn.js';
import type { PayloadField } from './payload-field.js';
import type { PlaceholderKind } from './placeholder-kind.js';

/** An integration pattern: request–response (''), run a job, or wait for a callback. */
export type IntegrationPattern = '' | '.sync' | '.sync:2' | '.waitForTaskToken';

/** Some actions on some resources, and why the resources are wider than they could be. */
export interface Grant {
  actions: string[];
  resources: string[];
  notes?: string[];
}

/** One call a state makes, as a row sees it. */
export interface ServiceCall {
  /** The state's path. */
  state: string;
  /** The Task's Resource (for a reader or writer: its Resource). */
  resource: string;
  /** For `arn:aws:states:::aws-sdk:<service>:<action>`: those two. */
  service: string;
  action: string;
  pattern: IntegrationPattern;
  scope: ArnScope;
  /** A payload field: `field('FunctionName')`, `field('ResultConfiguration', 'OutputLocation')`. */
  field(...path: string[]): PayloadField;
}

/** One row of the table. */
export interface Integration {
  /** What follows `arn:aws:states:::` in the Resource (`lambda:invoke`), or a name for the other Resource forms. */
  resource: string;
  /** The patterns AWS offers for it. */
  patterns: IntegrationPattern[];
  /** What a `${Name}` placeholder must be when it is the whole value of one of these payload fields. */
  placeholderKinds?: Record<string, PlaceholderKind>;
  grants(call: ServiceCall): Grant[];
}

const grant = (actions: string[], scoped: ScopedResources): Grant =>
  scoped.notes.length > 0 ? { actions, resources: scoped.resources, notes: scoped.notes } : { actions, resources: scoped.resources };

const everywhere = (actions: string[], note: string): Grant => ({ actions, resources: ['*'], notes: [note] });

const syncRule = (call: ServiceCall, rule: string): Grant => ({
  actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
  resources: [syncRuleArn(call.scope, rule)],
});

const isSync = (call: ServiceCall) => call.pattern === '.sync' || call.pattern === '.sync:2';

const lambdaFunction = (call: ServiceCall) => scopeByField(call.field('FunctionName'), (v) => lambdaFunctionArns(call.scope, v));

const stateMachine = (call: ServiceCall) => scopeByField(call.field('StateMachineArn'), (v) => [v]);

function sqsQueue(call: ServiceCall): ScopedResources {
  const scoped = scopeByField(call.field('QueueUrl'), (v) => sqsQueueArns(call.scope, v));
  const url = call.field('QueueUrl');
  if (scoped.notes.length === 0 && scoped.resources[0] === '*' && url.kind === 'literal') {
    const why = isPlaceholder(String(url.value)) ? 'is a placeholder for a URL' : 'is not an SQS queue URL';
    return { resources: ['*'], notes: [`${url.field} ${why}; a queue's ARN cannot be made from it, so scope this statement by hand`] };
  }
  return scoped;
}

function s3Bucket(call: ServiceCall, objects: boolean): ScopedResources {
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

function eventBuses(call: ServiceCall): ScopedResources {
  const entries = call.field('Entries');
  if (entries.kind !== 'literal' || !Array.isArray(entries.value)) return scopeByField(entries, () => ['*']);
  const resources = new Set<string>();
  const notes: string[] = [];
  for (const entry of entries.value as unknown[]) {
    const record = (entry ?? {}) as Record<string, unknown>;
    const bus = record.EventBusName ?? 'default';
    if (typeof bus !== 'string' || /^\{%/.test(bus) || 'EventBusName.$' in record) {
      resources.add('*');
      notes.push(`${entries.field}[].EventBusName is computed at run time, so the resource cannot be narrowed`);
    } else resources.add(bus.startsWith('arn:') || isPlaceholder(bus) && bus.includes('Arn') ? bus : formatArn(call.scope, 'events', `event-bus/${bus}`));
  }
  return resources.has('*') ? { resources: ['*'], notes } : { resources: [...resources], notes };
}

/** ECS task definition: family, family:revision or ARN. */
function ecsTaskDefinition(call: ServiceCall): ScopedResources {
  return scopeByField(call.field('TaskDefinition'), (v) => {
    if (v.startsWith('arn:') || isPlaceholder(v)) return [v];
    return [formatArn(call.scope, 'ecs', `task-definition/${v.includes(':') ? v : `${v}:*`}`)];
  });
}

/** Batch job queues and definitions: a name (definition: name[:revision]) or an ARN. */
function batchResource(call: ServiceCall, field: string, type: 'job-queue' | 'job-definition'): ScopedResources {
  return scopeByField(call.field(field), (v) => {
    if (v.startsWith('arn:') || isPlaceholder(v)) return [v];
    return [formatArn(call.scope, 'batch', `${type}/${type === 'job-definition' && !v.includes(':') ? `${v}:*` : v}`)];
  });
}

const merge = (...parts: ScopedResources[]): ScopedResources => {
  const resources = [...new Set(parts.flatMap((p) => p.resources))];
  return { resources: resources.includes('*') ? ['*'] : resources, notes: parts.flatMap((p) => p.notes) };
};

const ATHENA_GLUE_ACTIONS = [
  'glue:CreateDatabase', 'glue:GetDatabase', 'glue:GetDatabases', 'glue:UpdateDatabase', 'glue:DeleteDatabase',
  'glue:CreateTable', 'glue:UpdateTable', 'glue:GetTable', 'glue:GetTables', 'glue:DeleteTable', 'glue:BatchDeleteTable',
  'glue:BatchCreatePartition', 'glue:CreatePartition', 'glue:UpdatePartition', 'glue:GetPartition', 'glue:GetPartitions',
  'glue:BatchGetPartition', 'glue:DeletePartition', 'glue:BatchDeletePartition',
];

const ATHENA_S3_ACTIONS = [
  's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads',
  's3:ListMultipartUploadParts', 's3:AbortMultipartUpload', 's3:CreateBucket', 's3:PutObject',
];

function athenaWorkGroup(call: ServiceCall): ScopedResources {
  return scopeByField(call.field('WorkGroup'), (v) => [formatArn(call.scope, 'athena', `workgroup/${v}`)], 'primary');
}

/** The table. Keep it the only place that knows which call needs which permission. */
export const INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'lambda:invoke',
    patterns: ['', '.waitForTaskToken'],
    placeholderKinds: { FunctionName: 'lambda-function-arn' },
    grants: (call) => [grant(['lambda:InvokeFunction'], lambdaFunction(call))],
  },
  {
    // The older form: the function's ARN is the Resource itself.
    resource: 'lambda-function-arn',
    patterns: [''],
    grants: (call) => [{ actions: ['lambda:InvokeFunction'], resources: lambdaFunctionArns(call.scope, call.resource) }],
  },
  {
    // An activity needs nothing from the machine's role: its worker calls GetActivityTask and SendTask* with its own.
    resource: 'activity',
    patterns: [''],
    grants: () => [],
  },
  {
    resource: 'states:startExecution',
    patterns: ['', '.sync', '.sync:2', '.waitForTaskToken'],
    placeholderKinds: { StateMachineArn: 'state-machine-arn' },
    grants: (call) => {
      const machine = stateMachine(call);
      if (!isSync(call)) return [grant(['states:StartExecution'], machine)];
      const executions = merge(...machine.resources.map((arn) => ({ resources: arn === '*' ? ['*'] : executionArnsOf(call.scope, arn), notes: [] })));
      const placeholder = call.field('StateMachineArn');
      if (placeholder.kind === 'literal' && isPlaceholder(String(placeholder.value))) {
        executions.notes.push(`the executions of ${placeholder.value} cannot be named before it is substituted, so any execution in the account is allowed`);
      }
      return [
        grant(['states:StartExecution'], machine),
        grant(['states:DescribeExecution', 'states:StopExecution'], executions),
        syncRule(call, 'StepFunctionsGetEventsForStepFunctionsExecutionRule'),
      ];
    },
  },
  {
    resource: 'sqs:sendMessage',
    patterns: ['', '.waitForTaskToken'],
    placeholderKinds: { QueueUrl: 'queue-url' },
    grants: (call) => [grant(['sqs:SendMessage'], sqsQueue(call))],
  },
  {
    resource: 'sns:publish',
    patterns: ['', '.waitForTaskToken'],
    placeholderKinds: { TopicArn: 'topic-arn', TargetArn: 'topic-arn' },
    grants: (call) => {
      const topic = call.field('TopicArn');
      return [grant(['sns:Publish'], scopeByField(topic.kind === 'absent' ? call.field('TargetArn') : topic, (v) => [v]))];
    },
  },
  {
    resource: 'events:putEvents',
    patterns: ['', '.waitForTaskToken'],
    placeholderKinds: { 'Entries[].EventBusName': 'event-bus-name' },
    grants: (call) => [grant(['events:PutEvents'], eventBuses(call))],
  },
  ...(['getItem', 'putItem', 'updateItem', 'deleteItem'] as const).map(
    (action): Integration => ({
      resource: `dynamodb:${action}`,
      patterns: [''],
      placeholderKinds: { TableName: 'table-name' },
      grants: (call) => [
        grant([`dynamodb:${action[0]!.toUpperCase()}${action.slice(1)}`], scopeByField(call.field('TableName'), (v) => dynamodbTableArns(call.scope, v))),
      ],
    }),
  ),
  {
    resource: 'glue:startJobRun',
    patterns: ['', '.sync'],
    placeholderKinds: { JobName: 'glue-job-name' },
    grants: (call) => {
      const job = scopeByField(call.field('JobName'), (v) => [formatArn(call.scope, 'glue', `job/${v}`)]);
      const actions = isSync(call) ? ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'] : ['glue:StartJobRun'];
      return [grant(actions, job)];
    },
  },
  {
    resource: 'ecs:runTask',
    patterns: ['', '.sync', '.waitForTaskToken'],
    placeholderKinds: { TaskDefinition: 'ecs-task-definition-arn', Cluster: 'ecs-cluster-arn' },
    grants: (call) => {
      const grants = [
        grant(['ecs:RunTask'], ecsTaskDefinition(call)),
        everywhere(['iam:PassRole'], "the task's roles come from its task definition, which the state machine does not name; narrow to those role ARNs"),
      ];
      if (isSync(call)) {
        grants.push(
          everywhere(['ecs:StopTask', 'ecs:DescribeTasks'], 'AWS requires *: the task ID is unknown before the task starts'),
          syncRule(call, 'StepFunctionsGetEventsForECSTaskRule'),
        );
      }
      return grants;
    },
  },
  {
    resource: 'batch:submitJob',
    patterns: ['', '.sync'],
    placeholderKinds: { JobQueue: 'batch-job-queue-arn', JobDefinition: 'batch-job-definition-arn' },
    grants: (call) => {
      const grants = [grant(['batch:SubmitJob'], merge(batchResource(call, 'JobDefinition', 'job-definition'), batchResource(call, 'JobQueue', 'job-queue')))];
      if (isSync(call)) {
        grants.push(
          everywhere(['batch:DescribeJobs', 'batch:TerminateJob'], 'AWS requires *: the job ID is unknown before the job is submitted'),
          syncRule(call, 'StepFunctionsGetEventsForBatchJobsRule'),
        );
      }
      return grants;
    },
  },
  {
    resource: 'athena:startQueryExecution',
    patterns: ['', '.sync'],
    placeholderKinds: { WorkGroup: 'athena-workgroup-name' },
    grants: (call) => {
      const athenaActions = ['athena:StartQueryExecution', 'athena:GetDataCatalog'];
      if (isSync(call)) athenaActions.push('athena:StopQueryExecution', 'athena:GetQueryExecution');
      return [
        grant(athenaActions, merge(athenaWorkGroup(call), { resources: [formatArn(call.scope, 'athena', 'datacatalog/*')], notes: [] })),
        everywhere(ATHENA_S3_ACTIONS, 'Athena reads the queried data and writes results in S3 locations the query chooses; narrow to those buckets'),
        {
          actions: ATHENA_GLUE_ACTIONS,
          resources: [
            formatArn(call.scope, 'glue', 'catalog'),
            formatArn(call.scope, 'glue', 'database/*'),
            formatArn(call.scope, 'glue', 'table/*'),
            formatArn(call.scope, 'glue', 'userDefinedFunction/*'),
          ],
        },
        everywhere(['lakeformation:GetDataAccess'], 'AWS requires * for Lake Formation data access'),
      ];
    },
  },
  ...(['getQueryExecution', 'getQueryResults', 'stopQueryExecution'] as const).map(
    (action): Integration => ({
      resource: `athena:${action}`,
      patterns: [''],
      grants: (call) => {
        const grants: Grant[] = [{ actions: [`athena:${action[0]!.toUpperCase()}${action.slice(1)}`], resources: [formatArn(call.scope, 'athena', 'workgroup/*')] }];
        if (action === 'getQueryResults') grants.push(everywhere(['s3:GetObject'], 'the query results sit wherever the query wrote them'));
        return grants;
      },
    }),
  ),
  {
    resource: 'sagemaker:createTrainingJob',
    patterns: ['', '.sync'],
    placeholderKinds: { RoleArn: 'iam-role-arn', TrainingJobName: 'string' },
    grants: (call) => {
      const job = scopeByField(call.field('TrainingJobName'), (v) => [formatArn(call.scope, 'sagemaker', `training-job/${v}*`)]);
      const actions = isSync(call)
        ? ['sagemaker:CreateTrainingJob', 'sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob']
        : ['sagemaker:CreateTrainingJob'];
      const grants = [
        grant(actions, job),
        everywhere(['sagemaker:ListTags'], 'AWS requires * for ListTags'),
        grant(['iam:PassRole'], scopeByField(call.field('RoleArn'), (v) => [v])),
      ];
      if (isSync(call)) grants.push(syncRule(call, 'StepFunctionsGetEventsForSageMakerTrainingJobsRule'));
      return grants;
    },
  },
  {
    resource: 'http:invoke',
    patterns: [''],
    placeholderKinds: { 'Authentication.ConnectionArn': 'connection-arn' },
    grants: (call) => {
      const connection = scopeByField(call.field('Authentication', 'ConnectionArn'), (v) => [v]);
      return [
        everywhere(['states:InvokeHTTPEndpoint'], 'scope with a condition on states:HTTPEndpoint and states:HTTPMethod if you want it narrower'),
        grant(['events:RetrieveConnectionCredentials'], connection),
        {
          actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          resources: [formatArn(call.scope, 'secretsmanager', 'secret:events!connection/*')],
        },
      ];
    },
  },
  // Distributed Map readers and writers (the Map state's ItemReader / ResultWriter).
  {
    resource: 'ItemReader s3:getObject',
    patterns: [''],
    placeholderKinds: { Bucket: 'bucket-name' },
    grants: (call) => [grant(['s3:GetObject'], s3Bucket(call, true))],
  },
  {
    resource: 'ItemReader s3:listObjectsV2',
    patterns: [''],
    placeholderKinds: { Bucket: 'bucket-name' },
    grants: (call) => [grant(['s3:ListBucket'], s3Bucket(call, false))],
  },
  {
    resource: 'ResultWriter s3:putObject',
    patterns: [''],
    placeholderKinds: { Bucket: 'bucket-name' },
    grants: (call) => [
      grant(['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'], s3Bucket(call, true)),
    ],
  },
  {
    resource: 'aws-sdk',
    patterns: ['', '.waitForTaskToken'],
    grants: (call) => awsSdkGrants(call),
  },
];

/**
 * Service names of `arn:aws:states:::aws-sdk:<service>:<action>` whose IAM
 * prefix differs (the Resource uses the SDK's client name).
 */
export const SDK_SERVICE_PREFIXES: Readonly<Record<string, string>> = {
  sfn: 'states',
  efs: 'elasticfilesystem',
  elasticloadbalancingv2: 'elasticloadbalancing',
  mediapackagevod: 'mediapackage-vod',
  mwaa: 'airflow',
  iotdata: 'iot',
  iotdataplane: 'iot',
  apigatewaymanagementapi: 'execute-api',
  sesv2: 'ses',
  cognitoidentityprovider: 'cognito-idp',
  cognitoidentity: 'cognito-identity',
  cloudwatchlogs: 'logs',
  cloudwatchevents: 'events',
  eventbridge: 'events',
  acmpca: 'acm-pca',
  databasemigration: 'dms',
  applicationautoscaling: 'application-autoscaling',
  configservice: 'config',
  costexplorer: 'ce',
  emrcontainers: 'emr-containers',
  emrserverless: 'emr-serverless',
  lexmodelsv2: 'lex',
  lexruntimev2: 'lex',
  opensearch: 'es',
  elasticsearch: 'es',
  sagemakerruntime: 'sagemaker',
  dynamodbstreams: 'dynamodb',
  rdsdata: 'rds-data',
  redshiftdata: 'redshift-data',
  ssooidc: 'sso-oauth',
  timestreamwrite: 'timestream',
  timestreamquery: 'timestream',
  marketplacecatalog: 'aws-marketplace',
  bedrockruntime: 'bedrock',
  bedrockagentruntime: 'bedrock',
};

/** SDK actions whose IAM action is not the API's own name. */
const SDK_ACTION_NAMES: Readonly<Record<string, string>> = {
  's3:listObjectsV2': 's3:ListBucket',
  's3:listObjects': 's3:ListBucket',
  's3:listObjectVersions': 's3:ListBucketVersions',
  's3:headObject': 's3:GetObject',
  's3:headBucket': 's3:ListBucket',
  'lambda:invoke': 'lambda:InvokeFunction',
  'bedrockruntime:converse': 'bedrock:InvokeModel',
  'bedrockruntime:converseStream': 'bedrock:InvokeModelWithResponseStream',
};

/** The IAM action an AWS SDK integration call needs: `service:Action` with the documented exceptions. */
export function sdkIamAction(service: string, action: string): string {
  const special = SDK_ACTION_NAMES[`${service}:${action}`];
  if (special) return special;
  return `${SDK_SERVICE_PREFIXES[service] ?? service}:${action[0]!.toUpperCase()}${action.slice(1)}`;
}

/** Grants for `arn:aws:states:::aws-sdk:<service>:<action>`: scoped where the payload names the resource the usual way. */
function awsSdkGrants(call: ServiceCall): Grant[] {
  const { service, action } = call;
  const iamAction = sdkIamAction(service, action);
  const scoped = sdkResources(call, service, action);
  if (scoped) return [grant([iamAction], scoped)];
  return [everywhere([iamAction], `the resource of ${service}:${action} is not derived from its parameters; narrow it by hand`)];
}

function sdkResources(call: ServiceCall, service: string, action: string): ScopedResources | undefined {
  const has = (field: string) => call.field(field).kind !== 'absent';
  if (service === 'dynamodb' && has('TableName')) return scopeByField(call.field('TableName'), (v) => dynamodbTableArns(call.scope, v));
  if (service === 's3' && has('Bucket')) return s3Bucket(call, has('Key') || /Object/.test(action) && !/^list/.test(action));
  if (service === 'sqs' && has('QueueUrl')) return sqsQueue(call);
  if (service === 'sns' && has('TopicArn')) return scopeByField(call.field('TopicArn'), (v) => [v]);
  if (service === 'lambda' && has('FunctionName')) return lambdaFunction(call);
  if (service === 'sfn' && has('StateMachineArn')) return stateMachine(call);
  return undefined;
}

/** Per-field placeholder kinds the aws-sdk form implies, by service. */
export const SDK_PLACEHOLDER_KINDS: Readonly<Record<string, Record<string, PlaceholderKind>>> = {
  dynamodb: { TableName: 'table-name' },
  s3: { Bucket: 'bucket-name' },
  sqs: { QueueUrl: 'queue-url' },
  sns: { TopicArn: 'topic-arn' },
  lambda: { FunctionName: 'lambda-function-arn' },
  sfn: { StateMachineArn: 'state-machine-arn' },
  eventbridge: { EventBusName: 'event-bus-name' },
};

/** Permissions of a Distributed Map: starting and watching its child executions, which run as this very machine. */
export function distributedMapGrants(scope: ArnScope, stateMachineArn: string | undefined): Grant[] {
  if (stateMachineArn) {
    return [
      { actions: ['states:StartExecution'], resources: [stateMachineArn] },
      { actions: ['states:DescribeExecution', 'states:StopExecution'], resources: executionArnsOf(scope, stateMachineArn, '/') },
    ];
  }
  const note = 'a Distributed Map starts executions of this state machine; pass stateMachineArn to name it';
  return [
    { actions: ['states:StartExecution'], resources: [formatArn(scope, 'states', 'stateMachine:*')], notes: [note] },
    { actions: ['states:DescribeExecution', 'states:StopExecution'], resources: [formatArn(scope, 'states', 'execution:*')], notes: [note] },
  ];
}

/** X-Ray, when the machine has tracing on. AWS requires `*`. */
export const TRACING_GRANT: Grant = {
  actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
  resources: ['*'],
  notes: ['X-Ray tracing: AWS requires *'],
};

/** CloudWatch Logs delivery, when the machine logs. AWS requires `*` (log deliveries have no ARN). */
export const LOGGING_GRANT: Grant = {
  actions: [
    'logs:CreateLogDelivery', 'logs:CreateLogStream', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery',
    'logs:ListLogDeliveries', 'logs:PutLogEvents', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups',
  ],
  resources: ['*'],
  notes: ['CloudWatch Logs delivery: AWS requires *'],
};
