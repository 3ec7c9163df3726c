import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { PolicyStatementJson } from './definition-needs.js';

const pseudoParameters: Record<string, string> = {
  'AWS::Partition': Aws.PARTITION,
  'AWS::Region': Aws.REGION,
  'AWS::AccountId': Aws.ACCOUNT_ID,
  'AWS::URLSuffix': Aws.URL_SUFFIX,
};

/**
 * Turns policy statements in the JSON shape into CDK statements, replacing
 * each `${Name}` in resources and conditions by the placeholder's value and
 * `${AWS::Region}`-style pseudo parameters by their CloudFormation references.
 */
export function toPolicyStatements(statements: PolicyStatementJson[], substitutions: Record<string, string>): iam.PolicyStatement[] {
  const substitute = (text: string) =>
    text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => substitutions[name] ?? pseudoParameters[name] ?? whole);
  return statements.map(
    (statement) =>
      new iam.PolicyStatement({
        effect: statement.Effect === 'Deny' ? iam.Effect.DENY : iam.Effect.ALLOW,
        actions: toList(statement.Action),
        resources: toList(statement.Resource).map(substitute),
        ...(statement.Condition ? { conditions: substituteDeep(statement.Condition, substitute) as Record<string, unknown> } : {}),
      }),
  );
}

function toList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

function substituteDeep(value: unknown, substitute: (text: string) => string): unknown {
  if (typeof value === 'string') return substitute(value);
  if (Array.isArray(value)) return value.map((item) => substituteDeep(item, substitute));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteDeep(item, substitute)]));
  return value;
}
