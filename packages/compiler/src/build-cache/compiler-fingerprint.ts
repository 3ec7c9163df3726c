import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprintOf } from './cache-file.js';

let computed: string | undefined;

/**
 * A fingerprint of the code that turns inputs into a compile's result: the
 * compiler's own code files and the dsl's (size and modification time of each
 * `.js`, or `.ts` where the compiler runs from its sources; the declarations
 * a program reads are among its inputs), the versions of ts-morph (its
 * TypeScript and lib files), prettier and json-schema-to-typescript, and
 * Node's. A cached result made by any other code is never reused. Worked out
 * once per process.
 *
 * @example
 * compilerFingerprint() // '5d41402abc4b2a76…'
 */
export function compilerFingerprint(): string {
  if (computed) return computed;
  const require = createRequire(import.meta.url);
  const parts: string[] = [process.version];
  for (const folder of [fileURLToPath(new URL('..', import.meta.url)), dirname(require.resolve('@typestep/dsl'))]) listFiles(folder, parts);
  for (const name of ['ts-morph', '@ts-morph/common', 'prettier', 'json-schema-to-typescript']) parts.push(`${name}@${packageVersion(require, name)}`);
  return (computed = fingerprintOf(parts.join('\n')));
}

/** Appends `path size mtime` of every code file (not declarations) under `folder`, in a stable order. */
function listFiles(folder: string, parts: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) listFiles(path, parts);
    else if (entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
      const { size, mtimeMs } = statSync(path);
      parts.push(`${path} ${size} ${mtimeMs}`);
    }
  }
}

/** The `version` of an installed package's package.json, found from its entry point. */
function packageVersion(require: NodeJS.Require, name: string): string {
  let folder = dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version ?? '';
    } catch {
      // No package.json here: look further up.
    }
    const parent = dirname(folder);
    if (parent === folder) return '';
    folder = parent;
  }
}
