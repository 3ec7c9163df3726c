import { buildCacheFolders, fingerprintOf, readCacheFile, writeCacheFile } from './cache-file.js';
import { compilerFingerprint } from './compiler-fingerprint.js';

/**
 * `make()`'s text, kept in the build cache under a hash of `key` and the
 * compiler's fingerprint: for slow work whose text depends on `key` alone
 * (the `.d.ts` generated from a workflow's schema). A later call with an
 * equal key, in any process, reads it back. With the build cache off, or when
 * nothing can be written, it is `make()`.
 *
 * @example
 * const text = await memoizedText('declarations', { root, name }, () => generate(root, name));
 */
export async function memoizedText(kind: string, key: unknown, make: () => Promise<string>, env: Record<string, string | undefined> = process.env): Promise<string> {
  const folders = buildCacheFolders(env);
  if (!folders) return make();
  const name = `${kind}-${fingerprintOf(JSON.stringify([compilerFingerprint(), key])).slice(0, 32)}.txt`;
  const kept = readCacheFile(folders, name);
  if (kept !== undefined) return kept;
  const text = await make();
  writeCacheFile(folders, name, text);
  return text;
}
