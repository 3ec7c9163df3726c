import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where the conformance corpus is: `explicit` (`--cases`), else
 * `TYPESTEP_CONFORMANCE`, else `../shared/conformance` beside the checkout.
 * `named` says whether it was given rather than guessed; `exists`, whether
 * the folder is there.
 */
export function conformanceCasesDir(explicit?: string): { dir: string; named: boolean; exists: boolean } {
  const named = explicit ?? process.env.TYPESTEP_CONFORMANCE;
  const dir = resolve(named ?? join(here, '../../../../shared/conformance'));
  return { dir, named: named !== undefined, exists: existsSync(dir) };
}
