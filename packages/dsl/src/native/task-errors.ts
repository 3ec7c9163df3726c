import { runtime } from './runtime.js';
import { WorkflowError } from '../workflow/workflow-error.js';
import type { TaskDescription } from '../declarations/task.js';

/** Any Lambda function ARN: it tells the runtime "the callee is a Lambda function" where the real ARN is a placeholder. */
const SOME_FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:placeholder';

/**
 * A thrown handler error as the compiled workflow's `catch (e)` would see it:
 * the runtime's own rules (`serviceError`) for how a thrown value becomes an
 * ASL error and how the integration shapes it (Lambda's error document,
 * `<Service>.<Name>Exception` for AWS SDK calls), so native runs and compiled
 * runs cannot drift apart.
 */
export function toWorkflowError(thrown: unknown, description: TaskDescription): WorkflowError {
  const { serviceError, StatesError } = runtime();
  const error = thrown instanceof WorkflowError ? new StatesError(thrown.name, thrown.cause) : thrown;
  const shaped = serviceError(resourceOf(description), error);
  return new WorkflowError(shaped.error, shaped.cause);
}

/**
 * The resource whose service decides the error's shape. A direct Lambda call
 * may name its function by a `${Placeholder}`, which becomes a function ARN
 * once deployed; AWS then reports Lambda's error document, so native runs do too.
 */
function resourceOf(description: TaskDescription): string {
  if (description.kind === 'lambda' && description.invoke === 'direct' && !description.resource.startsWith('arn:')) return SOME_FUNCTION_ARN;
  return description.resource;
}
