import * as iam from 'aws-cdk-lib/aws-iam';
import type { PolicyStatementJson } from './definition-needs.js';

/**
 * Turns policy statements in the JSON shape into CDK statements, replacing
 * each `${Name}` in resources by the placeholder's value.
 */
export function toPolicyStatements(statements: PolicyStatementJson[], substitutions: Record<string, string>): iam.PolicyStatement[] {
  const substitute = (text: string) =>
    text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => substitutions[name] ?? whole);
  return statements.map(
    (statement) =>
      new iam.PolicyStatement({
        ...(statement.Sid ? { sid: statement.Sid } : {}),
        effect: statement.Effect === 'Deny' ? iam.Effect.DENY : iam.Effect.ALLOW,
        actions: toList(statement.Action),
        resources: toList(statement.Resource).map(substitute),
      }),
  );
}

function toList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}
