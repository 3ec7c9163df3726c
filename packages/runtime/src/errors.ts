/**
 * An error as Step Functions names it: `error` is what `ErrorEquals` matches
 * (`States.Runtime`, `Lambda.ServiceException`, a Fail state's `Error`…) and
 * `cause` is the free text beside it.
 *
 * Errors the service raises itself while evaluating a state (`States.Runtime`,
 * `States.QueryEvaluationError`, …) carry `scoped: true`; the interpreter then
 * prefixes the cause with AWS's "An error occurred while executing the state
 * 'X' (entered at the event id #N). " sentence, exactly as the service does.
 *
 * @example
 * throw new StatesError('States.Runtime', "Invalid path '$.x' : No results for path: $['x']", { scoped: true });
 */
export class StatesError extends Error {
  readonly error: string;
  override readonly cause: string | undefined;
  readonly scoped: boolean;
  /** The field whose evaluation failed (`Output/result`, `Items`…): the EvaluationFailed event's `location`. */
  readonly location: string | undefined;
  /**
   * Another name `ErrorEquals` also matches. AWS reports a missed heartbeat as
   * `States.Timeout`, which a Retry or Catch may also name `States.HeartbeatTimeout`.
   */
  readonly alias: string | undefined;

  constructor(error: string, cause?: string, options: { scoped?: boolean; location?: string; alias?: string } = {}) {
    super(cause === undefined ? error : `${error}: ${cause}`);
    this.name = 'StatesError';
    this.error = error;
    this.cause = cause;
    this.scoped = options.scoped ?? false;
    this.location = options.location;
    this.alias = options.alias;
  }
}

/** Shorthand for the `States.Runtime` errors the service raises while evaluating a state. */
export function runtimeError(cause: string): StatesError {
  return new StatesError('States.Runtime', cause, { scoped: true });
}

/**
 * Shorthand for the `States.QueryEvaluationError` errors raised by JSONata
 * evaluation; `location` names the field, when AWS names one.
 */
export function queryEvaluationError(cause: string, location?: string): StatesError {
  return new StatesError('States.QueryEvaluationError', cause, { scoped: true, location });
}
