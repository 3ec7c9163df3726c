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
