import Module, { createRequire } from 'node:module';
import { isAscii } from 'node:buffer';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { Script, constants } from 'node:vm';
import { CodeCache } from './code-cache.js';

/** A script compiled without usable cached data: its code is written to `cache` by `saveCodeCache()`. */
interface Unsaved {
  file: string;
  stats: Stats;
  script: Script;
  cache: CodeCache;
}

/** Node's CommonJS module, with the members this loader needs (`@types/node` leaves them out). */
type CommonJsModule = Module & { loaded: boolean; paths: string[] };
const Modules = Module as unknown as {
  new (id: string, parent?: Module): CommonJsModule;
  _cache: Record<string, CommonJsModule | undefined>;
  _nodeModulePaths(folder: string): string[];
  wrap(source: string): string;
};

const unsaved: Unsaved[] = [];
let environment: CodeCache | undefined;
let environmentCacheChosen = false;

/**
 * `require(file)` of a big CommonJS file, compiled with the V8 code cache of
 * an earlier process when `cache` has one. The module is Node's own: it lands
 * in `require.cache` under its path, so a later `require` of it gets the same
 * exports, and an already loaded file is not loaded again. Node runs the same
 * code either way; the cache only saves compiling it. Without a cache (see
 * `CodeCache.fromEnvironment`) this is a plain `require`.
 *
 * @example
 * const ts = requireWithCodeCache(require.resolve('@ts-morph/common/dist/typescript.js'));
 */
export function requireWithCodeCache(file: string, cache = environmentCache(file)): unknown {
  const existing = Modules._cache[file];
  if (existing?.loaded) return existing.exports;
  if (!cache) return createRequire(file)(file);
  const stats = statSync(file);
  const cachedData = cache.read(file, stats);
  const script = new Script(Modules.wrap(readSource(file)), {
    filename: file,
    cachedData,
    importModuleDynamically: constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  // An ES module that imports this file may already have registered its (not yet loaded) module: fill that one.
  const module = existing ?? new Modules(file);
  module.filename = file;
  module.paths = Modules._nodeModulePaths(dirname(file));
  Modules._cache[file] = module;
  try {
    script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  } catch (error) {
    delete Modules._cache[file];
    throw error;
  }
  module.loaded = true;
  if (!cachedData || script.cachedDataRejected) unsaved.push({ file, stats, script, cache });
  return module.exports;
}

/**
 * Writes the code of the files `requireWithCodeCache` compiled without a
 * usable cache. Called after a compile, so the data also holds the functions
 * that compile needed (V8 compiles most functions only when first called).
 * Silent when no folder is writable.
 *
 * @example
 * await compile({ files }); saveCodeCache();
 */
export function saveCodeCache(): void {
  for (const { file, stats, script, cache } of unsaved.splice(0)) cache.write(file, stats, script.createCachedData());
}

/** The environment's cache (`CodeCache.fromEnvironment`), chosen on the first load: one folder for every file. */
function environmentCache(file: string): CodeCache | undefined {
  if (!environmentCacheChosen) environment = CodeCache.fromEnvironment(file);
  environmentCacheChosen = true;
  return environment;
}

/** The file's text; ASCII (TypeScript's 9 MB are) is decoded as Latin-1, which gives the same string faster. */
function readSource(file: string): string {
  const bytes = readFileSync(file);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}
