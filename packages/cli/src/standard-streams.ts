import { readFileSync, readSync, writeFileSync } from 'node:fs';
// The subpath, not the runtime's index: reading a file should not load the interpreter (ajv, jsonata).
import { describeJsonSyntaxError } from '@typestep/runtime/json-syntax-error';
import { systemMessage } from './system-message.js';

/** The file name that means stdin where a file is read and stdout where one is written. */
export const STANDARD_STREAM = '-';

/**
 * What `-` becomes before yargs parses argv, and back after: yargs takes a
 * lone `-` for neither an option's value nor a positional. No shell can pass
 * a NUL inside an argument, so no real file name can collide with it.
 */
const PARSED_STANDARD_STREAM = '\u0000-';

/** argv with each lone `-` protected from yargs (see {@link restoreStandardStreams}). */
export function protectStandardStreams(argv: readonly string[]): string[] {
  return argv.map((arg) => (arg === STANDARD_STREAM ? PARSED_STANDARD_STREAM : arg));
}

/** Parsed arguments with each protected `-` given back, also inside arrays (a yargs middleware). */
export function restoreStandardStreams(args: Record<string, unknown>): void {
  const restore = (value: unknown): unknown =>
    value === PARSED_STANDARD_STREAM ? STANDARD_STREAM : Array.isArray(value) ? value.map(restore) : value;
  for (const [key, value] of Object.entries(args)) args[key] = restore(value);
}

/** How a file name reads in a message: `-` is stdin or stdout. */
export function displayName(file: string, direction: 'read' | 'write' = 'read'): string {
  return file === STANDARD_STREAM ? (direction === 'read' ? 'stdin' : 'stdout') : file;
}

/** A file's text (`-`: all of stdin), or why it cannot be read, e.g. "no such file". */
export function readText(file: string): { text: string } | { problem: string } {
  try {
    return { text: file === STANDARD_STREAM ? readStdin() : readFileSync(file, 'utf8') };
  } catch (error) {
    return { problem: fileProblem(error) };
  }
}

/**
 * All of stdin, read synchronously. A pipe Node has made non-blocking answers
 * EAGAIN while its writer has not written yet (`slow-command | typestep …`),
 * where `readFileSync(0)` would give up: wait a little and read again.
 */
function readStdin(): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let count: number;
    try {
      count = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (count === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, count)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes `text` to a file (`-`: stdout); returns why it could not, or undefined. */
export function writeText(file: string, text: string): string | undefined {
  try {
    if (file === STANDARD_STREAM) process.stdout.write(text);
    else writeFileSync(file, text);
    return undefined;
  } catch (error) {
    return fileProblem(error);
  }
}

/**
 * Reads and parses a JSON file (`-`: stdin). The problem says what is wrong
 * in words: `cannot read input file nope.json: no such file`, or
 * `order.json is not valid JSON: Expected ',' or '}' at line 3:5`.
 */
export function readJsonFile(file: string, what: string): { value: unknown } | { problem: string } {
  const read = readText(file);
  const named = file === STANDARD_STREAM ? `${what} (stdin)` : `${what} ${file}`;
  if ('problem' in read) return { problem: `cannot read ${named}: ${read.problem}` };
  return parseJsonText(read.text, named);
}

/** Parses JSON text, or says where it is malformed: `the input is not valid JSON: … at line 1:2`. */
export function parseJsonText(text: string, what: string): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `${what} is not valid JSON: ${describeJsonSyntaxError(text, error)}` };
  }
}

/** The usual file-system errors in words; others as Node words them, on one line. */
export function fileProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return systemMessage(error);
  }
}

/**
 * A definition file's JSON (`-`: stdin) as an ASL definition object, also
 * when it is what AWS answers about a state machine: the output of
 * `aws stepfunctions describe-state-machine` (or of
 * describe-state-machine-for-execution) holds the definition as JSON text in
 * `definition`, which is read in its place. A message otherwise.
 *
 * @example
 * readDefinitionObject('machine.json') // { value: { StartAt, States } }, from either shape
 */
export function readDefinitionObject(file: string): { value: object } | { problem: string } {
  const read = readJsonFile(file, 'the definition');
  if ('problem' in read) return read;
  let value = read.value;
  if (value && typeof value === 'object' && !('States' in value) && typeof (value as { definition?: unknown }).definition === 'string') {
    const inner = parseJsonText((value as { definition: string }).definition, `the "definition" text in ${displayName(file)}`);
    if ('problem' in inner) return inner;
    value = inner.value;
  }
  if (!value || typeof value !== 'object' || !('States' in value)) return { problem: `${displayName(file)} is not an ASL definition (no States, and no "definition" text as describe-state-machine gives)` };
  return { value };
}
