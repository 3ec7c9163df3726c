import { createRequire } from 'node:module';
import { CodeCache } from './code-cache.js';
import { requireWithCodeCache } from './cached-require.js';

/**
 * ts-morph's exports. TypeScript (9 MB of JavaScript inside `@ts-morph/common`)
 * and ts-morph's own file are loaded through the V8 code cache, TypeScript
 * first, so the `require` of it inside `@ts-morph/common` finds it loaded.
 * `@ts-morph/common` itself loads as usual: it is mostly the text of
 * TypeScript's lib files, which its cache would only hold a second time (it
 * measured no faster). With `TYPESTEP_NO_CACHE` set, a plain `require`.
 *
 * @example
 * const { Project } = loadTsMorph() as typeof import('ts-morph');
 */
export function loadTsMorph(): unknown {
  const require = createRequire(import.meta.url);
  const tsMorph = require.resolve('ts-morph');
  if (!CodeCache.fromEnvironment(tsMorph)) return require(tsMorph);
  const common = createRequire(tsMorph).resolve('@ts-morph/common');
  requireWithCodeCache(createRequire(common).resolve('./typescript'));
  return requireWithCodeCache(tsMorph);
}
