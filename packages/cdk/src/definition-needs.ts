// What a definition needs from its deployment, worked out by @typestep/deploy: its placeholders and
// the policy of its role, the latter scoped to the stack's partition, region and account.
import { Aws } from 'aws-cdk-lib';
import { placeholders, policyFor, type Placeholder, type PlaceholderKind } from '@typestep/deploy';

export type { Placeholder, PlaceholderKind };

/** One IAM policy statement in the JSON shape, its resources possibly holding `${Name}` placeholders. */
export interface PolicyStatementJson {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
}

/** Every `${Name}` of the definition, in order of first use, with what it must be and where it is used. */
export function placeholderNeeds(definition: object): Placeholder[] {
  return placeholders(definition);
}

/** What the role needs for every call the definition makes, and why a statement is wider than one resource. */
export interface RolePolicyNeeds {
  statements: PolicyStatementJson[];
  /** Each statement's reasons for `*` (states named), then what the role does not cover (activities). */
  notes: string[];
}

/**
 * The role's policy. ARNs typestep builds from names use the stack's
 * partition, region and account (CDK tokens); `stateMachineArn` names the
 * machine's own executions for a Distributed Map.
 */
export function rolePolicyNeeds(definition: object, stateMachineArn?: string): RolePolicyNeeds {
  const scope = { partition: Aws.PARTITION, region: Aws.REGION, account: Aws.ACCOUNT_ID };
  const policy = policyFor(definition, stateMachineArn === undefined ? scope : { ...scope, stateMachineArn });
  return {
    statements: policy.statements.map(({ Sid, Effect, Action, Resource }) => ({ Sid, Effect, Action, Resource })),
    notes: [...policy.statements.flatMap(({ Sid, states, notes }) => (notes ?? []).map((note) => `${Sid} (${states.join(', ')}): ${note}`)), ...policy.notes],
  };
}
