/**
 * Every integration typestep knows, with the IAM permissions its Task needs:
 * ONE table, one row per integration. Facts come from AWS's "IAM policies for
 * …" pages of the Step Functions developer guide; each row has a test in
 * test/integrations.test.ts.
 */
import { type ArnScope, type ScopedResources, dynamodbTableArns, executionArnsOf, formatArn, isPlaceholder, lambdaFunctionArns, scopeByField } from './arn.js';
import {
  athenaWorkGroup,
  batchResource,
  ecsTaskDefinition,
  eventBuses,
  everywhere,
  grant,
  isSync,
  lambdaFunction,
  merge,
  runsJob,
  s3Bucket,
  sqsQueue,
  stateMachine,
  syncRule,
} from './call-resources.js';
import type { PlaceholderKind } from './placeholder-kind.js';
import { sdkIamAction } from './sdk-names.js';
import type { Grant, Integration, ServiceCall } from './service-call.js';

export type { Grant, Integration, IntegrationPattern, ServiceCall } from './service-call.js';
export { SDK_SERVICE_PREFIXES, sdkIamAction } from './sdk-names.js';

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
    grants: (call) =>
      runsJob(
        call,
        [
          grant(['ecs:RunTask'], ecsTaskDefinition(call)),
          everywhere(['iam:PassRole'], "the task's roles come from its task definition, which the state machine does not name; narrow to those role ARNs"),
        ],
        ['ecs:StopTask', 'ecs:DescribeTasks'],
        'StepFunctionsGetEventsForECSTaskRule',
      ),
  },
  {
    resource: 'batch:submitJob',
    patterns: ['', '.sync'],
    placeholderKinds: { JobQueue: 'batch-job-queue-arn', JobDefinition: 'batch-job-definition-arn' },
    grants: (call) =>
      runsJob(
        call,
        [grant(['batch:SubmitJob'], merge(batchResource(call, 'JobDefinition', 'job-definition'), batchResource(call, 'JobQueue', 'job-queue')))],
        ['batch:DescribeJobs', 'batch:TerminateJob'],
        'StepFunctionsGetEventsForBatchJobsRule',
      ),
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
        // AWS checks this action against the state machine itself.
        call.stateMachineArn
          ? { actions: ['states:InvokeHTTPEndpoint'], resources: [call.stateMachineArn] }
          : { actions: ['states:InvokeHTTPEndpoint'], resources: [formatArn(call.scope, 'states', 'stateMachine:*')], notes: ['pass stateMachineArn to name the machine itself'] },
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
