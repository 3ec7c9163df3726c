import type { HandlerMap, LocalS3Options } from '@typestep/runtime';

/**
 * One differential case of a fixture: an input and fresh handlers (a
 * factory, since handlers may count calls) run natively and compiled.
 */
export interface FixtureCase {
  name: string;
  input: unknown;
  handlers: () => HandlerMap;
  /** The local S3 both runs read (`map(s3Items(…))`). */
  s3?: LocalS3Options;
}

/** A handler error with an ASL error name, as a Lambda function or service would throw it. */
export function failure(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/** A handler that fails `times` times with `name`, then returns `value`. */
export function flaky(times: number, name: string, value: (input: any, calls: number) => unknown): (input: any) => unknown {
  let calls = 0;
  return (input) => {
    calls += 1;
    if (calls <= times) throw failure(name, `attempt ${calls} failed`);
    return value(input, calls);
  };
}
