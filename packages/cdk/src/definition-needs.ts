// What a definition needs from its deployment, worked out by @typestep/deploy: its placeholders and
// the policy of its role, the latter scoped to the stack's partition, region and account.
import { policyFor, type PlaceholderKind } from '@typestep/deploy';

export type { PlaceholderKind };

/** One place a placeholder is used (as @typestep/deploy's `placeholders` reports it). */
export interface PlaceholderUse {
  state: string;
  field: string;
  kind: PlaceholderKind;
}

/** A `${Name}` of a definition: what it must be and where it is used. */
export interface Placeholder {
  name: string;
  kind: PlaceholderKind;
  uses: PlaceholderUse[];
}

/** One IAM policy statement in the JSON shape, its resources possibly holding `${Name}` and `${AWS::Region}`-style references. */
export interface PolicyStatementJson {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
}

// Stand-in for placeholders() of @typestep/deploy until it is exported: names only, all 'string'.
export function placeholderNeeds(definition: object): Placeholder[] {
  const names = new Set<string>();
  for (const match of JSON.stringify(definition).matchAll(/\$\{([^}\s]+)\}/g)) names.add(match[1]!);
  return [...names].map((name) => ({ name, kind: 'string', uses: [] }));
}

/** The statements the role needs for every call the definition makes. ARNs typestep builds from names use the stack's partition, region and account. */
export function policyStatementsFor(definition: object): PolicyStatementJson[] {
  const { statements } = policyFor(definition, { partition: '${AWS::Partition}', region: '${AWS::Region}', account: '${AWS::AccountId}' });
  return statements.map(({ Sid, Effect, Action, Resource }) => ({ Sid, Effect, Action, Resource }));
}
