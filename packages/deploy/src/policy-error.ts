/** Why no policy could be made: `code` is stable, `state` is the state path that caused it. */
export class PolicyError extends Error {
  override name = 'PolicyError';
  constructor(
    readonly code: 'unknown_resource' | 'unsupported_pattern' | 'missing_field' | 'invalid_definition',
    readonly state: string,
    message: string,
  ) {
    super(state ? `state ${JSON.stringify(state)}: ${message}` : message);
  }
}
