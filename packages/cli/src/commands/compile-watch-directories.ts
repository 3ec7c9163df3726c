import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A TypeScript source a workflow can be made of (declaration files are not followed). */
const SOURCE_FILE = /\.(?:ts|tsx|mts|cts)$/;

/** True for a TypeScript source file name that is not a declaration file. */
export function isSourceFile(path: string): boolean {
  return SOURCE_FILE.test(path) && !path.endsWith('.d.ts');
}

/** True when `path` is a directory now. */
export function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/**
 * The directories `typestep compile --watch` watches: the directory of every
 * file the session reads, and the directory each glob starts from; for a
 * `**` glob, every directory below it too, except node_modules, hidden
 * directories and the output directory.
 *
 * @example
 * directoriesToWatch(['/p/src/order.ts'], ['src/**\/*.ts'], '/p/build') // ['/p/src', '/p/src/orders', …]
 */
export function directoriesToWatch(sourceFiles: readonly string[], patterns: readonly string[], out: string): string[] {
  const directories = new Set(sourceFiles.map((file) => dirname(file)));
  for (const pattern of patterns) {
    const segments = pattern.split(/[\\/]/);
    const firstGlob = segments.findIndex((segment) => /[*?[\]{}!]/.test(segment));
    if (firstGlob === -1) continue;
    const base = resolve(segments.slice(0, firstGlob).join('/') || '.');
    if (!existsSync(base)) continue;
    if (segments.slice(firstGlob).includes('**')) for (const dir of directoriesUnder(base, out)) directories.add(dir);
    else directories.add(base);
  }
  return [...directories];
}

/** The TypeScript sources in `dir` and below (the same directories left out as for watching). */
export function sourcesUnder(dir: string, out: string): string[] {
  return directoriesUnder(dir, out).flatMap((directory) =>
    entriesOf(directory)
      .filter((entry) => entry.isFile() && isSourceFile(entry.name))
      .map((entry) => join(directory, entry.name)),
  );
}

/** `dir` and its subdirectories, without node_modules, hidden ones and `out`. */
function directoriesUnder(dir: string, out: string): string[] {
  const found = [dir];
  for (let index = 0; index < found.length; index += 1) {
    for (const entry of entriesOf(found[index]!)) {
      const path = join(found[index]!, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.') && path !== out) found.push(path);
    }
  }
  return found;
}

/** The entries of `dir`; none when it went away (or cannot be read) meanwhile. */
function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
