import type { ArnScope } from './arn.js';
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
  /** The machine's own ARN, when the caller gave it. */
  stateMachineArn?: string;
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
