import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** What a cache key needs of a file's `fs.Stats` (spelled out so the shipped declarations need no @types/node). */
export interface SourceStats {
  size: number;
  mtimeMs: number;
  ino: number;
}
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * V8 code caches of the compiler's big CommonJS dependencies (TypeScript inside
 * ts-morph, prettier), one file per source file, in the first usable folder of
 * `folders`.
 *
 * A cache file is named after the source's path and, separately, after its
 * size, modification time, inode and the Node.js and V8 versions: a source that
 * changes in any of those is never given another source's code, and its old
 * cache file is removed when the new one is written. Each file starts with the
 * SHA-256 of its data, checked on every read: V8 itself checks only the data's
 * length and versions (`cachedDataRejected`), not its bytes. Every failure (an
 * unreadable or unwritable folder, a corrupt file) only means running without
 * the cache.
 *
 * @example
 * const cache = CodeCache.fromEnvironment();
 * const data = cache?.read(file, statSync(file)); // Buffer | undefined
 */
export class CodeCache {
  constructor(readonly folders: readonly string[]) {}

  /**
   * The cache the environment asks for: none when `TYPESTEP_NO_CACHE` is set
   * (to anything but `0` or empty), `TYPESTEP_CACHE_DIR` when set, else
   * `.cache/typestep` in the outermost `node_modules` folder `anchor` is in,
   * then `$XDG_CACHE_HOME/typestep` (`~/.cache/typestep`).
   *
   * @example
   * CodeCache.fromEnvironment('/app/node_modules/ts-morph/dist/ts-morph.js')?.folders
   * // ['/app/node_modules/.cache/typestep', '/home/me/.cache/typestep']
   */
  static fromEnvironment(anchor?: string, env: Record<string, string | undefined> = process.env): CodeCache | undefined {
    if (env.TYPESTEP_NO_CACHE && env.TYPESTEP_NO_CACHE !== '0') return undefined;
    if (env.TYPESTEP_CACHE_DIR) return new CodeCache([env.TYPESTEP_CACHE_DIR]);
    const folders: string[] = [];
    const nodeModules = anchor && nodeModulesFolder(anchor);
    if (nodeModules) folders.push(join(nodeModules, '.cache', 'typestep'));
    folders.push(join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'typestep'));
    return new CodeCache(folders);
  }

  /** The cached code of `source` as it is now (`stats`), or undefined when there is none or it is damaged. */
  read(source: string, stats: SourceStats): Uint8Array | undefined {
    const name = cacheFileName(source, stats);
    for (const folder of this.folders) {
      let stored: Buffer;
      try {
        stored = readFileSync(join(folder, name));
      } catch {
        continue; // Not in this folder (or unreadable): try the next one.
      }
      const data = stored.subarray(DIGEST_BYTES);
      return stored.length > DIGEST_BYTES && digest(data).equals(stored.subarray(0, DIGEST_BYTES)) ? data : undefined;
    }
    return undefined;
  }

  /** Stores `data` for `source` as it is now, replacing older caches of the same path; false when no folder took it. */
  write(source: string, stats: SourceStats, data: Uint8Array): boolean {
    const name = cacheFileName(source, stats);
    const folder = writeInFirstFolder(this.folders, name, Buffer.concat([digest(data), data]));
    if (folder) removeOlderCaches(folder, name);
    return folder !== undefined;
  }
}

/**
 * Writes `data` as `name` in the first of `folders` that takes it: aside,
 * then renamed, so a concurrent reader gets the old file or the whole new one.
 * The folder written, or undefined when none could be.
 *
 * @example
 * writeInFirstFolder(['/app/node_modules/.cache/typestep', '/home/me/.cache/typestep'], 'build-3f….json', text)
 */
export function writeInFirstFolder(folders: readonly string[], name: string, data: string | Uint8Array): string | undefined {
  for (const folder of folders) {
    try {
      mkdirSync(folder, { recursive: true });
      const partial = join(folder, `${name}.${process.pid}.partial`);
      writeFileSync(partial, data);
      renameSync(partial, join(folder, name));
      return folder;
    } catch {
      // Unwritable: try the next folder.
    }
  }
  return undefined;
}

/** The outermost `node_modules` folder `file` is in (the project's own), or undefined. */
export function nodeModulesFolder(file: string): string | undefined {
  const match = /^(.*?[\\/]node_modules)[\\/]/.exec(file);
  return match?.[1];
}

/** `<base name>-<hash of the path>-<hash of size, mtime, inode, versions>.v8`. */
function cacheFileName(source: string, stats: SourceStats): string {
  const base = source.slice(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1).replace(/[^A-Za-z0-9.-]/g, '_');
  const version = [stats.size, stats.mtimeMs, stats.ino, process.version, process.versions.v8, process.arch].join('\0');
  return `${base}-${hash(source)}-${hash(version)}.v8`;
}

const DIGEST_BYTES = 32;

function digest(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Removes the caches of earlier versions of the same source (same path hash, other version hash). */
function removeOlderCaches(folder: string, current: string): void {
  const prefix = current.slice(0, current.lastIndexOf('-') + 1);
  for (const entry of readdirSync(folder)) {
    if (entry !== current && entry.startsWith(prefix) && entry.endsWith('.v8')) rmSync(join(folder, entry), { force: true });
  }
}
