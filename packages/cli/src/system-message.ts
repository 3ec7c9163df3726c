/**
 * A file-system (or other Node system) error as one line for the user:
 * "EISDIR: illegal operation on a directory", without Node's stack.
 *
 * @example
 * try { writeFileSync(out, text); } catch (error) { stderr(`cannot write ${out}: ${systemMessage(error)}`); }
 */
export function systemMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node repeats the syscall and path after the code ("EISDIR: illegal operation on a directory, open 'x'").
  return error.message.split('\n')[0]!;
}

/** Any thrown value as one line: `Name: message` for errors, whatever it is otherwise. */
export function describeError(error: unknown): string {
  try {
    const text = error instanceof Error ? `${String(error.name)}: ${String(error.message)}` : String(error);
    return text.split('\n')[0]!;
  } catch {
    return Object.prototype.toString.call(error);
  }
}
