import { fileURLToPath } from 'node:url';

/** A stack frame's location: `at fn (/a/b.ts:3:9)`, `at /a/b.ts:3:9` or `at file:///a/b.ts:3:9`. */
const FRAME = /\(?((?:file:\/\/)?\/[^()\s]+?|[A-Za-z]:\\[^()]+?):\d+:\d+\)?$/;

/**
 * The file that called `workflow()`: the first stack frame outside this
 * package. Tests use it to find the workflow's source and compile it; with
 * tsx, vitest or ts-node it is the `.ts` file itself (they map stacks back
 * to sources). Undefined when the stack says nothing usable.
 *
 * @example
 * definitionSite(new Error().stack) // '/work/app/src/workflow.ts'
 */
export function definitionSite(stack: string | undefined): string | undefined {
  // The package's own folder (dist/workflow/ → the package root): with source maps its frames read src/… too.
  const ownFolder = fileURLToPath(new URL('../..', import.meta.url));
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const match = FRAME.exec(line.trim());
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (!file.startsWith(ownFolder)) return file;
  }
  return undefined;
}
