/**
 * The options whose value is free text or a task token: a value of theirs may
 * begin with `-` (typestep's task tokens are base64url and start with `-` one
 * time in 64; an error name or cause may too).
 */
const TEXT_OPTIONS = new Set(['--task-token', '--task-output', '--error', '--cause', '--worker-name']);

/**
 * argv with `--task-token -abc…` written as `--task-token=-abc…`, so that
 * yargs takes the value as the option's instead of reading `-abc…` as short
 * flags (a token holding `h` printed the help and sent nothing, exit 0). A
 * lone `-` is left alone (see `protectStandardStreams`).
 *
 * @example
 * keepDashValues(['send-task-success', '--task-token', '-h_x2']) // ['send-task-success', '--task-token=-h_x2']
 */
export function keepDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[i + 1];
    if (TEXT_OPTIONS.has(arg) && value !== undefined && value.startsWith('-') && value !== '-' && !value.startsWith('--')) {
      out.push(`${arg}=${value}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
