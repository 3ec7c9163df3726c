import { WorkflowError } from './workflow-error.js';

/** JavaScript's own error classes but `Error`: thrown by a bug, not by the workflow's intent. */
const BUILT_IN: readonly Function[] = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError, AggregateError];

/**
 * The failure an error thrown out of a workflow body (or a Map iteration)
 * is, as the compiled workflow reports it. An `Error`, or an instance of a
 * user class extending it (`class OutOfStock extends Error {}`), becomes the
 * WorkflowError named by its `name` when it is not `'Error'`, else by its
 * class, with its message as cause. A WorkflowError is itself; anything else
 * (a bug: a TypeError, a RangeError…) is left as it is.
 *
 * @example
 * class OutOfStock extends Error {}
 * asFailure(new OutOfStock('sku-1')) // WorkflowError { name: 'OutOfStock', message: 'sku-1', cause: 'sku-1' }
 */
export function asFailure(thrown: unknown): unknown {
  if (thrown instanceof WorkflowError || !(thrown instanceof Error) || BUILT_IN.includes(thrown.constructor)) return thrown;
  const name = thrown.name !== 'Error' ? thrown.name : thrown.constructor.name;
  const failure = new WorkflowError(name, thrown.message);
  // Where it was thrown, for whoever debugs the native run.
  failure.stack = thrown.stack;
  return failure;
}
