import type { CheckerModules } from './workflow-checker.js';

/** The compiler could not be loaded: nothing can be checked, and the editor is told why. */
export class CompilerUnavailableError extends Error {
  override name = 'CompilerUnavailableError';
}

/**
 * Loads `@typestep/compiler`. tsserver loads plugins with
 * `require`, and the compiler is an ES module: that takes a Node that can
 * `require()` ES modules (20.19 or later, 22.12 or later), which recent
 * editors run tsserver on. Any failure becomes a `CompilerUnavailableError`
 * that names the Node version and the reason.
 *
 * @example
 * const { compiler } = loadCheckerModules();
 */
export function loadCheckerModules(): CheckerModules {
  try {
    return { compiler: require('@typestep/compiler') as CheckerModules['compiler'] };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CompilerUnavailableError(`cannot load @typestep/compiler in tsserver's Node ${process.version} (it needs require() of ES modules: Node 20.19+ or 22.12+): ${reason}`);
  }
}
