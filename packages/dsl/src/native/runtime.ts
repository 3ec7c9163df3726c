import type * as Runtime from '@typestep/runtime';

let loaded: typeof Runtime | undefined;

/**
 * Loads `@typestep/runtime` when the first native run starts. Importing the
 * DSL (which the compiler does for every compile) must not pay for the
 * interpreter, jsonata and ajv: only running a workflow natively needs them.
 */
export async function loadRuntime(): Promise<typeof Runtime> {
  return (loaded ??= await import('@typestep/runtime'));
}

/** The runtime, inside a native run (which has loaded it). */
export function runtime(): typeof Runtime {
  if (!loaded) throw new Error('@typestep/runtime is not loaded: task calls run natively only inside workflow.run()');
  return loaded;
}
