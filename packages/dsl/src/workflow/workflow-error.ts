/**
 * An error as Step Functions names it. Throw one in a workflow body to fail
 * the execution (a Fail state, or the nearest `catch`); every failure caught
 * in `catch (e)` is one: `e.name` is the ASL Error (`States.Timeout`,
 * `Lambda.ServiceException`, a thrown handler error's name…) and `e.message`
 * / `e.cause` the ASL Cause (`''` / `undefined` when there is none).
 *
 * @example
 * try {
 *   await chargeCard({ orderId, amount });
 * } catch (e) {
 *   if (e instanceof WorkflowError && e.name === 'CardDeclined') return { status: 'declined' };
 *   throw new WorkflowError('PaymentFailed', e instanceof WorkflowError ? e.message : 'unknown');
 * }
 */
export class WorkflowError extends Error {
  /** The ASL Cause, when there is one. */
  override readonly cause: string | undefined;

  constructor(name: string, cause?: string) {
    super(cause ?? '');
    if (typeof name !== 'string') throw new TypeError('WorkflowError: the error name must be a string');
    // `name` and `message` are own enumerable properties so that they survive `{ ...e }` and a JSON copy
    // (`{ name, message, cause }`, what the compiled workflow's caught error is).
    Object.defineProperty(this, 'name', { value: name, enumerable: true, configurable: true, writable: true });
    Object.defineProperty(this, 'message', { value: cause ?? '', enumerable: true, configurable: true, writable: true });
    this.cause = cause;
  }
}
