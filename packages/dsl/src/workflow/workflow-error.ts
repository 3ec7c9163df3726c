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

  /**
   * `new WorkflowError(name, cause?)` names the error. A subclass's errors are
   * named after the class: `new PaymentDeclined('card refused')` of
   * `class PaymentDeclined extends WorkflowError {}` is the error
   * `PaymentDeclined` with cause `card refused`. The arguments reaching this
   * constructor from a subclass are read as `(name, cause?)` only when the first
   * is the name of a class from `new.target` up to WorkflowError (as in an
   * explicit `constructor(m?: string) { super('PaymentDeclined', m); }`, or a
   * `super(m)` to such a base class); otherwise as `(message?)`.
   *
   * @example
   * class PaymentDeclined extends WorkflowError {}
   * new PaymentDeclined('card refused'); // name 'PaymentDeclined', message and cause 'card refused'
   * new WorkflowError('PaymentDeclined', 'card refused'); // the same name and cause
   */
  constructor(name: string, cause?: string);
  constructor(message?: string);
  constructor(first?: string, second?: string) {
    const named = new.target === WorkflowError || classNamesUpTo(new.target).includes(first as string);
    const name = named ? first : new.target.name;
    const cause = named ? second : first;
    super(cause ?? '');
    if (typeof name !== 'string') throw new TypeError('WorkflowError: the error name must be a string');
    // `name` and `message` are own enumerable properties so that they survive `{ ...e }` and a JSON copy
    // (`{ name, message, cause }`, what the compiled workflow's caught error is).
    Object.defineProperty(this, 'name', { value: name, enumerable: true, configurable: true, writable: true });
    Object.defineProperty(this, 'message', { value: cause ?? '', enumerable: true, configurable: true, writable: true });
    this.cause = cause;
  }

  /**
   * `e instanceof PaymentDeclined`, for a subclass: true for its instances,
   * and for a failure the runtime reported (a plain WorkflowError, as a
   * failed task's is) whose name is the one the subclass gives its errors.
   * The compiled workflow sees only names, so it tests the same way (it also
   * accepts the names of the subclasses of `PaymentDeclined`, which native
   * runs cannot enumerate).
   *
   * @example
   * class PaymentDeclined extends WorkflowError { constructor(message?: string) { super('PaymentDeclined', message); } }
   * new WorkflowError('PaymentDeclined', 'card refused') instanceof PaymentDeclined; // true
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (this === WorkflowError || !(value instanceof WorkflowError) || Object.getPrototypeOf(value) !== WorkflowError.prototype) return false;
    return errorNameOf(this) === value.name;
  }
}

/** The name a subclass gives its errors, found by constructing one without arguments (once per class). */
const errorNames = new WeakMap<Function, string | undefined>();

function errorNameOf(errorClass: Function): string | undefined {
  if (!errorNames.has(errorClass)) {
    let name: string | undefined;
    try {
      name = (Reflect.construct(errorClass, []) as WorkflowError).name;
    } catch {
      name = undefined;
    }
    errorNames.set(errorClass, name);
  }
  return errorNames.get(errorClass);
}

/** The names of `errorClass` and of the classes it extends, up to (not including) WorkflowError. */
function classNamesUpTo(errorClass: Function): string[] {
  const names: string[] = [];
  for (let at = errorClass; at && at !== WorkflowError; at = Object.getPrototypeOf(at) as Function) names.push(at.name);
  return names;
}
