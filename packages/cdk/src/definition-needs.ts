// What a definition needs from its deployment, as @typestep/deploy works it out. Stand-in until
// that package lands: placeholders are found by their `${Name}` text and no policy is derived.
import type { ResourceAttribute } from './placeholder-value.js';

/** A `${Name}` placeholder of a definition and the identifier it stands for. */
export interface PlaceholderNeed {
  name: string;
  attribute: ResourceAttribute;
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
  return [...names].sort().map((name) => ({ name, attribute: 'arn', usedIn: [] }));
}

export function policyStatementsFor(_definition: object): PolicyStatementJson[] {
  return [];
}
