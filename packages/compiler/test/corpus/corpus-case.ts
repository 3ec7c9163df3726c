import type { HandlerMap } from '@typestep/runtime';

export { failure, flaky } from '../fixture-cases.js';

/** How a corpus case must end: with this output, or failing with this error name. */
export type CorpusExpectation = { output: unknown } | { error: string };

/**
 * One case of a corpus workflow: an input, fresh handlers (a factory, since
 * handlers may count calls) and the outcome a person expects. The native run
 * must give `expected`; the compiled run must give what the native run gives.
 */
export interface CorpusCase {
  name: string;
  input: unknown;
  handlers: () => HandlerMap;
  expected: CorpusExpectation;
}
