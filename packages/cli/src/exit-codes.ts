/** `typestep run`: the execution succeeded; `typestep validate`: the definition is valid. */
export const EXIT_OK = 0;
/** The execution failed, timed out or was aborted; or `validate` found problems. */
export const EXIT_FAILED = 1;
/** Invalid definition (for `run`) or wrong usage. */
export const EXIT_USAGE = 2;
/** A fault of typestep itself (reported on one line; `TYPESTEP_DEBUG=1` adds the stack). */
export const EXIT_INTERNAL = 3;
