export { policyFor, policyDocument, renderStatement } from './policy.js';
export type { Policy, PolicyDocument, PolicyOptions, PolicyStatement } from './policy.js';
export { PolicyError } from './policy-error.js';
export { INTEGRATIONS, SDK_SERVICE_PREFIXES, sdkIamAction } from './integrations.js';
export type { Grant, Integration, IntegrationPattern, ServiceCall } from './integrations.js';
export { PLACEHOLDER_KIND_DESCRIPTIONS } from './placeholder-kind.js';
export type { PlaceholderKind } from './placeholder-kind.js';
