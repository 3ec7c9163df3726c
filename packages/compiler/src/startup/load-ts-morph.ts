import { createRequire } from 'node:module';
import { CodeCache } from './code-cache.js';
import { requireWithCodeCache } from './cached-require.js';

/**
 * ts-morph's exports, its three CommonJS files (TypeScript 6 alone is 9 MB)
 * loaded through the V8 code cache, innermost first, so each `require` inside
 * them finds the module already loaded. Compiling those files was about a
 * third of a cold compile. With `TYPESTEP_NO_CACHE` set, a plain `require`.
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
  requireWithCodeCache(common);
  return requireWithCodeCache(tsMorph);
}
