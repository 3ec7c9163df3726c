// What a definition needs from its deployment, as @typestep/deploy works it out. Stand-in until
// that package lands: placeholders are found by their `${Name}` text and no policy is derived.
/** What a placeholder must be replaced with (the kinds of @typestep/deploy). */
export type PlaceholderKind =
  | 'lambda-function-arn'
  | 'state-machine-arn'
  | 'activity-arn'
  | 'table-name'
  | 'queue-url'
  | 'topic-arn'
  | 'bucket-name'
  | 'event-bus-name'
  | 'glue-job-name'
  | 'ecs-task-definition-arn'
  | 'ecs-cluster-arn'
  | 'batch-job-queue-arn'
  | 'batch-job-definition-arn'
  | 'athena-workgroup-name'
  | 'iam-role-arn'
  | 'connection-arn'
  | 'string';

/** A `${Name}` placeholder of a definition and the identifier it stands for. */
export interface PlaceholderNeed {
  name: string;
  kind: PlaceholderKind;
  /** Where the definition uses it (state names), for messages. */
  usedIn: string[];
}

/** One IAM policy statement in the JSON shape, its resources possibly holding `${Name}` placeholders. */
export interface PolicyStatementJson {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export function placeholderNeeds(definition: object): PlaceholderNeed[] {
  const names = new Set<string>();
  for (const match of JSON.stringify(definition).matchAll(/\$\{([A-Za-z0-9_.-]+)\}/g)) names.add(match[1]!);
  return [...names].sort().map((name) => ({ name, kind: 'string', usedIn: [] }));
}

export function policyStatementsFor(_definition: object): PolicyStatementJson[] {
  return [];
}
