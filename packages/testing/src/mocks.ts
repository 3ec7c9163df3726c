import type { Job, TaskContext } from '@typestep/runtime';

/**
 * A task's local implementation in a test: gets the request and the call's context, returns the
 * response or throws. A `.sync` job's mock may return the runtime's `job({ seconds, output })`, which takes virtual time.
 */
export type TaskMock<Request = any, Response = unknown> = (request: Request, context: TaskContext) => Response | Job | Promise<Response | Job>;

/**
 * An error a mock throws: its `name` is the ASL error name the workflow sees
 * (what `Retry`/`Catch` match and `instanceof` tests natively), its message
 * the cause.
 *
 * @example
 * throw taskError('Payment.Declined', 'card expired');
 */
export function taskError(name: string, cause?: string): Error {
  return Object.assign(new Error(cause ?? name), { name });
}

/**
 * Ready-made task mocks for the common cases. Every mock given to
 * `testWorkflow` also records its calls (see `TestRun.calls`), these as well
 * as plain functions.
 *
 * @example
 * handlers: {
 *   priceOrder: mock.succeed({ total: 18 }),
 *   chargeCard: mock.failTimes(2, 'Bank.Unavailable', { chargeId: 'ch-1', approved: true }),
 *   sendReceipt: mock.fail('SNS.ThrottlingException', 'slow down'),
 *   slowReport: mock.never(),
 * }
 */
export const mock = {
  /** Answers every call with `value`, or with what `value(request)` returns. */
  succeed<Response>(value: Response | ((request: any) => Response)): TaskMock<any, Response> {
    return (request) => (typeof value === 'function' ? (value as (request: unknown) => Response)(request) : value);
  },
  /** Fails every call with the error `error` and the cause `cause`. */
  fail(error: string, cause?: string): TaskMock<any, never> {
    return () => {
      throw taskError(error, cause);
    };
  },
  /**
   * Fails the first `times` attempts of each visit of the state (its
   * `RetryCount` 0 … times − 1) with `error`, then answers with `value`: a
   * Retry with at least `times` attempts lets the workflow go on.
   */
  failTimes<Response>(times: number, error: string, value: Response | ((request: any) => Response), cause?: string): TaskMock<any, Response> {
    const answer = mock.succeed(value);
    return (request, context) => {
      const retryCount = (context.context.State as { RetryCount?: number } | undefined)?.RetryCount ?? 0;
      if (retryCount < times) throw taskError(error, cause ?? `attempt ${retryCount + 1} of ${times} failing`);
      return answer(request, context);
    };
  },
  /**
   * Never answers: the task ends only by its `TimeoutSeconds` or
   * `HeartbeatSeconds` (States.Timeout), which the virtual clock reaches at
   * once, or when the execution stops.
   */
  never(): TaskMock<any, never> {
    return (_request, context) =>
      new Promise<never>((_resolve, reject) => {
        context.signal.addEventListener('abort', () => reject(context.signal.reason), { once: true });
      });
  },
};
