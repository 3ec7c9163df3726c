import { parseDefinitionText } from '@typestep/runtime';
import { displayName, readText } from './standard-streams.js';

/** A validation problem, or the CLI's own `unreadable_file` / `not_a_definition`. */
export interface Problem {
  code: string;
  message: string;
  location: string;
}

/** Reads (`-`: stdin) and validates a definition file; problems include an unreadable file or malformed JSON. */
export function loadDefinitionFile(
  file: string,
  type: 'STANDARD' | 'EXPRESS' = 'STANDARD',
): { definition?: unknown; problems: Problem[] } {
  const source = sourceCodeHint(file);
  if (source) return { problems: [{ code: 'not_a_definition', message: source, location: '' }] };
  const read = readText(file);
  if ('problem' in read) return { problems: [{ code: 'unreadable_file', message: `cannot read ${displayName(file)}: ${read.problem}`, location: '' }] };
  return parseDefinitionText(read.text, { type });
}

/**
 * What to do instead, when `file` is a TypeScript or JavaScript module rather
 * than an ASL definition; undefined for any other file.
 */
export function sourceCodeHint(file: string): string | undefined {
  const extension = /\.([cm]?[jt]sx?)$/.exec(file)?.[1];
  if (!extension) return undefined;
  const language = extension.includes('t') ? 'TypeScript' : 'JavaScript';
  return (
    `this is ${language}, not an ASL definition: run \`typestep compile ${file} --out build\` first, then \`typestep run build/<Name>.asl.json\`; ` +
    'or run the workflow natively, where `workflow()` from @typestep/dsl returned it: `await myWorkflow.run(input, { handlers })` ' +
    "(in a test, @typestep/testing's `testWorkflow(myWorkflow, { input, handlers })` runs it natively and compiled)"
  );
}

/** Problems that are not about the definition's content: their message says it all. */
const FILE_PROBLEMS = new Set(['unreadable_file', 'not_a_definition']);

/** Whether every problem is about reading the file, not its content (one message says it all). */
export function isFileProblem(problems: Problem[]): boolean {
  return problems.length > 0 && problems.every((p) => FILE_PROBLEMS.has(p.code));
}

/** One line per problem: `file: /json/pointer: message [code]` (an unreadable file: the message alone). */
export function formatProblems(file: string, problems: Problem[]): string {
  return problems
    .map((p) => (FILE_PROBLEMS.has(p.code) ? p.message : `${displayName(file)}: ${p.location || '/'}: ${p.message} [${p.code}]`))
    .join('\n');
}
