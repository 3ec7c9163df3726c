import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CodeCache, writeInFirstFolder } from '../startup/index.js';

/** Past this many files of one kind (name prefix) in a folder, the least recently written are removed down to `KEEP`. */
const LIMIT = 256;
const KEEP = 192;

/**
 * The folders the build cache uses, in order (those of the code cache:
 * `CodeCache.fromEnvironment`), or undefined when `TYPESTEP_NO_BUILD_CACHE`
 * or `TYPESTEP_NO_CACHE` turns it off.
 *
 * @example
 * buildCacheFolders({ TYPESTEP_CACHE_DIR: '/tmp/c' }) // ['/tmp/c']
 */
export function buildCacheFolders(env: Record<string, string | undefined> = process.env): readonly string[] | undefined {
  if (env.TYPESTEP_NO_BUILD_CACHE && env.TYPESTEP_NO_BUILD_CACHE !== '0') return undefined;
  return CodeCache.fromEnvironment(createRequire(import.meta.url).resolve('ts-morph'), env)?.folders;
}

/** SHA-256 of a text (as UTF-8), in hex: what names and checks the build cache's files and inputs. */
export function fingerprintOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The text of the first of `folders`' files `name` that can be read and
 * whose SHA-256 (its first line) matches; undefined when there is none.
 *
 * @example
 * const text = readCacheFile(folders, 'build-3f….json');
 */
export function readCacheFile(folders: readonly string[], name: string): string | undefined {
  for (const folder of folders) {
    let stored: string;
    try {
      stored = readFileSync(join(folder, name), 'utf8');
    } catch {
      continue; // Not in this folder (or unreadable): try the next one.
    }
    const newline = stored.indexOf('\n');
    const text = stored.slice(newline + 1);
    if (newline === 64 && fingerprintOf(text) === stored.slice(0, newline)) return text;
  }
  return undefined;
}

/**
 * Writes `text` (after its SHA-256) as `name` in the first of `folders` that
 * takes it, aside and then renamed, so a concurrent reader gets the old file
 * or the whole new one; then trims the folder's files of the same kind (the
 * name up to its first `-`) to the most recent. False when no folder took it.
 *
 * @example
 * writeCacheFile(['/app/node_modules/.cache/typestep'], 'build-3f….json', JSON.stringify(entry));
 */
export function writeCacheFile(folders: readonly string[], name: string, text: string): boolean {
  const folder = writeInFirstFolder(folders, name, `${fingerprintOf(text)}\n${text}`);
  if (folder) removeOldest(folder, name.slice(0, name.indexOf('-') + 1));
  return folder !== undefined;
}

/** Keeps a folder's files named `<kind>…` to `LIMIT`: past it, only the `KEEP` most recently written stay. */
function removeOldest(folder: string, kind: string): void {
  const names = readdirSync(folder).filter((name) => name.startsWith(kind) && !name.endsWith('.partial'));
  if (names.length <= LIMIT) return;
  const written = names.map((name) => ({ name, at: statSync(join(folder, name)).mtimeMs })).sort((a, b) => b.at - a.at);
  for (const { name } of written.slice(KEEP)) rmSync(join(folder, name), { force: true });
}
