/**
 * The exit codes of every `typestep` command (packages/cli/README.md lists
 * them for users).
 */

/** It worked: the execution succeeded, the definition is valid, the files were written. */
export const EXIT_OK = 0;
/** The execution failed, timed out or was aborted; `validate` found problems; a task call was refused. */
export const EXIT_FAILED = 1;
/** Wrong usage, an unreadable or malformed file (definition, input, schema, mocks), or TypeScript that does not compile. */
export const EXIT_USAGE = 2;
/** A fault of typestep itself (reported on one line; `TYPESTEP_DEBUG=1` adds the stack). */
export const EXIT_INTERNAL = 3;
